// Officers', supervisors' and admins' accounts and their login sessions, as stored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/storage/database.h"

namespace bhabin::server::storage {

enum class AccountRole { Officer, Supervisor, Admin };

std::string_view accountRoleCode(AccountRole role);  // "officer", "supervisor", "admin"
std::optional<AccountRole> accountRoleFromCode(std::string_view code);

struct Account {
  std::string nrp;
  AccountRole role = AccountRole::Officer;
  std::string name;
  std::string phoneE164;
  std::string areaCode;  // supervisor: the district, regency or province overseen; officer: their regency
  std::string passwordHash;
  bool active = true;
  std::int64_t createdAtUnixMs = 0;
  std::int64_t passwordChangedAtUnixMs = 0;
};

void insertAccount(Connection& connection, const Account& account);
std::optional<Account> findAccount(Connection& connection, const std::string& nrp);
// What an import may change about an existing account; the password and role stay.
void updateAccountProfile(Connection& connection, const std::string& nrp, const std::string& name,
                          const std::string& phoneE164, const std::string& areaCode);
void updatePasswordHash(Connection& connection, const std::string& nrp, const std::string& hash, std::int64_t atUnixMs);
std::int64_t countAccounts(Connection& connection);
void setAccountActive(Connection& connection, const std::string& nrp, bool active);

struct Session {
  std::string tokenHash;
  std::string nrp;
  std::int64_t createdAtUnixMs = 0;
  std::int64_t lastSeenAtUnixMs = 0;
  std::int64_t expiresAtUnixMs = 0;
  bool revoked = false;
};

void insertSession(Connection& connection, const Session& session);
std::optional<Session> findSession(Connection& connection, const std::string& tokenHash);
void touchSession(Connection& connection, const std::string& tokenHash, std::int64_t atUnixMs);
void revokeSession(Connection& connection, const std::string& tokenHash);
void revokeAllSessions(Connection& connection, const std::string& nrp);

// Fixed-window counters: `hits` in the window that began at `windowStart`. Returns the hits after this one.
std::int64_t countHit(Connection& connection, const std::string& subject, std::int64_t nowUnixMs, std::int64_t windowMs);
// The hits in the current window without adding one.
std::int64_t currentHits(Connection& connection, const std::string& subject, std::int64_t nowUnixMs, std::int64_t windowMs);
void clearHits(Connection& connection, const std::string& subject);

}  // namespace bhabin::server::storage
