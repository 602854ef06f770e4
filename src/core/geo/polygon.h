// Administrative boundaries: (multi)polygons with holes in longitude/latitude, as GeoJSON carries them, and
// the test of whether a position lies inside one.
//
// Rings are treated as planar in degrees, the convention of GeoJSON and of the published boundaries; a ring
// must not cross the ±180° meridian (split such polygons in two, as GeoJSON recommends).
#pragma once

#include <vector>

#include "core/geo/lat_lon.h"

namespace bhabin::geo {

struct BoundingBox {
  double minLat = 0.0, minLon = 0.0, maxLat = 0.0, maxLon = 0.0;
  bool contains(const LatLon& p) const {
    return p.latDeg >= minLat && p.latDeg <= maxLat && p.lonDeg >= minLon && p.lonDeg <= maxLon;
  }
};

using Ring = std::vector<LatLon>;  // closing point optional: the last vertex connects back to the first

struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

class MultiPolygon {
 public:
  MultiPolygon() = default;
  explicit MultiPolygon(std::vector<Polygon> polygons);

  // True inside an outer ring and outside all of its holes. A point exactly on an edge may fall either way,
  // but consistently: of two polygons sharing that edge, exactly one contains it.
  bool contains(const LatLon& p) const;
  const BoundingBox& box() const { return box_; }
  // Planar area in square degrees, holes subtracted: enough to tell which of two overlapping shapes is smaller.
  double areaSquareDegrees() const { return area_; }
  const std::vector<Polygon>& polygons() const { return polygons_; }
  bool empty() const { return polygons_.empty(); }

 private:
  std::vector<Polygon> polygons_;
  BoundingBox box_;
  double area_ = 0.0;
};

// Even-odd rule crossing test of one ring.
bool ringContains(const Ring& ring, const LatLon& p);

}  // namespace bhabin::geo
