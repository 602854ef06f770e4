// What panels may ask of the map under them. The browser implements it with Leaflet (src/app/leaflet_map),
// tests with a recorder; panels never see Leaflet.
#pragma once

#include "core/geo/lat_lon.h"

namespace bhabin::ui {

class MapView {
 public:
  virtual ~MapView() = default;
  // Pans and zooms the map to a position; zoom follows Leaflet's levels (0 = whole world, 18 = a street).
  virtual void flyTo(const geo::LatLon& center, int zoom) = 0;
  // Moves the single "chosen position" marker, creating it on first use.
  virtual void placeMarker(const geo::LatLon& position) = 0;
};

}  // namespace bhabin::ui
