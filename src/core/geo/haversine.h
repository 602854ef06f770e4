// Great-circle distance on a sphere of the mean Earth radius: the distance every matching rule is defined by.
#pragma once

#include "core/geo/lat_lon.h"

namespace bhabin::geo {

// IUGG mean Earth radius, the value PRODUCT.md fixes for all matching.
inline constexpr double kEarthRadiusKm = 6371.0088;

// Haversine distance in kilometres between two valid positions; 0 for identical points, at most
// pi * kEarthRadiusKm for antipodes. Numerically stable for nearby points (no acos of values near 1).
double haversineKm(const LatLon& a, const LatLon& b);

}  // namespace bhabin::geo
