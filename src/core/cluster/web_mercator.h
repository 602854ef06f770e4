// Web-Mercator (the projection of Leaflet's tiles) as a 32-bit integer grid per axis, and the Morton
// (Z-order) codes that turn "cells of one zoom level" into runs of a sorted array.
#pragma once

#include <cstdint>

#include "core/geo/lat_lon.h"

namespace bhabin::cluster {

// Latitude where the square Web-Mercator map ends; positions beyond it sit on the map's top or bottom edge.
inline constexpr double kMercatorMaxLatDeg = 85.05112877980659;

// A position on the Web-Mercator world square in units of 2^-32 of its width (about 9 mm at the equator):
// x grows east from -180°, y grows south from kMercatorMaxLatDeg.
struct MercatorPoint {
  std::uint32_t x = 0;
  std::uint32_t y = 0;
};

// The grid unit holding `position` (floor of the projected coordinate). Latitude is clamped to the map,
// longitude to -180..180; 180° falls into the last unit. The position must not be NaN.
MercatorPoint toMercator(const geo::LatLon& position);
// Its two halves, for a viewport's edges: the column of a longitude (without toMercator's sine and logarithm)
// and the row of a latitude.
std::uint32_t mercatorX(double lonDeg);
std::uint32_t mercatorY(double latDeg);

// The position of a point on the grid given in (fractional) units; x + 0.5 and y + 0.5 is a unit's centre.
geo::LatLon fromMercator(double x, double y);

// Interleaves the bits of x (even bits) and y (odd bits): cells of level L (2^L × 2^L cells across the world)
// are the codes sharing their top 2L bits, so each cell is one contiguous run of sorted codes.
std::uint64_t mortonCode(MercatorPoint point);
MercatorPoint fromMortonCode(std::uint64_t code);

}  // namespace bhabin::cluster
