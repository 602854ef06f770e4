#include "core/cluster/web_mercator.h"

#include <algorithm>
#include <cmath>

namespace bhabin::cluster {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kUnitsPerWorld = 4294967296.0;  // 2^32
constexpr double kLastUnit = kUnitsPerWorld - 1.0;

// Clamping in double before the cast: converting an out-of-range double to an integer is undefined.
std::uint32_t toUnit(double units) { return static_cast<std::uint32_t>(std::clamp(std::floor(units), 0.0, kLastUnit)); }

// Spreads the 32 bits of `v` to the even bit positions of a 64-bit word (the classic magic-mask ladder).
std::uint64_t spreadBits(std::uint32_t v) {
  std::uint64_t x = v;
  x = (x | (x << 16)) & 0x0000FFFF0000FFFFull;
  x = (x | (x << 8)) & 0x00FF00FF00FF00FFull;
  x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0Full;
  x = (x | (x << 2)) & 0x3333333333333333ull;
  x = (x | (x << 1)) & 0x5555555555555555ull;
  return x;
}

std::uint32_t compactBits(std::uint64_t x) {
  x &= 0x5555555555555555ull;
  x = (x | (x >> 1)) & 0x3333333333333333ull;
  x = (x | (x >> 2)) & 0x0F0F0F0F0F0F0F0Full;
  x = (x | (x >> 4)) & 0x00FF00FF00FF00FFull;
  x = (x | (x >> 8)) & 0x0000FFFF0000FFFFull;
  x = (x | (x >> 16)) & 0x00000000FFFFFFFFull;
  return static_cast<std::uint32_t>(x);
}

}  // namespace

std::uint32_t mercatorX(double lonDeg) {
  return toUnit((std::clamp(lonDeg, -180.0, 180.0) + 180.0) / 360.0 * kUnitsPerWorld);
}

std::uint32_t mercatorY(double latDeg) {
  const double sinLat = std::sin(std::clamp(latDeg, -kMercatorMaxLatDeg, kMercatorMaxLatDeg) * kPi / 180.0);
  return toUnit((0.5 - std::log((1.0 + sinLat) / (1.0 - sinLat)) / (4.0 * kPi)) * kUnitsPerWorld);
}

MercatorPoint toMercator(const geo::LatLon& position) {
  return {mercatorX(position.lonDeg), mercatorY(position.latDeg)};
}

geo::LatLon fromMercator(double x, double y) {
  const double lonDeg = x / kUnitsPerWorld * 360.0 - 180.0;
  // 2·atan(e^t) − π/2 equals atan(sinh t) (the Gudermannian) with one exp instead of sinh's two.
  const double latDeg = (2.0 * std::atan(std::exp(kPi * (1.0 - 2.0 * y / kUnitsPerWorld))) - kPi / 2.0) * 180.0 / kPi;
  return {latDeg, lonDeg};
}

std::uint64_t mortonCode(MercatorPoint point) { return spreadBits(point.x) | (spreadBits(point.y) << 1); }

MercatorPoint fromMortonCode(std::uint64_t code) { return {compactBits(code), compactBits(code >> 1)}; }

}  // namespace bhabin::cluster
