// The Leaflet map under the ImGui canvas, driven from C++ through embind. The only code that holds
// emscripten::val handles to Leaflet objects; it uses Leaflet 1.9's global `L` factory API.
#pragma once

#include <emscripten/val.h>

#include <array>
#include <functional>
#include <string>

#include "ui/map_view.h"

namespace bhabin::app {

struct LeafletMapSettings {
  std::string containerId = "map";  // id of the page element the map fills
  std::string tileUrl;              // XYZ template ({z}/{x}/{y}); empty = no tiles, the map still works
  std::string tileAttribution;      // shown in the corner when tiles are used, as their licence requires
  geo::LatLon center{-7.05, 108.98};
  int zoom = 10;
};

class LeafletMap final : public ui::MapView {
 public:
  using PositionHandler = std::function<void(const geo::LatLon&)>;

  // Creates the map in the container; `onChoose` receives every click on the map itself (not on ImGui) and
  // every drop of the dragged marker.
  LeafletMap(const LeafletMapSettings& settings, PositionHandler onChoose);
  ~LeafletMap() override;
  LeafletMap(const LeafletMap&) = delete;
  LeafletMap& operator=(const LeafletMap&) = delete;

  void flyTo(const geo::LatLon& center, int zoom) override;
  void setCoveredArea(float left, float bottom) override;
  void placeMarker(const geo::LatLon& position) override;
  void showPoints(ui::MapLayer layer, const std::vector<ui::MapPoint>& points) override;
  void showOutlines(ui::OutlineLayer layer, const std::string& geojson) override;
  cluster::Viewport viewport() const override;
  double zoom() const override;

  // True once after the map stopped moving or zooming (the moment to recompute clusters).
  bool takeMoved();

  // Entry points for Leaflet's events (registered through embind); not for other callers.
  static void dispatchClick(emscripten::val event);
  static void dispatchMarkerDrop(emscripten::val event);
  static void dispatchMoved(emscripten::val event);

 private:
  emscripten::val map_;
  emscripten::val marker_ = emscripten::val::null();
  std::array<emscripten::val, 2> layers_{emscripten::val::null(), emscripten::val::null()};  // an L.layerGroup per ui::MapLayer
  std::array<emscripten::val, 2> outlines_{emscripten::val::null(), emscripten::val::null()};  // per ui::OutlineLayer
  PositionHandler onChoose_;
  bool moved_ = true;
  float coveredLeft_ = 0.0f;
  float coveredBottom_ = 0.0f;
};

}  // namespace bhabin::app
