// Provinces, regencies, districts and villages as the server stores them: names for people, parents for
// supervisors' areas, and village centres for matching without boundaries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/domain/region_code.h"
#include "core/geo/lat_lon.h"
#include "server/storage/database.h"

namespace bhabin::server::storage {

struct RegionRow {
  std::string code;
  domain::RegionLevel level = domain::RegionLevel::Village;
  std::string parentCode;
  std::string name;
  std::optional<geo::LatLon> center;  // villages
};

std::string_view regionLevelCode(domain::RegionLevel level);  // "province", "regency", "district", "village"

// Takes a new 'officers' counter value for the row, so rosters pick up a new or moved village centre.
void upsertRegion(Connection& connection, const RegionRow& region);
std::optional<RegionRow> findRegion(Connection& connection, const std::string& code);
std::vector<RegionRow> villagesWithCenters(Connection& connection);
std::int64_t countRegions(Connection& connection);
// True when a region was added or changed (or a village lost its officer) after counter value `version`.
bool regionsChangedSince(Connection& connection, std::int64_t version);

// True when `code` is `area` or lies below it ("33.29.01.2001" is within "33.29"); '' is the whole country.
bool isWithinArea(std::string_view code, std::string_view area);

}  // namespace bhabin::server::storage
