// Reads administrative boundaries from GeoJSON: a FeatureCollection whose features are Polygon or
// MultiPolygon geometries with a string property naming the region code (e.g. "code": "33.29"); and writes
// them back in the one form this project stores and sends.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/geo/boundary_index.h"
#include "core/wire/flat_json.h"

namespace bhabin::wire {

struct GeoJsonSettings {
  std::string codeProperty = "code";       // the feature property holding the region code
  std::size_t maxBytes = 512u << 20;       // refuse larger documents before parsing
};

// All features as boundaries, in file order; or the first problem, naming the feature (0-based) and field.
std::variant<std::vector<geo::Boundary>, ParseError> parseGeoJsonBoundaries(std::string_view json,
                                                                             const GeoJsonSettings& settings = {});

// One Feature: properties {"code"} and the shape as a MultiPolygon, coordinates [lon, lat].
std::string encodeGeoJsonFeature(const geo::Boundary& boundary);
// A FeatureCollection of encodeGeoJsonFeature's features, in the given order.
std::string encodeGeoJsonFeatures(const std::vector<geo::Boundary>& boundaries);

}  // namespace bhabin::wire
