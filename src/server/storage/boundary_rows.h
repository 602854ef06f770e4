// Village and regency outlines imported by administrators, one GeoJSON Feature per row. Every change takes a
// new 'officers' counter value, so each server's roster reloads its village boundaries when they change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/boundary_index.h"
#include "server/storage/database.h"

namespace bhabin::server::storage {

struct StoredBoundary {
  std::string code;
  std::string geojson;  // {"type":"Feature","properties":{"code":...},"geometry":{...}}
};

// The stored form: only the code and the shape (one MultiPolygon), whatever else an imported feature carried.
StoredBoundary storedBoundary(const geo::Boundary& boundary);

// `code` must be a village or regency code; its level and regency are derived from it.
void upsertBoundary(Connection& connection, const StoredBoundary& boundary);
std::optional<std::string> findBoundaryGeoJson(Connection& connection, const std::string& code);
std::vector<StoredBoundary> villageBoundaries(Connection& connection);
std::vector<StoredBoundary> regencyBoundaries(Connection& connection);
// The regency's own outline and its villages', in code order.
std::vector<StoredBoundary> boundariesOfRegency(Connection& connection, const std::string& regencyCode);
bool boundariesChangedSince(Connection& connection, std::int64_t version);

}  // namespace bhabin::server::storage
