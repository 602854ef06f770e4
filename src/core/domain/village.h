// A desa/kelurahan: the unit every officer is responsible for and every report belongs to.
#pragma once

#include <string>

#include "core/geo/lat_lon.h"

namespace bhabin::domain {

struct Village {
  std::string code;          // Kemendagri village code, e.g. "33.29.01.2001"
  std::string name;          // official name, e.g. "Kaliwlingi"
  std::string districtCode;  // "33.29.01"
  std::string regencyCode;   // "33.29"
  std::string provinceCode;  // "33"
  geo::LatLon position;      // a representative point (the village office), for maps and fallback matching
};

}  // namespace bhabin::domain
