// An order in which to answer many position queries so that consecutive ones are close on the map: the
// index's memory is then touched in runs instead of at random, which more than halves the time per query.
#pragma once

#include <cstdint>
#include <vector>

#include "core/geo/lat_lon.h"

namespace bhabin::match {

// Indices 0..n-1 sorted along a Z-order (Morton) curve over latitude and longitude, 16 bits each.
// Invalid positions sort last. O(n): two radix passes.
std::vector<std::uint32_t> spatialOrder(const std::vector<geo::LatLon>& positions);

}  // namespace bhabin::match
