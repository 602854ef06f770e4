// The public roster snapshot (GET /api/v1/roster): everything the browser needs to run "my officer" and the
// nearest on-duty officers itself with the core's matching — officers, villages with their names (for the
// village search) and the server's matching rules — in one compact download. Decoding never throws:
// hostile or damaged input gives a ParseError naming the item, column and problem.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/geo/lat_lon.h"
#include "core/wire/flat_json.h"

namespace bhabin::wire {

// The "format" member of the document; parseRosterJson reads 1..kRosterFormat.
inline constexpr std::int64_t kRosterFormat = 1;

// Bounds of a snapshot parseRosterJson accepts; the whole country (83,763 villages, tens of thousands of
// officers) fits well inside them.
inline constexpr std::size_t kMaxRosterBytes = 32u << 20;
inline constexpr std::size_t kMaxRosterItems = 200000;   // officers, and villages
inline constexpr std::size_t kMaxRosterTextBytes = 512;  // any one name, NRP, phone or code
inline constexpr std::uint32_t kMaxRosterNearestCount = 100;

// The server's matching settings, so the browser applies the same ones.
struct MatchingRules {
  std::int32_t openReportsCap = 15;  // an officer with this many open reports is skipped; 0 .. INT32_MAX
  std::uint32_t nearestCount = 3;    // how many nearest on-duty officers to list; 0 .. kMaxRosterNearestCount
  double maxDistanceKm = 50.0;       // farther officers are not listed; finite, > 0
};

struct RosterOfficer {
  std::string nrp;  // 8 digits
  std::string name;
  std::string phoneE164;  // "+6281234567890"; may be empty
  geo::LatLon position;   // as published: the server rounds it to 3 decimals (about 110 m)
  bool onDuty = false;
  std::int32_t openReports = 0;  // the officer's open load, 0 .. INT32_MAX - 1
};

struct RosterVillage {
  std::string code;  // Kemendagri village code, "33.29.01.2001"
  std::string name;
  std::string district;
  std::string regency;
  std::string province;
  geo::LatLon center;
  std::int32_t officer = -1;  // the responsible officer: an index into RosterSnapshot::officers, -1 = none
};

struct RosterSnapshot {
  std::int64_t version = 0;  // changes whenever anything in the snapshot may have changed; >= 0
  MatchingRules rules;
  std::vector<RosterOfficer> officers;  // NRP order, so ties in distance break as on the server
  std::vector<RosterVillage> villages;  // NRPs and village codes are unique
};

// {"format":1,"version":N,"rules":{"openReportsCap":15,"nearestCount":3,"maxDistanceKm":50.0},
//  "officers":[[nrp,name,phone,lat,lon,onDuty 0|1,openReports],...],
//  "villages":[[code,name,district,regency,province,lat,lon,officer index|-1],...]}
// Items are arrays, not objects: the country's roster is a few megabytes instead of three times that.
// `snapshot` must be one parseRosterJson accepts (in particular every number finite: JSON has no NaN).
std::string encodeRosterJson(const RosterSnapshot& snapshot);

// The snapshot, or the first problem: malformed or over-limit JSON, an unknown format, a missing or mistyped
// member, an item with the wrong number of columns, a column of the wrong type, an NRP or village code of the
// wrong shape, overlong text, a coordinate out of range, an officer index out of range, or a repeated NRP or
// village code.
std::variant<RosterSnapshot, ParseError> parseRosterJson(std::string_view json);

}  // namespace bhabin::wire
