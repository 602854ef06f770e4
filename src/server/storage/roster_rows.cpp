#include "server/storage/roster_rows.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace bhabin::server::storage {

namespace {

// The same officers as the matching roster (OfficerRoster), in the same order.
constexpr std::string_view kActiveOfficers =
    "SELECT a.nrp, a.name, a.phone, s.lat, s.lon, s.on_duty, s.open_reports "
    "FROM accounts a JOIN officer_state s ON s.nrp = a.nrp WHERE a.active = 1";
// An officer of another regency who is responsible for one of this regency's villages belongs in its roster.
constexpr std::string_view kOfficersOfRegency =
    " AND (s.regency_code = $1 OR "
    "EXISTS (SELECT 1 FROM village_officers v WHERE v.nrp = a.nrp AND v.regency_code = $1))";

// Parent names through LEFT JOINs: a village whose district row is missing still matches on the server, so it
// stays in the snapshot, with empty names.
constexpr std::string_view kVillagesWithCenters =
    "SELECT v.code, v.name, COALESCE(d.name, ''), COALESCE(r.name, ''), COALESCE(p.name, ''), v.lat, v.lon, o.nrp "
    "FROM regions v LEFT JOIN regions d ON d.code = v.parent_code LEFT JOIN regions r ON r.code = d.parent_code "
    "LEFT JOIN regions p ON p.code = r.parent_code LEFT JOIN village_officers o ON o.village_code = v.code "
    "WHERE v.level = 'village' AND v.lat IS NOT NULL AND v.lon IS NOT NULL";
constexpr std::string_view kVillagesOfRegency = " AND v.regency_code = $1";

// `sql`, narrowed by `filter` when a regency is given, then ordered.
std::vector<Row> select(Connection& connection, std::string_view sql, std::string_view filter,
                        const std::string& regencyCode, std::string_view orderBy) {
  std::string statement(sql);
  std::vector<Param> params;
  if (!regencyCode.empty()) {
    statement += filter;
    params.push_back(regencyCode);
  }
  statement += " ORDER BY ";
  statement += orderBy;
  return connection.query(statement, params);
}

std::vector<wire::RosterOfficer> activeOfficers(Connection& connection, const std::string& regencyCode) {
  std::vector<wire::RosterOfficer> officers;
  for (const Row& row : select(connection, kActiveOfficers, kOfficersOfRegency, regencyCode, "a.nrp")) {
    wire::RosterOfficer officer;
    officer.nrp = row.text(0);
    officer.name = row.text(1);
    officer.phoneE164 = row.text(2);
    officer.position = {row.real(3), row.real(4)};
    officer.onDuty = row.integer(5) != 0;
    // As the roster does: a load repaired by hand below zero counts as none.
    officer.openReports = static_cast<std::int32_t>(std::clamp<std::int64_t>(row.integer(6), 0, 1 << 30));
    officers.push_back(std::move(officer));
  }
  return officers;
}

std::map<std::string, std::int32_t> indexByNrp(const std::vector<wire::RosterOfficer>& officers) {
  std::map<std::string, std::int32_t> index;
  for (std::size_t i = 0; i < officers.size(); ++i) index.emplace(officers[i].nrp, static_cast<std::int32_t>(i));
  return index;
}

std::vector<wire::RosterVillage> villagesWithCenters(Connection& connection, const std::string& regencyCode,
                                                     const std::map<std::string, std::int32_t>& officerIndex) {
  std::vector<wire::RosterVillage> villages;
  for (const Row& row : select(connection, kVillagesWithCenters, kVillagesOfRegency, regencyCode, "v.code")) {
    wire::RosterVillage village;
    village.code = row.text(0);
    village.name = row.text(1);
    village.district = row.text(2);
    village.regency = row.text(3);
    village.province = row.text(4);
    village.center = {row.real(5), row.real(6)};
    // An inactive officer is not in `officerIndex`: the village then has no officer, as in the matching.
    if (!row.isNull(7)) {
      const auto officer = officerIndex.find(row.text(7));
      if (officer != officerIndex.end()) village.officer = officer->second;
    }
    villages.push_back(std::move(village));
  }
  return villages;
}

}  // namespace

RosterRows rosterRows(Connection& connection, const std::string& regencyCode) {
  RosterRows rows;
  rows.officers = activeOfficers(connection, regencyCode);
  rows.villages = villagesWithCenters(connection, regencyCode, indexByNrp(rows.officers));
  return rows;
}

}  // namespace bhabin::server::storage
