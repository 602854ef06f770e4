// Boundary rows: one statement per operation; the version comes from the counter inside the caller's transaction.
#include "server/storage/boundary_rows.h"

#include "core/domain/region_code.h"
#include "core/wire/geojson_boundaries.h"
#include "server/storage/counters.h"
#include "server/storage/region_rows.h"

namespace bhabin::server::storage {

namespace {

std::vector<StoredBoundary> boundaryRows(Connection& connection, const std::string& sql, const std::vector<Param>& params) {
  std::vector<StoredBoundary> boundaries;
  for (const Row& row : connection.query(sql, params)) boundaries.push_back({row.text(0), row.text(1)});
  return boundaries;
}

}  // namespace

StoredBoundary storedBoundary(const geo::Boundary& boundary) { return {boundary.code, wire::encodeGeoJsonFeature(boundary)}; }

void upsertBoundary(Connection& connection, const StoredBoundary& boundary) {
  const auto level = domain::regionLevel(boundary.code);
  if (level != domain::RegionLevel::Village && level != domain::RegionLevel::Regency) {
    throw DatabaseError(DatabaseErrorKind::Other,
                        "a boundary needs a village or regency code, not '" + boundary.code + "'");
  }
  const std::int64_t version = nextCounterValue(connection, kOfficersCounter);
  connection.query(
      "INSERT INTO boundaries (code, regency_code, level, geojson, version) VALUES ($1, $2, $3, $4, $5) "
      "ON CONFLICT (code) DO UPDATE SET geojson = excluded.geojson, version = excluded.version",
      {boundary.code, domain::regencyOf(boundary.code).value_or(""), std::string(regionLevelCode(*level)),
       boundary.geojson, version});
}

std::optional<std::string> findBoundaryGeoJson(Connection& connection, const std::string& code) {
  const auto rows = connection.query("SELECT geojson FROM boundaries WHERE code = $1", {code});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

std::vector<StoredBoundary> villageBoundaries(Connection& connection) {
  return boundaryRows(connection, "SELECT code, geojson FROM boundaries WHERE level = 'village' ORDER BY code", {});
}

std::vector<StoredBoundary> regencyBoundaries(Connection& connection) {
  return boundaryRows(connection, "SELECT code, geojson FROM boundaries WHERE level = 'regency' ORDER BY code", {});
}

std::vector<StoredBoundary> boundariesOfRegency(Connection& connection, const std::string& regencyCode) {
  return boundaryRows(connection, "SELECT code, geojson FROM boundaries WHERE regency_code = $1 ORDER BY code", {regencyCode});
}

bool boundariesChangedSince(Connection& connection, std::int64_t version) {
  return !connection.query("SELECT 1 FROM boundaries WHERE version > $1 LIMIT 1", {version}).empty();
}

}  // namespace bhabin::server::storage
