// A position on the WGS84 ellipsoid as the browser and GPS report it, in decimal degrees.
#pragma once

namespace bhabin::geo {

struct LatLon {
  double latDeg = 0.0;  // -90 (south pole) .. 90 (north pole)
  double lonDeg = 0.0;  // -180 .. 180, east positive
};

inline bool operator==(const LatLon& a, const LatLon& b) { return a.latDeg == b.latDeg && a.lonDeg == b.lonDeg; }

// True when both coordinates are finite and in range: the first check on any position from outside.
bool isValid(const LatLon& p);

}  // namespace bhabin::geo
