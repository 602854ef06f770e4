#include "app/leaflet_map.h"

#include <emscripten/bind.h>

namespace bhabin::app {

using emscripten::val;

namespace {

LeafletMap* clickTarget = nullptr;  // Leaflet calls back through a free function; one map per page

val latLng(const geo::LatLon& p) {
  val pair = val::array();
  pair.call<void>("push", p.latDeg);
  pair.call<void>("push", p.lonDeg);
  return pair;
}

val createMap(const LeafletMapSettings& settings) {
  val L = val::global("L");
  val options = val::object();
  options.set("zoomControl", false);  // re-added below, away from the corner where panels open
  options.set("attributionControl", !settings.tileUrl.empty());
  val map = L.call<val>("map", settings.containerId, options);
  val bottomRight = val::object();
  bottomRight.set("position", std::string("bottomright"));
  L["control"].call<val>("zoom", bottomRight).call<val>("addTo", map);
  val scaleOptions = val::object();
  scaleOptions.set("imperial", false);
  L["control"].call<val>("scale", scaleOptions).call<val>("addTo", map);
  map.call<val>("setView", latLng(settings.center), settings.zoom);
  if (!settings.tileUrl.empty()) {
    val tileOptions = val::object();
    tileOptions.set("maxZoom", 19);
    tileOptions.set("attribution", settings.tileAttribution);
    L.call<val>("tileLayer", settings.tileUrl, tileOptions).call<val>("addTo", map);
  }
  return map;
}

}  // namespace

LeafletMap::LeafletMap(const LeafletMapSettings& settings, ClickHandler onClick)
    : map_(createMap(settings)), onClick_(std::move(onClick)) {
  clickTarget = this;
  map_.call<val>("on", std::string("click"), val::module_property("bhabinMapClick"));
}

LeafletMap::~LeafletMap() {
  if (clickTarget == this) clickTarget = nullptr;
  map_.call<val>("remove");
}

void LeafletMap::flyTo(const geo::LatLon& center, int zoom) { map_.call<val>("flyTo", latLng(center), zoom); }

void LeafletMap::placeMarker(const geo::LatLon& position) {
  if (marker_.isNull()) {
    marker_ = val::global("L").call<val>("marker", latLng(position)).call<val>("addTo", map_);
    return;
  }
  marker_.call<val>("setLatLng", latLng(position));
}

void LeafletMap::dispatchClick(val event) {
  if (clickTarget == nullptr || !clickTarget->onClick_) return;
  const val position = event["latlng"];
  clickTarget->onClick_({position["lat"].as<double>(), position["lng"].as<double>()});
}

EMSCRIPTEN_BINDINGS(bhabin_leaflet) { emscripten::function("bhabinMapClick", &LeafletMap::dispatchClick); }

}  // namespace bhabin::app
