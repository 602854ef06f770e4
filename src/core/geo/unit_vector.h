// Positions as points on the unit sphere: straight-line (chord) distance between them orders pairs exactly
// as great-circle distance does, and costs three multiplications instead of four trigonometric calls.
#pragma once

#include <cmath>

#include "core/geo/haversine.h"
#include "core/geo/lat_lon.h"

namespace bhabin::geo {

struct UnitVector {
  double x = 0.0, y = 0.0, z = 1.0;  // x towards (0°, 0°), y towards (0°, 90°E), z towards the north pole
};

// Accurate to about 1e-15 per coordinate (not libm-exact): for ordering and pruning, never for reported
// distances, which always come from haversineKm.
UnitVector toUnitVector(const LatLon& p);

// Squared chord length between two points of the unit sphere: 0 (same point) .. 4 (antipodes).
inline double chordSquared(const UnitVector& a, const UnitVector& b) {
  const double dx = a.x - b.x;
  const double dy = a.y - b.y;
  const double dz = a.z - b.z;
  return dx * dx + dy * dy + dz * dz;
}

// The squared chord that spans a great-circle distance of `km`; 4 for anything at or beyond half the globe.
double chordSquaredForKm(double km);

}  // namespace bhabin::geo
