// Great-circle distance on a sphere of the mean Earth radius: the distance every matching rule is defined by.
#pragma once

#include <algorithm>
#include <cmath>

#include "core/geo/lat_lon.h"

namespace bhabin::geo {

// IUGG mean Earth radius, the value PRODUCT.md fixes for all matching.
inline constexpr double kEarthRadiusKm = 6371.0088;
inline constexpr double kRadiansPerDegree = 3.14159265358979323846 / 180.0;

// A position with the cosine of its latitude worked out once, for code that measures from it many times.
struct HaversinePoint {
  double latDeg = 0.0;
  double lonDeg = 0.0;
  double cosLat = 1.0;
};

inline HaversinePoint toHaversinePoint(const LatLon& p) {
  return {p.latDeg, p.lonDeg, std::cos(p.latDeg * kRadiansPerDegree)};
}

// Haversine distance in km; numerically stable for nearby points (no acos of values near 1). Every distance
// the product reports comes from this one expression, so two callers never disagree in the last bit.
inline double preparedHaversineKm(const HaversinePoint& a, const HaversinePoint& b) {
  const double sinHalfLat = std::sin((b.latDeg - a.latDeg) * kRadiansPerDegree / 2.0);
  const double sinHalfLon = std::sin((b.lonDeg - a.lonDeg) * kRadiansPerDegree / 2.0);
  const double h = sinHalfLat * sinHalfLat + a.cosLat * b.cosLat * sinHalfLon * sinHalfLon;
  // Rounding can push h a hair above 1 for antipodes; asin would then return NaN.
  return 2.0 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

// Haversine distance in kilometres between two valid positions; 0 for identical points, at most
// pi * kEarthRadiusKm for antipodes.
inline double haversineKm(const LatLon& a, const LatLon& b) {
  return preparedHaversineKm(toHaversinePoint(a), toHaversinePoint(b));
}

}  // namespace bhabin::geo
