// A MapView that records what panels asked of it.
#pragma once

#include <map>
#include <string>
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
  std::map<ui::MapLayer, std::vector<ui::MapPoint>> layers;
  std::map<ui::OutlineLayer, std::string> outlines;  // the GeoJSON each layer was given last
  cluster::Viewport shown{-7.5, 108.5, -6.7, 109.4};  // Brebes
  double shownZoom = 10.0;

  void flyTo(const geo::LatLon& center, int zoom) override { flights.push_back({center, zoom}); }
  void setCoveredArea(float, float) override {}
  void placeMarker(const geo::LatLon& position) override { markers.push_back(position); }
  void showPoints(ui::MapLayer layer, const std::vector<ui::MapPoint>& points) override { layers[layer] = points; }
  void showOutlines(ui::OutlineLayer layer, const std::string& geojson) override { outlines[layer] = geojson; }
  cluster::Viewport viewport() const override { return shown; }
  double zoom() const override { return shownZoom; }
};

}  // namespace bhabin::testing
