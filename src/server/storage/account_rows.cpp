#include "server/storage/account_rows.h"

namespace bhabin::server::storage {

namespace {

constexpr std::string_view kAccountColumns =
    "nrp, role, name, phone, area_code, password_hash, active, created_at, password_changed_at";

Account accountFromRow(const Row& row) {
  Account account;
  account.nrp = row.text(0);
  const auto role = accountRoleFromCode(row.text(1));
  if (!role) throw DatabaseError(DatabaseErrorKind::Other, "account " + account.nrp + " has an unknown role");
  account.role = *role;
  account.name = row.text(2);
  account.phoneE164 = row.text(3);
  account.areaCode = row.text(4);
  account.passwordHash = row.text(5);
  account.active = row.integer(6) != 0;
  account.createdAtUnixMs = row.integer(7);
  account.passwordChangedAtUnixMs = row.integer(8);
  return account;
}

}  // namespace

std::string_view accountRoleCode(AccountRole role) {
  switch (role) {
    case AccountRole::Officer: return "officer";
    case AccountRole::Supervisor: return "supervisor";
    case AccountRole::Admin: return "admin";
  }
  return "officer";
}

std::optional<AccountRole> accountRoleFromCode(std::string_view code) {
  for (AccountRole role : {AccountRole::Officer, AccountRole::Supervisor, AccountRole::Admin}) {
    if (accountRoleCode(role) == code) return role;
  }
  return std::nullopt;
}

void insertAccount(Connection& connection, const Account& account) {
  connection.query("INSERT INTO accounts (" + std::string(kAccountColumns) + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                   {account.nrp, std::string(accountRoleCode(account.role)), account.name, account.phoneE164,
                    account.areaCode, account.passwordHash, std::int64_t{account.active ? 1 : 0},
                    account.createdAtUnixMs, account.passwordChangedAtUnixMs});
}

std::optional<Account> findAccount(Connection& connection, const std::string& nrp) {
  const auto rows = connection.query("SELECT " + std::string(kAccountColumns) + " FROM accounts WHERE nrp = $1", {nrp});
  if (rows.empty()) return std::nullopt;
  return accountFromRow(rows[0]);
}

void updateAccountProfile(Connection& connection, const std::string& nrp, const std::string& name,
                          const std::string& phoneE164, const std::string& areaCode) {
  connection.query("UPDATE accounts SET name = $2, phone = $3, area_code = $4 WHERE nrp = $1",
                   {nrp, name, phoneE164, areaCode});
}

void updatePasswordHash(Connection& connection, const std::string& nrp, const std::string& hash, std::int64_t atUnixMs) {
  connection.query("UPDATE accounts SET password_hash = $2, password_changed_at = $3 WHERE nrp = $1", {nrp, hash, atUnixMs});
}

std::int64_t countAccounts(Connection& connection) {
  return connection.query("SELECT COUNT(*) FROM accounts").at(0).integer(0);
}

void setAccountActive(Connection& connection, const std::string& nrp, bool active) {
  connection.query("UPDATE accounts SET active = $2 WHERE nrp = $1", {nrp, std::int64_t{active ? 1 : 0}});
}

void insertSession(Connection& connection, const Session& session) {
  connection.query(
      "INSERT INTO sessions (token_hash, nrp, created_at, last_seen_at, expires_at, revoked) VALUES ($1, $2, $3, $4, $5, 0)",
      {session.tokenHash, session.nrp, session.createdAtUnixMs, session.lastSeenAtUnixMs, session.expiresAtUnixMs});
}

std::optional<Session> findSession(Connection& connection, const std::string& tokenHash) {
  const auto rows = connection.query(
      "SELECT token_hash, nrp, created_at, last_seen_at, expires_at, revoked FROM sessions WHERE token_hash = $1", {tokenHash});
  if (rows.empty()) return std::nullopt;
  const Row& row = rows[0];
  return Session{row.text(0), row.text(1), row.integer(2), row.integer(3), row.integer(4), row.integer(5) != 0};
}

void touchSession(Connection& connection, const std::string& tokenHash, std::int64_t atUnixMs) {
  connection.query("UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2", {tokenHash, atUnixMs});
}

void revokeSession(Connection& connection, const std::string& tokenHash) {
  connection.query("UPDATE sessions SET revoked = 1 WHERE token_hash = $1", {tokenHash});
}

void revokeAllSessions(Connection& connection, const std::string& nrp) {
  connection.query("UPDATE sessions SET revoked = 1 WHERE nrp = $1", {nrp});
}

std::int64_t countHit(Connection& connection, const std::string& subject, std::int64_t nowUnixMs, std::int64_t windowMs) {
  // One statement, so concurrent requests from one address cannot both read the old count.
  const auto rows = connection.query(
      "INSERT INTO rate_limits (subject, window_start, hits) VALUES ($1, $2, 1) "
      "ON CONFLICT (subject) DO UPDATE SET "
      "hits = CASE WHEN rate_limits.window_start + $3 <= $2 THEN 1 ELSE rate_limits.hits + 1 END, "
      "window_start = CASE WHEN rate_limits.window_start + $3 <= $2 THEN $2 ELSE rate_limits.window_start END "
      "RETURNING hits",
      {subject, nowUnixMs, windowMs});
  return rows.at(0).integer(0);
}

std::int64_t currentHits(Connection& connection, const std::string& subject, std::int64_t nowUnixMs, std::int64_t windowMs) {
  const auto rows = connection.query("SELECT hits FROM rate_limits WHERE subject = $1 AND window_start + $3 > $2",
                                     {subject, nowUnixMs, windowMs});
  return rows.empty() ? 0 : rows[0].integer(0);
}

void clearHits(Connection& connection, const std::string& subject) {
  connection.query("DELETE FROM rate_limits WHERE subject = $1", {subject});
}

}  // namespace bhabin::server::storage
