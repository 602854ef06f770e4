// JavaScript API of core/geo: Module.haversineKm(latA, lonA, latB, lonB).
#include <emscripten/bind.h>

#include "core/geo/haversine.h"

namespace {

double haversineKm(double latA, double lonA, double latB, double lonB) {
  return bhabin::geo::haversineKm({latA, lonA}, {latB, lonB});
}

}  // namespace

EMSCRIPTEN_BINDINGS(bhabin_geo) { emscripten::function("haversineKm", &haversineKm); }
