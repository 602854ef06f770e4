#include "core/geo/haversine.h"

#include <algorithm>
#include <cmath>

namespace bhabin::geo {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kRadPerDeg = kPi / 180.0;
}  // namespace

bool isValid(const LatLon& p) {
  return std::isfinite(p.latDeg) && std::isfinite(p.lonDeg) && p.latDeg >= -90.0 && p.latDeg <= 90.0 &&
         p.lonDeg >= -180.0 && p.lonDeg <= 180.0;
}

double haversineKm(const LatLon& a, const LatLon& b) {
  const double dLat = (b.latDeg - a.latDeg) * kRadPerDeg;
  const double dLon = (b.lonDeg - a.lonDeg) * kRadPerDeg;
  const double sinHalfLat = std::sin(dLat / 2.0);
  const double sinHalfLon = std::sin(dLon / 2.0);
  const double h = sinHalfLat * sinHalfLat +
                   std::cos(a.latDeg * kRadPerDeg) * std::cos(b.latDeg * kRadPerDeg) * sinHalfLon * sinHalfLon;
  // Rounding can push h a hair above 1 for antipodes; asin would then return NaN.
  return 2.0 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

}  // namespace bhabin::geo
