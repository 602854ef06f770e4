// Everything a request handler needs, shared by all of them: the database pool, the matching roster, the
// clock and the settings. Holds no state of its own that another server process would need to know.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/report/deadlines.h"
#include "core/report/validation_settings.h"
#include "server/auth/crypto.h"
#include "server/matching/officer_roster.h"
#include "server/storage/database.h"

namespace bhabin::server::service {

struct RateLimit {
  std::int64_t maxHits = 0;
  std::int64_t windowMs = 0;
};

struct BackendSettings {
  std::int64_t sessionIdleMs = 12LL * 60 * 60 * 1000;          // a shift; then log in again
  std::int64_t sessionAbsoluteMs = 7LL * 24 * 60 * 60 * 1000;  // at most a week, however active
  RateLimit loginFailuresPerAccount{5, 15 * 60 * 1000};
  RateLimit loginFailuresPerAddress{30, 15 * 60 * 1000};
  RateLimit anonymousWritesPerAddress{30, 10 * 60 * 1000};     // report creations, joins and photo uploads
  RateLimit trackingFailuresPerAddress{20, 10 * 60 * 1000};    // unknown codes joined, wrong code or secret tracked
  RateLimit nearbyLookupsPerAddress{60, 10 * 60 * 1000};       // "ikut melapor" lookups before filing
  // UU PDP 27/2022: a closed report keeps its reporters' names and phones this long, then loses them.
  std::int64_t reporterIdentityRetentionMs = 365LL * 24 * 60 * 60 * 1000;
  std::int64_t retentionPurgeEveryMs = 60LL * 60 * 1000;     // how often the server looks for identities to erase
  // Deadlines per category, and how long a citizen may confirm or reopen a resolved report before it closes.
  report::DeadlinePolicies deadlines;
  std::int64_t confirmWindowMs = 72LL * 60 * 60 * 1000;
  std::int64_t deadlineSweepEveryMs = 5LL * 60 * 1000;  // how often the server escalates and auto-closes (whole minutes)
  double duplicateRadiusKm = 0.5;                              // "ikut melapor" offers open reports this close
  auth::PasswordHashing passwordHashing;
  report::ValidationSettings validation;
  matching::MatchingSettings matching;
};

using Clock = std::function<std::int64_t()>;  // milliseconds since 1970-01-01 UTC
std::int64_t systemClockMs();

class Backend {
 public:
  Backend(storage::ConnectionPool& pool, BackendSettings settings, Clock clock = systemClockMs);

  storage::ConnectionPool& pool() { return pool_; }
  matching::OfficerRoster& roster() { return roster_; }
  const BackendSettings& settings() const { return settings_; }
  std::int64_t now() const { return clock_(); }

  // Brings the roster up to date with the database; call before matching.
  void refreshRoster();
  // The key that derives each report's reading secret; created once per database, shared by all servers.
  const std::string& reportSecretKey();

 private:
  storage::ConnectionPool& pool_;
  BackendSettings settings_;
  Clock clock_;
  matching::OfficerRoster roster_;
  std::string reportSecretKey_;
  std::mutex keyMutex_;
};

}  // namespace bhabin::server::service
