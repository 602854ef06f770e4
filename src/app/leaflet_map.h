// The Leaflet map under the ImGui canvas, driven from C++ through embind. The only code that holds
// emscripten::val handles to Leaflet objects; it uses Leaflet 1.9's global `L` factory API.
#pragma once

#include <emscripten/val.h>

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
  using ClickHandler = std::function<void(const geo::LatLon&)>;

  // Creates the map in the container; `onClick` receives every click on the map itself (not on ImGui).
  LeafletMap(const LeafletMapSettings& settings, ClickHandler onClick);
  ~LeafletMap() override;
  LeafletMap(const LeafletMap&) = delete;
  LeafletMap& operator=(const LeafletMap&) = delete;

  void flyTo(const geo::LatLon& center, int zoom) override;
  void placeMarker(const geo::LatLon& position) override;

  // Entry point for Leaflet's "click" events (registered through embind); not for other callers.
  static void dispatchClick(emscripten::val event);

 private:
  emscripten::val map_;
  emscripten::val marker_ = emscripten::val::null();
  ClickHandler onClick_;
};

}  // namespace bhabin::app
