#include "core/geo/unit_vector.h"

#include <algorithm>

namespace bhabin::geo {

namespace {

constexpr double kPi = 3.14159265358979323846;

struct SinCos {
  double sin, cos;
};

// sin and cos of an angle in degrees, |angle| <= 360, to within 1e-15: unit vectors only steer the search
// (whose margin is 4e-7), so they need no libm-exact rounding, and this is several times cheaper than
// std::sin plus std::cos. Reduction in degrees is exact: 90 * quadrant is representable and the
// subtraction is exact for these magnitudes.
SinCos sinCosDegrees(double degrees) {
  const double quadrant = std::nearbyint(degrees / 90.0);
  const double r = (degrees - 90.0 * quadrant) * (kPi / 180.0);  // |r| <= pi/4
  const double r2 = r * r;
  // Taylor series to r^15 / r^14: truncation error below (pi/4)^17/17! ~ 2e-16.
  const double s = r * (1.0 + r2 * (-1.0 / 6 + r2 * (1.0 / 120 + r2 * (-1.0 / 5040 + r2 * (1.0 / 362880 +
                   r2 * (-1.0 / 39916800 + r2 * (1.0 / 6227020800 + r2 * (-1.0 / 1307674368000))))))));
  const double c = 1.0 + r2 * (-1.0 / 2 + r2 * (1.0 / 24 + r2 * (-1.0 / 720 + r2 * (1.0 / 40320 +
                   r2 * (-1.0 / 3628800 + r2 * (1.0 / 479001600 + r2 * (-1.0 / 87178291200)))))));
  switch (static_cast<int>(quadrant) & 3) {
    case 0: return {s, c};
    case 1: return {c, -s};
    case 2: return {-s, -c};
    default: return {-c, s};
  }
}

}  // namespace

UnitVector toUnitVector(const LatLon& p) {
  const SinCos lat = sinCosDegrees(p.latDeg);
  const SinCos lon = sinCosDegrees(p.lonDeg);
  return {lat.cos * lon.cos, lat.cos * lon.sin, lat.sin};
}

double chordSquaredForKm(double km) {
  if (!(km < kPi * kEarthRadiusKm)) return 4.0;  // also catches +infinity and NaN
  const double halfAngle = std::max(0.0, km) / (2.0 * kEarthRadiusKm);
  const double chord = 2.0 * std::sin(halfAngle);
  return chord * chord;
}

}  // namespace bhabin::geo
