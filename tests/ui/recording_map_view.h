// A MapView that records what panels asked of it.
#pragma once

#include <vector>

#include "ui/map_view.h"

namespace bhabin::testing {

struct RecordingMapView final : ui::MapView {
  struct Flight {
    geo::LatLon center;
    int zoom;
  };
  std::vector<Flight> flights;
  std::vector<geo::LatLon> markers;

  void flyTo(const geo::LatLon& center, int zoom) override { flights.push_back({center, zoom}); }
  void placeMarker(const geo::LatLon& position) override { markers.push_back(position); }
};

}  // namespace bhabin::testing
