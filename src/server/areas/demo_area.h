// Demo data for one regency, so the app runs on a laptop with no setup (PRODUCT.md: Brebes, 17 districts, 297
// villages): every district and village from the catalog, a synthetic centre for each village inside a
// hand-drawn outline (assets/demo/), one Bhabinkamtibmas officer per village, and the Polres and Polsek
// supervisors. The same catalog, outline and seed give the same data on every machine.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/domain/officer.h"
#include "core/domain/village.h"
#include "core/geo/polygon.h"
#include "server/areas/area_catalog.h"

namespace bhabin::server::areas {

inline constexpr std::string_view kDemoRegencyCode = "33.29";  // Kabupaten Brebes

struct DemoSettings {
  std::uint64_t seed = 2017;  // the year Polres Brebes' e-Bhabinkamtibmas won the national Polmas award
  double onDutyShare = 0.7;   // the chance that an officer starts on duty
  // Stamped on every officer's initial position (Officer::lastPositionAtUnixMs); the server passes its clock.
  std::int64_t positionsAtUnixMs = 0;
};

struct DemoDistrict {
  std::string code;    // "33.29.01"
  std::string name;    // "Salem"
  geo::LatLon anchor;  // the point its villages are scattered around
};

// A Kapolres or Kapolsek: supervises every officer of their regency or district.
struct DemoSupervisor {
  std::string nrp;
  std::string name;  // "AKP Joko Wibowo"
  std::string phoneE164;
  std::string unit;      // "Polres Brebes", "Polsek Salem"
  std::string areaCode;  // the regency or district supervised
};

struct DemoArea {
  std::string regencyCode;
  geo::MultiPolygon outline;                // the regency's, as given; stored as its boundary for the map
  std::vector<DemoDistrict> districts;      // in code order
  std::vector<domain::Village> villages;    // in code order; position = the synthetic village centre
  std::vector<domain::Officer> officers;    // officers[i] is responsible for villages[i], and only for it
  std::vector<DemoSupervisor> supervisors;  // the Polres first, then one Polsek per district in code order
};

// Where the checkout keeps the Brebes outline.
std::string defaultDemoOutlinePath(const std::string& rootDir);

// The outline of `regencyCode` from a GeoJSON FeatureCollection (feature property "code"); errors name
// `fileName`.
std::variant<geo::MultiPolygon, AreaError> parseDemoOutline(std::string_view geojson, std::string_view regencyCode,
                                                            const std::string& fileName);

// parseDemoOutline on the content of the file at `path`.
std::variant<geo::MultiPolygon, AreaError> loadDemoOutline(const std::string& path, std::string_view regencyCode);

// Demo data for `regencyCode`. Each district gets an anchor inside `outline`, spread apart and away from its
// edge; its villages lie around the anchor, within a disc whose area is the district's share of the villages,
// and inside the outline. Officers start within 300 m of their village centre, also inside the outline. NRPs
// (YYMM of birth and a serial) and phone numbers are distinct within the result.
std::variant<DemoArea, AreaError> generateDemoArea(const AreaCatalog& catalog, std::string_view regencyCode,
                                                   const geo::MultiPolygon& outline, const DemoSettings& settings = {});

}  // namespace bhabin::server::areas
