#include "server/storage/region_rows.h"

#include "server/storage/counters.h"

namespace bhabin::server::storage {

namespace {

RegionRow regionFromRow(const Row& row) {
  RegionRow region;
  region.code = row.text(0);
  const auto level = domain::regionLevel(region.code);
  if (!level) throw DatabaseError(DatabaseErrorKind::Other, "region '" + region.code + "' has a malformed code");
  region.level = *level;
  region.parentCode = row.text(1);
  region.name = row.text(2);
  if (!row.isNull(3) && !row.isNull(4)) region.center = geo::LatLon{row.real(3), row.real(4)};
  return region;
}

}  // namespace

std::string_view regionLevelCode(domain::RegionLevel level) {
  switch (level) {
    case domain::RegionLevel::Province:
      return "province";
    case domain::RegionLevel::Regency:
      return "regency";
    case domain::RegionLevel::District:
      return "district";
    case domain::RegionLevel::Village:
      return "village";
  }
  return "village";
}

void upsertRegion(Connection& connection, const RegionRow& region) {
  const Param lat = region.center ? Param{region.center->latDeg} : Param{nullptr};
  const Param lon = region.center ? Param{region.center->lonDeg} : Param{nullptr};
  const std::int64_t version = nextCounterValue(connection, kOfficersCounter);
  connection.query(
      "INSERT INTO regions (code, level, parent_code, regency_code, name, lat, lon, version) VALUES ($1, $2, $3, $4, "
      "$5, $6, $7, $8) "
      "ON CONFLICT (code) DO UPDATE SET name = excluded.name, lat = excluded.lat, lon = excluded.lon, version = "
      "excluded.version",
      {region.code, std::string(regionLevelCode(region.level)), region.parentCode,
       domain::regencyOf(region.code).value_or(""), region.name, lat, lon, version});
}

std::optional<RegionRow> findRegion(Connection& connection, const std::string& code) {
  const auto rows = connection.query("SELECT code, parent_code, name, lat, lon FROM regions WHERE code = $1", {code});
  if (rows.empty()) return std::nullopt;
  return regionFromRow(rows[0]);
}

std::vector<RegionRow> villagesWithCenters(Connection& connection) {
  std::vector<RegionRow> villages;
  for (const Row& row : connection.query(
           "SELECT code, parent_code, name, lat, lon FROM regions WHERE level = 'village' AND lat IS NOT NULL ORDER BY code")) {
    villages.push_back(regionFromRow(row));
  }
  return villages;
}

std::int64_t countRegions(Connection& connection) { return connection.query("SELECT COUNT(*) FROM regions").at(0).integer(0); }

bool regionsChangedSince(Connection& connection, std::int64_t version) {
  return !connection.query("SELECT 1 FROM regions WHERE version > $1 LIMIT 1", {version}).empty();
}

bool isWithinArea(std::string_view code, std::string_view area) {
  if (area.empty()) return true;
  return code.size() >= area.size() && code.substr(0, area.size()) == area &&
         (code.size() == area.size() || code[area.size()] == '.');
}

}  // namespace bhabin::server::storage
