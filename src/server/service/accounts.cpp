#include "server/service/accounts.h"

#include <condition_variable>
#include <mutex>

#include "core/text/utf8.h"
#include "server/api/api_error.h"

namespace bhabin::server::service {

namespace {

constexpr std::size_t kTokenBytes = 32;  // 256 bits
constexpr std::size_t kMinPasswordChars = 10;
constexpr std::size_t kMaxPasswordBytes = 1024;  // Argon2 accepts more; nobody types more

std::string nrpSubject(const std::string& nrp) { return "login-nrp:" + nrp; }
std::string addressSubject(const std::string& address) { return "login-ip:" + address; }

int retryAfterSeconds(const RateLimit& limit) { return static_cast<int>(limit.windowMs / 1000); }

// Argon2id takes 19 MiB per hash: limiting concurrent hashes bounds the memory a burst of logins can take.
class HashingSlots {
 public:
  bool verify(const std::string& hash, const std::string& password) {
    {
      std::unique_lock lock(mutex_);
      freed_.wait(lock, [this] { return busy_ < kSlots; });
      ++busy_;
    }
    const bool ok = auth::verifyPassword(hash, password);
    {
      std::lock_guard lock(mutex_);
      --busy_;
    }
    freed_.notify_one();
    return ok;
  }

 private:
  static constexpr int kSlots = 2;
  std::mutex mutex_;
  std::condition_variable freed_;
  int busy_ = 0;
};

bool verifySlowly(const std::string& hash, const std::string& password) {
  static HashingSlots slots;
  return slots.verify(hash, password);
}

// Verified against when the NRP is unknown, so a wrong NRP takes as long as a wrong password.
const std::string& decoyHash() {
  static const std::string hash = auth::hashPassword("decoy password that matches nothing");
  return hash;
}

}  // namespace

std::optional<std::string> passwordProblem(const std::string& nrp, const std::string& password) {
  if (password.size() > kMaxPasswordBytes) return "weak_password";
  const auto length = text::countCodePoints(password);
  if (!length || *length < kMinPasswordChars || password == nrp) return "weak_password";
  return std::nullopt;
}

void Accounts::refuseIfThrottled(storage::Connection& connection, const std::string& nrp, const std::string& clientAddress) {
  const auto& settings = backend_.settings();
  const std::int64_t now = backend_.now();
  if (storage::currentHits(connection, nrpSubject(nrp), now, settings.loginFailuresPerAccount.windowMs) >=
      settings.loginFailuresPerAccount.maxHits) {
    throw api::ApiError::tooManyRequests(retryAfterSeconds(settings.loginFailuresPerAccount));
  }
  if (storage::currentHits(connection, addressSubject(clientAddress), now, settings.loginFailuresPerAddress.windowMs) >=
      settings.loginFailuresPerAddress.maxHits) {
    throw api::ApiError::tooManyRequests(retryAfterSeconds(settings.loginFailuresPerAddress));
  }
}

LoginResult Accounts::login(const std::string& nrp, const std::string& password, const std::string& clientAddress) {
  const auto& settings = backend_.settings();
  std::optional<storage::Account> account;
  storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly, [&](storage::Connection& connection) {
    refuseIfThrottled(connection, nrp, clientAddress);
    account = storage::findAccount(connection, nrp);
  });
  const bool passwordOk = password.size() <= kMaxPasswordBytes && verifySlowly(account ? account->passwordHash : decoyHash(), password);
  if (!account || !passwordOk) {
    // Counted in a transaction of its own that commits: the refusal must not roll the count back.
    storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& connection) {
      const std::int64_t now = backend_.now();
      storage::countHit(connection, nrpSubject(nrp), now, settings.loginFailuresPerAccount.windowMs);
      storage::countHit(connection, addressSubject(clientAddress), now, settings.loginFailuresPerAddress.windowMs);
    });
    throw api::ApiError(401, "login_failed");
  }
  if (!account->active) throw api::ApiError(403, "account_inactive");
  return storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& connection) {
    storage::clearHits(connection, nrpSubject(nrp));
    return startSession(connection, *account);
  });
}

LoginResult Accounts::startSession(storage::Connection& connection, const storage::Account& account) {
  const std::int64_t now = backend_.now();
  LoginResult result;
  result.token = auth::randomToken(kTokenBytes);
  result.expiresAtUnixMs = now + backend_.settings().sessionAbsoluteMs;
  result.account = account;
  storage::insertSession(connection, {auth::sha256Hex(result.token), account.nrp, now, now, result.expiresAtUnixMs, false});
  return result;
}

Principal Accounts::authenticate(const std::string& token) {
  if (token.empty()) throw api::ApiError(401, "login_required");
  const std::string tokenHash = auth::sha256Hex(token);
  const std::int64_t now = backend_.now();
  const auto& settings = backend_.settings();
  bool touch = false;
  Principal principal = storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly, [&](storage::Connection& connection) {
    const auto session = storage::findSession(connection, tokenHash);
    if (!session) throw api::ApiError(401, "login_required");
    if (session->revoked || now >= session->expiresAtUnixMs || now >= session->lastSeenAtUnixMs + settings.sessionIdleMs) {
      throw api::ApiError(401, "session_expired");
    }
    auto account = storage::findAccount(connection, session->nrp);
    if (!account || !account->active) throw api::ApiError(401, "session_expired");
    // One write a minute per session is enough for an idle limit measured in hours.
    touch = now - session->lastSeenAtUnixMs > 60 * 1000;
    return Principal{std::move(*account), tokenHash};
  });
  if (touch) {
    storage::inTransaction(backend_.pool(), storage::Durability::Relaxed,
                           [&](storage::Connection& connection) { storage::touchSession(connection, tokenHash, now); });
  }
  return principal;
}

void Accounts::logout(const Principal& principal) {
  storage::inTransaction(backend_.pool(), storage::Durability::Durable,
                         [&](storage::Connection& connection) { storage::revokeSession(connection, principal.tokenHash); });
}

LoginResult Accounts::changePassword(const Principal& principal, const std::string& currentPassword,
                                     const std::string& newPassword) {
  if (!verifySlowly(principal.account.passwordHash, currentPassword)) throw api::ApiError(403, "login_failed");
  if (auto problem = passwordProblem(principal.account.nrp, newPassword)) throw api::ApiError(422, *problem);
  const std::string hash = auth::hashPassword(newPassword, backend_.settings().passwordHashing);
  return storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& connection) {
    storage::updatePasswordHash(connection, principal.account.nrp, hash, backend_.now());
    storage::revokeAllSessions(connection, principal.account.nrp);
    auto account = storage::findAccount(connection, principal.account.nrp);
    return startSession(connection, *account);
  });
}

}  // namespace bhabin::server::service
