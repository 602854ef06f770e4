#include "core/geo/polygon.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bhabin::geo {

bool ringContains(const Ring& ring, const LatLon& p) {
  bool inside = false;
  const std::size_t n = ring.size();
  for (std::size_t i = 0, j = n == 0 ? 0 : n - 1; i < n; j = i++) {
    const LatLon& a = ring[i];
    const LatLon& b = ring[j];
    // Half-open in latitude, so a vertex shared by two edges is counted once and a shared edge belongs to
    // exactly one of the two polygons on either side of it.
    if ((a.latDeg > p.latDeg) != (b.latDeg > p.latDeg)) {
      const double crossLon = a.lonDeg + (p.latDeg - a.latDeg) * (b.lonDeg - a.lonDeg) / (b.latDeg - a.latDeg);
      if (p.lonDeg < crossLon) inside = !inside;
    }
  }
  return inside;
}

namespace {

double ringArea(const Ring& ring) {
  double twiceArea = 0.0;
  for (std::size_t i = 0, j = ring.empty() ? 0 : ring.size() - 1; i < ring.size(); j = i++) {
    twiceArea += (ring[j].lonDeg - ring[i].lonDeg) * (ring[j].latDeg + ring[i].latDeg);
  }
  return std::abs(twiceArea) / 2.0;
}

}  // namespace

MultiPolygon::MultiPolygon(std::vector<Polygon> polygons) : polygons_(std::move(polygons)) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  box_ = {kInf, kInf, -kInf, -kInf};
  for (const Polygon& polygon : polygons_) {
    area_ += ringArea(polygon.outer);
    for (const Ring& hole : polygon.holes) area_ -= ringArea(hole);
    for (const LatLon& v : polygon.outer) {
      box_.minLat = std::min(box_.minLat, v.latDeg);
      box_.maxLat = std::max(box_.maxLat, v.latDeg);
      box_.minLon = std::min(box_.minLon, v.lonDeg);
      box_.maxLon = std::max(box_.maxLon, v.lonDeg);
    }
  }
}

bool MultiPolygon::contains(const LatLon& p) const {
  if (!isValid(p) || !box_.contains(p)) return false;
  for (const Polygon& polygon : polygons_) {
    if (!ringContains(polygon.outer, p)) continue;
    const bool inHole = std::any_of(polygon.holes.begin(), polygon.holes.end(),
                                    [&p](const Ring& hole) { return ringContains(hole, p); });
    if (!inHole) return true;
  }
  return false;
}

}  // namespace bhabin::geo
