// A Bhabinkamtibmas officer as the matching and the dashboards see them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/geo/lat_lon.h"

namespace bhabin::domain {

struct Officer {
  std::string nrp;                        // 8-digit registration number, the login id
  std::string name;
  std::string phoneE164;                  // "+6281234567890"
  std::vector<std::string> villageCodes;  // villages this officer is responsible for
  bool onDuty = false;
  geo::LatLon lastPosition;               // meaningful only when lastPositionAtUnixMs > 0
  std::int64_t lastPositionAtUnixMs = 0;  // milliseconds since 1970-01-01 UTC; 0 = never shared
  std::uint32_t openReportCount = 0;      // reports assigned and not yet resolved or rejected
};

// True when `nrp` has the shape of an NRP: exactly 8 ASCII digits.
bool isValidNrp(const std::string& nrp);

}  // namespace bhabin::domain
