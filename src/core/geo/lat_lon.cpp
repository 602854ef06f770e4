#include "core/geo/lat_lon.h"

#include <cmath>

namespace bhabin::geo {

bool isValid(const LatLon& p) {
  return std::isfinite(p.latDeg) && std::isfinite(p.lonDeg) && p.latDeg >= -90.0 && p.latDeg <= 90.0 &&
         p.lonDeg >= -180.0 && p.lonDeg <= 180.0;
}

}  // namespace bhabin::geo
