// What panels may ask of the map under them. The browser implements it with Leaflet (src/app/leaflet_map),
// tests with a recorder; panels never see Leaflet.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/cluster/cluster_index.h"
#include "core/geo/lat_lon.h"

namespace bhabin::ui {

// One dot on the map: a single officer or report, or a cluster of `count` officers or reports.
struct MapPoint {
  enum class Kind : std::uint8_t { OfficerOnDuty, OfficerOffDuty, Cluster, Report, ReportCluster };
  Kind kind = Kind::OfficerOnDuty;
  geo::LatLon position;
  std::uint32_t count = 1;
};

// The overlays the map keeps; each is replaced as a whole.
enum class MapLayer : std::uint8_t { Officers, Reports };
enum class OutlineLayer : std::uint8_t { Regencies, Villages };

class MapView {
 public:
  virtual ~MapView() = default;
  // Pans and zooms the map so a position is in the middle of the part not covered by panels; zoom follows
  // Leaflet's levels (0 = whole world, 18 = a street).
  virtual void flyTo(const geo::LatLon& center, int zoom) = 0;
  // The strips the panels cover, in CSS pixels from the left and the bottom edge.
  virtual void setCoveredArea(float left, float bottom) = 0;
  // Moves the single "chosen position" marker (the report's pin, draggable), creating it on first use.
  virtual void placeMarker(const geo::LatLon& position) = 0;
  virtual void showPoints(MapLayer layer, const std::vector<MapPoint>& points) = 0;
  // Outlines under the points, not clickable; replaces what the layer drew. `geojson` is a FeatureCollection
  // (wire::encodeGeoJsonFeatures).
  virtual void showOutlines(OutlineLayer layer, const std::string& geojson) = 0;
  // What is in view now, for clustering.
  virtual cluster::Viewport viewport() const = 0;
  virtual double zoom() const = 0;
};

}  // namespace bhabin::ui
