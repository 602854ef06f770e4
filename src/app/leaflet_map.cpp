#include "app/leaflet_map.h"

#include <emscripten/bind.h>

namespace bhabin::app {

using emscripten::val;

namespace {

LeafletMap* eventTarget = nullptr;  // Leaflet calls back through free functions; one map per page

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
  options.set("preferCanvas", true);  // thousands of officer dots draw on one canvas, not as SVG elements
  val map = L.call<val>("map", settings.containerId, options);
  val topRight = val::object();
  topRight.set("position", std::string("topright"));
  L["control"].call<val>("zoom", topRight).call<val>("addTo", map);
  val scaleOptions = val::object();
  scaleOptions.set("imperial", false);
  scaleOptions.set("position", std::string("topright"));
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

struct DotStyle {
  const char* colour;
  double radius;
};

DotStyle styleOf(ui::MapPoint::Kind kind) {
  switch (kind) {
    case ui::MapPoint::Kind::OfficerOnDuty: return {"#1b7f3b", 7};
    case ui::MapPoint::Kind::OfficerOffDuty: return {"#7a8593", 6};
    case ui::MapPoint::Kind::Report: return {"#d9480f", 8};
    case ui::MapPoint::Kind::Cluster:
    case ui::MapPoint::Kind::ReportCluster: break;
  }
  return {"#1f3a68", 12};
}

// A cluster is a round label with its count; the count is a number we format, so the HTML cannot carry
// anything from outside.
val clusterMarker(const ui::MapPoint& point) {
  val iconOptions = val::object();
  const bool reports = point.kind == ui::MapPoint::Kind::ReportCluster;
  iconOptions.set("className", std::string(reports ? "bhabin-cluster bhabin-cluster-reports" : "bhabin-cluster"));
  iconOptions.set("html", std::to_string(point.count));
  const int size = point.count < 10 ? 30 : point.count < 100 ? 36 : point.count < 1000 ? 42 : 48;
  val iconSize = val::array();
  iconSize.call<void>("push", size);
  iconSize.call<void>("push", size);
  iconOptions.set("iconSize", iconSize);
  val markerOptions = val::object();
  markerOptions.set("icon", val::global("L").call<val>("divIcon", iconOptions));
  markerOptions.set("interactive", false);
  markerOptions.set("keyboard", false);
  return val::global("L").call<val>("marker", latLng(point.position), markerOptions);
}

val dot(const ui::MapPoint& point) {
  const DotStyle style = styleOf(point.kind);
  val options = val::object();
  options.set("radius", style.radius);
  options.set("color", std::string("#ffffff"));
  options.set("weight", 2);
  options.set("fillColor", std::string(style.colour));
  options.set("fillOpacity", 0.95);
  options.set("interactive", false);
  return val::global("L").call<val>("circleMarker", latLng(point.position), options);
}

}  // namespace

LeafletMap::LeafletMap(const LeafletMapSettings& settings, PositionHandler onChoose)
    : map_(createMap(settings)), onChoose_(std::move(onChoose)) {
  eventTarget = this;
  map_.call<val>("on", std::string("click"), val::module_property("bhabinMapClick"));
  map_.call<val>("on", std::string("moveend"), val::module_property("bhabinMapMoved"));
  // Outlines first, so the officer and report dots draw above them.
  for (val& layer : outlines_) layer = val::global("L").call<val>("layerGroup").call<val>("addTo", map_);
  for (val& layer : layers_) layer = val::global("L").call<val>("layerGroup").call<val>("addTo", map_);
}

LeafletMap::~LeafletMap() {
  if (eventTarget == this) eventTarget = nullptr;
  map_.call<val>("remove");
}

// The map's centre moves by half the covered strips, so the position lands in the middle of what is visible.
void LeafletMap::flyTo(const geo::LatLon& center, int zoom) {
  val point = map_.call<val>("project", latLng(center), zoom);
  point = point.call<val>("add", val::global("L").call<val>("point", -coveredLeft_ / 2, coveredBottom_ / 2));
  map_.call<val>("flyTo", map_.call<val>("unproject", point, zoom), zoom);
}

void LeafletMap::setCoveredArea(float left, float bottom) {
  coveredLeft_ = left;
  coveredBottom_ = bottom;
}

void LeafletMap::placeMarker(const geo::LatLon& position) {
  if (marker_.isNull()) {
    val options = val::object();
    options.set("draggable", true);
    options.set("autoPan", true);
    marker_ = val::global("L").call<val>("marker", latLng(position), options).call<val>("addTo", map_);
    marker_.call<val>("on", std::string("dragend"), val::module_property("bhabinMarkerDrop"));
    return;
  }
  marker_.call<val>("setLatLng", latLng(position));
}

void LeafletMap::showPoints(ui::MapLayer layer, const std::vector<ui::MapPoint>& points) {
  val& group = layers_[static_cast<std::size_t>(layer)];
  group.call<val>("clearLayers");
  for (const ui::MapPoint& point : points) {
    const bool cluster = point.kind == ui::MapPoint::Kind::Cluster || point.kind == ui::MapPoint::Kind::ReportCluster;
    group.call<val>("addLayer", cluster ? clusterMarker(point) : dot(point));
  }
}

// Regencies bold, villages thin; neither filled nor clickable, so a tap inside still chooses that place.
void LeafletMap::showOutlines(ui::OutlineLayer layer, const std::string& geojson) {
  const bool villages = layer == ui::OutlineLayer::Villages;
  val style = val::object();
  style.set("color", std::string(villages ? "#5b6b82" : "#1f3a68"));
  style.set("weight", villages ? 1 : 2.5);
  style.set("opacity", 0.8);
  style.set("fill", false);
  val options = val::object();
  options.set("style", style);
  options.set("interactive", false);
  val& group = outlines_[static_cast<std::size_t>(layer)];
  group.call<val>("clearLayers");
  group.call<val>("addLayer", val::global("L").call<val>("geoJSON", val::global("JSON").call<val>("parse", geojson), options));
}

cluster::Viewport LeafletMap::viewport() const {
  const val bounds = map_.call<val>("getBounds");
  return {bounds.call<double>("getSouth"), bounds.call<double>("getWest"), bounds.call<double>("getNorth"),
          bounds.call<double>("getEast")};
}

double LeafletMap::zoom() const { return map_.call<double>("getZoom"); }

bool LeafletMap::takeMoved() {
  const bool moved = moved_;
  moved_ = false;
  return moved;
}

void LeafletMap::dispatchClick(val event) {
  if (eventTarget == nullptr || !eventTarget->onChoose_) return;
  const val position = event["latlng"];
  eventTarget->onChoose_({position["lat"].as<double>(), position["lng"].as<double>()});
}

void LeafletMap::dispatchMarkerDrop(val event) {
  if (eventTarget == nullptr || !eventTarget->onChoose_) return;
  const val position = event["target"].call<val>("getLatLng");
  eventTarget->onChoose_({position["lat"].as<double>(), position["lng"].as<double>()});
}

void LeafletMap::dispatchMoved(val) {
  if (eventTarget != nullptr) eventTarget->moved_ = true;
}

EMSCRIPTEN_BINDINGS(bhabin_leaflet) {
  emscripten::function("bhabinMapClick", &LeafletMap::dispatchClick);
  emscripten::function("bhabinMarkerDrop", &LeafletMap::dispatchMarkerDrop);
  emscripten::function("bhabinMapMoved", &LeafletMap::dispatchMoved);
}

}  // namespace bhabin::app
