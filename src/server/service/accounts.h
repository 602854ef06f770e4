// Logging in and out, sessions and passwords. Sessions live in the database (hashed), so any server process
// can check a token another one issued, and logout or a password change ends them everywhere at once.
#pragma once

#include <optional>
#include <string>

#include "server/service/backend.h"
#include "server/storage/account_rows.h"

namespace bhabin::server::service {

struct Principal {
  storage::Account account;
  std::string tokenHash;  // the session this request came with
};

struct LoginResult {
  std::string token;  // goes into the cookie; only its hash is stored
  std::int64_t expiresAtUnixMs = 0;
  storage::Account account;
};

// The password rules for new passwords; an empty answer means acceptable.
std::optional<std::string> passwordProblem(const std::string& nrp, const std::string& password);

class Accounts {
 public:
  explicit Accounts(Backend& backend) : backend_(backend) {}

  // Throws ApiError: login_failed (401; the same for an unknown NRP and a wrong password), account_inactive
  // (403), too_many_requests (429) when this account or this address failed too often.
  LoginResult login(const std::string& nrp, const std::string& password, const std::string& clientAddress);
  // The principal for a session token; throws login_required or session_expired (401).
  Principal authenticate(const std::string& token);
  void logout(const Principal& principal);
  // Checks the current password, stores the new hash, ends every session of the account (a stolen cookie
  // dies with the old password) and returns a fresh session for the caller.
  LoginResult changePassword(const Principal& principal, const std::string& currentPassword, const std::string& newPassword);

 private:
  LoginResult startSession(storage::Connection& connection, const storage::Account& account);
  void refuseIfThrottled(storage::Connection& connection, const std::string& nrp, const std::string& clientAddress);

  Backend& backend_;
};

}  // namespace bhabin::server::service
