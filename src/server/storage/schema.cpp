#include "server/storage/schema.h"

#include <string>

namespace bhabin::server::storage {

namespace {

// Version 1: the areas, the people who log in, and the reports.
constexpr std::string_view kAreasAccountsReports = R"SQL(
CREATE TABLE regions (
  code TEXT PRIMARY KEY,                 -- Kemendagri: '33', '33.29', '33.29.01', '33.29.01.2001'
  level TEXT NOT NULL,                   -- province, regency, district, village
  parent_code TEXT NOT NULL,             -- '' for provinces
  regency_code TEXT NOT NULL,            -- '' for provinces
  name TEXT NOT NULL,
  lat DOUBLE PRECISION,                  -- a village's centre, for matching without boundaries
  lon DOUBLE PRECISION
);
CREATE INDEX regions_parent ON regions (parent_code);

CREATE TABLE accounts (
  nrp TEXT PRIMARY KEY,
  role TEXT NOT NULL,                    -- officer, supervisor, admin
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  area_code TEXT NOT NULL,               -- what a supervisor oversees (district, regency or province); an officer's regency
  password_hash TEXT NOT NULL,           -- Argon2id, libsodium's encoded form
  active INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  password_changed_at BIGINT NOT NULL
);

CREATE TABLE officer_state (
  nrp TEXT PRIMARY KEY REFERENCES accounts (nrp),
  regency_code TEXT NOT NULL,
  on_duty INTEGER NOT NULL,
  lat DOUBLE PRECISION NOT NULL,
  lon DOUBLE PRECISION NOT NULL,
  position_at BIGINT NOT NULL,
  open_reports INTEGER NOT NULL,
  version BIGINT NOT NULL                -- from counters 'officers': servers reload only what changed
);
CREATE INDEX officer_state_version ON officer_state (version);

CREATE TABLE village_officers (
  village_code TEXT PRIMARY KEY,         -- at most one responsible officer per village
  regency_code TEXT NOT NULL,
  nrp TEXT NOT NULL REFERENCES accounts (nrp),
  version BIGINT NOT NULL
);
CREATE INDEX village_officers_nrp ON village_officers (nrp);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,           -- SHA-256 of the token: a stolen table logs no one in
  nrp TEXT NOT NULL REFERENCES accounts (nrp),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,            -- absolute limit; the idle limit is checked against last_seen_at
  revoked INTEGER NOT NULL
);
CREATE INDEX sessions_nrp ON sessions (nrp);

CREATE TABLE rate_limits (
  subject TEXT PRIMARY KEY,              -- 'login-nrp:...', 'login-ip:...', 'write-ip:...', 'track-ip:...'
  window_start BIGINT NOT NULL,
  hits INTEGER NOT NULL
);

CREATE TABLE counters (
  name TEXT PRIMARY KEY,                 -- 'changes' orders report changes for pull; 'officers' versions officer state
  value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('changes', 0), ('officers', 0);

CREATE TABLE server_keys (
  name TEXT PRIMARY KEY,                 -- 'report-secret': derives each report's reading secret
  key_hex TEXT NOT NULL
);

CREATE TABLE reports (
  regency_code TEXT NOT NULL,
  tracking_code TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,         -- kept for good: an offline phone may retry days later
  request_hash TEXT NOT NULL,            -- the same key with another body is refused
  response TEXT NOT NULL,                -- the first answer, repeated verbatim to a retry
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  assigned_nrp TEXT NOT NULL,
  village_code TEXT NOT NULL,
  lat DOUBLE PRECISION NOT NULL,
  lon DOUBLE PRECISION NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  change_seq BIGINT NOT NULL,
  record TEXT NOT NULL,                  -- the core's JSON of the report, without the reporter's identity
  PRIMARY KEY (regency_code, tracking_code),
  UNIQUE (regency_code, idempotency_key)
);
CREATE INDEX reports_assigned ON reports (assigned_nrp, status);
CREATE INDEX reports_change ON reports (change_seq);
CREATE INDEX reports_nearby ON reports (category, status, lat);
CREATE INDEX reports_village ON reports (village_code, created_at);

CREATE TABLE report_reporters (
  regency_code TEXT NOT NULL,
  tracking_code TEXT NOT NULL,
  seq INTEGER NOT NULL,                  -- 1 = who filed it; more join through "ikut melapor"
  anonymous INTEGER NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  joined_at BIGINT NOT NULL,
  PRIMARY KEY (regency_code, tracking_code, seq),
  FOREIGN KEY (regency_code, tracking_code) REFERENCES reports (regency_code, tracking_code)
);

CREATE TABLE applied_changes (
  regency_code TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  tracking_code TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  response TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (regency_code, idempotency_key)
);

CREATE TABLE photos (
  ref TEXT PRIMARY KEY,                  -- random; what a report's photoRef names
  media_type TEXT NOT NULL,
  data_base64 TEXT NOT NULL,             -- stripped of location metadata before it is stored
  created_at BIGINT NOT NULL
)
)SQL";

// Version 2: what officers do besides reports, who looked at personal data, and reports by date (Open311).
constexpr std::string_view kVisitsAndAudit = R"SQL(
CREATE TABLE visits (
  regency_code TEXT NOT NULL,
  visit_id TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  officer_nrp TEXT NOT NULL,
  visited_at BIGINT NOT NULL,
  lat DOUBLE PRECISION NOT NULL,
  lon DOUBLE PRECISION NOT NULL,
  record TEXT NOT NULL,                  -- the core's JSON of the visit
  created_at BIGINT NOT NULL,
  PRIMARY KEY (regency_code, visit_id),
  UNIQUE (regency_code, idempotency_key)
);
CREATE INDEX visits_officer ON visits (officer_nrp, visited_at);

CREATE TABLE audit_log (
  regency_code TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  actor_nrp TEXT NOT NULL,
  action TEXT NOT NULL,                  -- 'view_reporter', ...
  subject TEXT NOT NULL,                 -- e.g. the tracking code whose reporter was shown
  PRIMARY KEY (regency_code, entry_id)
);
CREATE INDEX audit_log_actor ON audit_log (actor_nrp, at);

CREATE INDEX reports_created ON reports (created_at)
)SQL";

// Version 3: real outlines from administrators' imports, and a version on regions, so an imported village
// centre (or a village losing its officer) reaches every server's roster like officer changes do.
constexpr std::string_view kBoundaries = R"SQL(
CREATE TABLE boundaries (
  code TEXT PRIMARY KEY,                 -- a village or regency code
  regency_code TEXT NOT NULL,
  level TEXT NOT NULL,                   -- village, regency
  geojson TEXT NOT NULL,                 -- one GeoJSON Feature: properties {"code"} and a MultiPolygon
  version BIGINT NOT NULL                -- from counters 'officers': servers reload their villages when it moves
);
CREATE INDEX boundaries_version ON boundaries (version);

ALTER TABLE regions ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
CREATE INDEX regions_version ON regions (version)
)SQL";

// Version 4: the reporters whose identity is still stored, so the hourly retention purge reads only those
// (about one retention period of reports) instead of every reporter ever recorded.
constexpr std::string_view kIdentifiedReporters = R"SQL(
CREATE INDEX report_reporters_identified ON report_reporters (regency_code, tracking_code) WHERE name <> '' OR phone <> ''
)SQL";

// Version 5: how citizens answered resolved reports (confirm with a rating, reopen) and which closed by
// themselves, per officer, for the officer statistics without reading every report's timeline.
constexpr std::string_view kReportOutcomes = R"SQL(
CREATE TABLE report_outcomes (
  regency_code TEXT NOT NULL,
  tracking_code TEXT NOT NULL,
  at BIGINT NOT NULL,
  outcome TEXT NOT NULL,                 -- 'confirm', 'reopen' or 'auto_close'
  officer_nrp TEXT NOT NULL,             -- who had resolved the report
  village_code TEXT NOT NULL,
  rating INTEGER NOT NULL,               -- confirm: 1-5, or 0 for none
  PRIMARY KEY (regency_code, tracking_code, at, outcome)
);
CREATE INDEX report_outcomes_village ON report_outcomes (village_code)
)SQL";

// Version 6: when officers went on and off duty, for the dashboard's duty hours. Officers on duty at the
// upgrade count from their last shared position: positions are shared only while on duty.
constexpr std::string_view kDutyChanges = R"SQL(
CREATE TABLE duty_changes (
  nrp TEXT NOT NULL REFERENCES accounts (nrp),
  at BIGINT NOT NULL,
  on_duty INTEGER NOT NULL,
  PRIMARY KEY (nrp, at)
);
INSERT INTO duty_changes (nrp, at, on_duty) SELECT nrp, position_at, 1 FROM officer_state WHERE on_duty = 1
)SQL";

constexpr std::string_view kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)";

void lockAgainstOtherServers(Connection& connection) {
  // SQLite's BEGIN IMMEDIATE already holds the only write lock; PostgreSQL needs an explicit one so two
  // servers starting together do not both run the same migration.
  if (connection.dialect() == Dialect::Postgres) connection.query("SELECT pg_advisory_xact_lock(2017330290)");
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, "areas, accounts, sessions, reports", kAreasAccountsReports},
      {2, "sambang visits and the audit log", kVisitsAndAudit},
      {3, "imported boundaries and region versions", kBoundaries},
      {4, "reporters still identified, for the retention purge", kIdentifiedReporters},
      {5, "citizens' answers to resolved reports", kReportOutcomes},
      {6, "officers' duty history", kDutyChanges},
  };
  return all;
}

int latestSchemaVersion() { return migrations().back().version; }

int schemaVersion(Connection& connection) {
  connection.script(kCreateVersionTable);
  const auto rows = connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return static_cast<int>(rows.at(0).integer(0));
}

int migrate(ConnectionPool& pool, std::int64_t nowUnixMs, int targetVersion) {
  const int target = targetVersion == 0 ? latestSchemaVersion() : targetVersion;
  for (const Migration& migration : migrations()) {
    if (migration.version > target) break;
    inTransaction(pool, Durability::Durable, [&](Connection& connection) {
      lockAgainstOtherServers(connection);
      if (schemaVersion(connection) >= migration.version) return;
      connection.script(migration.sql);
      connection.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                       {std::int64_t{migration.version}, nowUnixMs});
    });
  }
  int current = 0;
  inTransaction(pool, Durability::Durable, [&](Connection& connection) { current = schemaVersion(connection); });
  if (current > latestSchemaVersion()) {
    throw DatabaseError(DatabaseErrorKind::Other,
                        "the database has schema version " + std::to_string(current) + " but this server knows only up to " +
                            std::to_string(latestSchemaVersion()) + ": run a newer server (downgrading would lose data)");
  }
  return current;
}

}  // namespace bhabin::server::storage
