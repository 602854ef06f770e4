#include "server/storage/officer_rows.h"

#include <algorithm>
#include <map>

#include "core/domain/region_code.h"
#include "server/storage/counters.h"
#include "server/storage/region_rows.h"

namespace bhabin::server::storage {

namespace {

// Officers (accounts a, officer_state s) whose regency lies in the area ($1, or $2 = its LIKE pattern) or who
// hold a village in it.
constexpr std::string_view kOfficerInArea =
    "(s.regency_code = $1 OR s.regency_code LIKE $2 OR "
    "EXISTS (SELECT 1 FROM village_officers v WHERE v.nrp = a.nrp AND v.village_code LIKE $2))";

constexpr std::string_view kStateColumns = "nrp, regency_code, on_duty, lat, lon, position_at, open_reports, version";

OfficerState stateFromRow(const Row& row) {
  return {row.text(0),
          row.text(1),
          row.integer(2) != 0,
          {row.real(3), row.real(4)},
          row.integer(5),
          static_cast<std::int32_t>(row.integer(6)),
          row.integer(7)};
}

void touchOfficer(Connection& connection, const std::string& nrp, const std::string& assignment, std::vector<Param> params) {
  params.insert(params.begin(), nextCounterValue(connection, kOfficersCounter));
  params.insert(params.begin() + 1, nrp);
  connection.query("UPDATE officer_state SET " + assignment + ", version = $1 WHERE nrp = $2", params);
}

void recordDutyChange(Connection& connection, const std::string& nrp, bool onDuty, std::int64_t atUnixMs) {
  // Two changes within one millisecond: the later one is what the officer ended in.
  connection.query("INSERT INTO duty_changes (nrp, at, on_duty) VALUES ($1, $2, $3) "
                   "ON CONFLICT (nrp, at) DO UPDATE SET on_duty = excluded.on_duty",
                   {nrp, atUnixMs, std::int64_t{onDuty ? 1 : 0}});
}

}  // namespace

void insertOfficerState(Connection& connection, const OfficerState& state) {
  const std::int64_t version = nextCounterValue(connection, kOfficersCounter);
  connection.query("INSERT INTO officer_state (" + std::string(kStateColumns) + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                   {state.nrp, state.regencyCode, std::int64_t{state.onDuty ? 1 : 0}, state.position.latDeg,
                    state.position.lonDeg, state.positionAtUnixMs, std::int64_t{state.openReports}, version});
  if (state.onDuty) recordDutyChange(connection, state.nrp, true, state.positionAtUnixMs);
}

std::optional<OfficerState> findOfficerState(Connection& connection, const std::string& nrp) {
  const auto rows = connection.query("SELECT " + std::string(kStateColumns) + " FROM officer_state WHERE nrp = $1", {nrp});
  if (rows.empty()) return std::nullopt;
  return stateFromRow(rows[0]);
}

void setOnDuty(Connection& connection, const std::string& nrp, bool onDuty, std::int64_t atUnixMs) {
  const auto before = findOfficerState(connection, nrp);
  touchOfficer(connection, nrp, "on_duty = $3", {std::int64_t{onDuty ? 1 : 0}});
  if (before && before->onDuty != onDuty) recordDutyChange(connection, nrp, onDuty, atUnixMs);
}

std::vector<stats::DutyChange> dutyChangesInArea(Connection& connection, const std::string& area,
                                                 std::int64_t fromUnixMs, std::int64_t toUnixMs) {
  std::vector<stats::DutyChange> changes;
  for (const Row& row : connection.query(
           "SELECT d.nrp, d.at, d.on_duty FROM duty_changes d JOIN accounts a ON a.nrp = d.nrp "
           "JOIN officer_state s ON s.nrp = d.nrp WHERE a.active = 1 AND " + std::string(kOfficerInArea) +
               " AND d.at < $4 AND (d.at >= $3 OR d.at = (SELECT MAX(p.at) FROM duty_changes p WHERE p.nrp = d.nrp AND p.at < $3))",
           {area, area.empty() ? std::string("%") : area + ".%", fromUnixMs, toUnixMs})) {
    changes.push_back({row.text(0), row.integer(1), row.integer(2) != 0});
  }
  return changes;
}

void setOfficerRegency(Connection& connection, const std::string& nrp, const std::string& regencyCode) {
  touchOfficer(connection, nrp, "regency_code = $3", {regencyCode});
}

void setPosition(Connection& connection, const std::string& nrp, const geo::LatLon& position, std::int64_t atUnixMs) {
  touchOfficer(connection, nrp, "lat = $3, lon = $4, position_at = $5", {position.latDeg, position.lonDeg, atUnixMs});
}

void addOpenReports(Connection& connection, const std::string& nrp, std::int32_t delta) {
  if (nrp.empty() || delta == 0) return;
  // Never below zero, even if a history was repaired by hand.
  touchOfficer(connection, nrp, "open_reports = CASE WHEN open_reports + $3 < 0 THEN 0 ELSE open_reports + $3 END",
               {std::int64_t{delta}});
}

std::vector<OfficerState> officerStatesChangedSince(Connection& connection, std::int64_t version) {
  std::vector<OfficerState> states;
  for (const Row& row : connection.query(
           "SELECT " + std::string(kStateColumns) + " FROM officer_state WHERE version > $1 ORDER BY version", {version})) {
    states.push_back(stateFromRow(row));
  }
  return states;
}

std::vector<OfficerInArea> officersInArea(Connection& connection, const std::string& area) {
  const std::string below = area.empty() ? "%" : area + ".%";
  std::vector<OfficerInArea> officers;
  for (const Row& row : connection.query(
           "SELECT a.nrp, a.name, a.phone, s.nrp, s.regency_code, s.on_duty, s.lat, s.lon, s.position_at, s.open_reports, s.version "
           "FROM accounts a JOIN officer_state s ON s.nrp = a.nrp WHERE a.active = 1 AND " +
               std::string(kOfficerInArea) + " ORDER BY a.nrp",
           {area, below})) {
    OfficerState state{row.text(3), row.text(4), row.integer(5) != 0, {row.real(6), row.real(7)}, row.integer(8),
                       static_cast<std::int32_t>(row.integer(9)), row.integer(10)};
    officers.push_back({row.text(0), row.text(1), row.text(2), std::move(state)});
  }
  return officers;
}

std::vector<ManagedOfficer> managedOfficersInArea(Connection& connection, const std::string& area) {
  const std::string below = area.empty() ? "%" : area + ".%";
  std::vector<ManagedOfficer> officers;
  std::map<std::string, std::size_t> indexOf;
  for (const Row& row : connection.query(
           "SELECT a.nrp, a.name, a.phone, a.active, s.regency_code, s.on_duty, s.open_reports "
           "FROM accounts a JOIN officer_state s ON s.nrp = a.nrp WHERE a.role = 'officer' AND " +
               std::string(kOfficerInArea) + " ORDER BY a.nrp",
           {area, below})) {
    indexOf.emplace(row.text(0), officers.size());
    officers.push_back({row.text(0), row.text(1), row.text(2), row.integer(3) != 0, row.text(4), row.integer(5) != 0,
                        static_cast<std::int32_t>(row.integer(6)), {}});
  }
  // One query for every officer's villages, including those outside `area`: the roster shows all they hold.
  for (const Row& row : connection.query(
           "SELECT o.nrp, o.village_code FROM village_officers o JOIN accounts a ON a.nrp = o.nrp "
           "JOIN officer_state s ON s.nrp = a.nrp WHERE " +
               std::string(kOfficerInArea) + " ORDER BY o.village_code",
           {area, below})) {
    if (const auto found = indexOf.find(row.text(0)); found != indexOf.end())
      officers[found->second].villages.push_back(row.text(1));
  }
  return officers;
}

std::vector<VillageHolder> villagesInArea(Connection& connection, const std::string& area) {
  std::vector<VillageHolder> villages;
  for (const Row& row : connection.query(
           "SELECT r.code, r.name, o.nrp, a.active FROM regions r LEFT JOIN village_officers o ON o.village_code = r.code "
           "LEFT JOIN accounts a ON a.nrp = o.nrp WHERE r.level = 'village' AND r.code LIKE $1 ORDER BY r.code",
           {area.empty() ? std::string("%") : area + ".%"})) {
    VillageHolder village{row.text(0), row.text(1), std::nullopt, false};
    if (!row.isNull(2)) {
      village.nrp = row.text(2);
      village.covered = row.integer(3) != 0;
    }
    villages.push_back(std::move(village));
  }
  return villages;
}

std::vector<ReportCount> reportCountsInArea(Connection& connection, const std::string& area) {
  std::vector<ReportCount> counts;
  for (const Row& row : connection.query(
           "SELECT status, category, COUNT(*) FROM reports WHERE village_code LIKE $1 GROUP BY status, category ORDER BY status, category",
           {area.empty() ? std::string("%") : area + ".%"})) {
    counts.push_back({row.text(0), row.text(1), row.integer(2)});
  }
  return counts;
}

void assignVillage(Connection& connection, const std::string& villageCode, const std::string& nrp) {
  const std::int64_t version = nextCounterValue(connection, kOfficersCounter);
  connection.query(
      "INSERT INTO village_officers (village_code, regency_code, nrp, version) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (village_code) DO UPDATE SET nrp = excluded.nrp, version = excluded.version",
      {villageCode, domain::regencyOf(villageCode).value_or(""), nrp, version});
}

void unassignVillage(Connection& connection, const std::string& villageCode, const std::string& nrp) {
  connection.query("DELETE FROM village_officers WHERE village_code = $1 AND nrp = $2", {villageCode, nrp});
  if (connection.changedRows() == 0) return;
  connection.query("UPDATE regions SET version = $2 WHERE code = $1",
                   {villageCode, nextCounterValue(connection, kOfficersCounter)});
}

std::optional<std::string> responsibleOfficerOf(Connection& connection, const std::string& villageCode) {
  const auto rows = connection.query("SELECT nrp FROM village_officers WHERE village_code = $1", {villageCode});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

std::vector<VillageAssignment> villageAssignmentsChangedSince(Connection& connection, std::int64_t version) {
  std::vector<VillageAssignment> assignments;
  for (const Row& row : connection.query(
           "SELECT village_code, regency_code, nrp, version FROM village_officers WHERE version > $1 ORDER BY version",
           {version})) {
    assignments.push_back({row.text(0), row.text(1), row.text(2), row.integer(3)});
  }
  return assignments;
}

std::vector<std::string> villagesOf(Connection& connection, const std::string& nrp) {
  std::vector<std::string> villages;
  for (const Row& row : connection.query("SELECT village_code FROM village_officers WHERE nrp = $1 ORDER BY village_code", {nrp})) {
    villages.push_back(row.text(0));
  }
  return villages;
}

bool officerWorksIn(Connection& connection, const std::string& nrp, const std::string& regencyCode,
                    const std::string& area) {
  if (isWithinArea(regencyCode, area)) return true;
  const auto villages = villagesOf(connection, nrp);
  return std::any_of(villages.begin(), villages.end(),
                     [&](const std::string& village) { return isWithinArea(village, area); });
}

void touchVillagesOf(Connection& connection, const std::string& nrp) {
  connection.query("UPDATE village_officers SET version = $2 WHERE nrp = $1",
                   {nrp, nextCounterValue(connection, kOfficersCounter)});
}

}  // namespace bhabin::server::storage
