#include "core/wire/geojson_boundaries.h"

// cereal's JSON header first: it configures rapidjson (assertions throw), identically in every file.
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>

namespace bhabin::wire {

namespace {

namespace rj = RAPIDJSON_NAMESPACE;

struct Problem {
  std::string message;
};

std::variant<geo::Ring, Problem> readRing(const rj::Value& value) {
  if (!value.IsArray() || value.Size() < 3) return Problem{"a ring needs at least 3 positions"};
  geo::Ring ring;
  ring.reserve(value.Size());
  for (const auto& position : value.GetArray()) {
    if (!position.IsArray() || position.Size() < 2 || !position[0].IsNumber() || !position[1].IsNumber()) {
      return Problem{"a position must be [longitude, latitude]"};
    }
    const geo::LatLon p{position[1].GetDouble(), position[0].GetDouble()};  // GeoJSON is lon, lat
    if (!geo::isValid(p)) return Problem{"a position is outside -180..180 longitude / -90..90 latitude"};
    ring.push_back(p);
  }
  return ring;
}

std::variant<geo::Polygon, Problem> readPolygon(const rj::Value& rings) {
  if (!rings.IsArray() || rings.Empty()) return Problem{"a polygon needs an outer ring"};
  geo::Polygon polygon;
  for (rj::SizeType i = 0; i < rings.Size(); ++i) {
    auto ring = readRing(rings[i]);
    if (auto* problem = std::get_if<Problem>(&ring)) return *problem;
    if (i == 0) {
      polygon.outer = std::get<geo::Ring>(std::move(ring));
    } else {
      polygon.holes.push_back(std::get<geo::Ring>(std::move(ring)));
    }
  }
  return polygon;
}

std::variant<geo::MultiPolygon, Problem> readGeometry(const rj::Value& geometry) {
  if (!geometry.IsObject() || !geometry.HasMember("type") || !geometry["type"].IsString() ||
      !geometry.HasMember("coordinates")) {
    return Problem{"geometry needs a type and coordinates"};
  }
  const std::string type = geometry["type"].GetString();
  const rj::Value& coordinates = geometry["coordinates"];
  std::vector<geo::Polygon> polygons;
  if (type == "Polygon") {
    auto polygon = readPolygon(coordinates);
    if (auto* problem = std::get_if<Problem>(&polygon)) return *problem;
    polygons.push_back(std::get<geo::Polygon>(std::move(polygon)));
  } else if (type == "MultiPolygon" && coordinates.IsArray()) {
    for (const auto& each : coordinates.GetArray()) {
      auto polygon = readPolygon(each);
      if (auto* problem = std::get_if<Problem>(&polygon)) return *problem;
      polygons.push_back(std::get<geo::Polygon>(std::move(polygon)));
    }
  } else {
    return Problem{"geometry type \"" + type + "\" is not Polygon or MultiPolygon"};
  }
  return geo::MultiPolygon(std::move(polygons));
}

std::variant<std::vector<geo::Boundary>, ParseError> readCollection(const rj::Document& doc,
                                                                    const GeoJsonSettings& settings) {
  if (!doc.IsObject() || !doc.HasMember("features") || !doc["features"].IsArray()) {
    return ParseError{"not a GeoJSON FeatureCollection (no \"features\" array)"};
  }
  std::vector<geo::Boundary> boundaries;
  const auto& features = doc["features"];
  for (rj::SizeType i = 0; i < features.Size(); ++i) {
    const std::string where = "feature " + std::to_string(i) + ": ";
    const rj::Value& feature = features[i];
    if (!feature.IsObject() || !feature.HasMember("properties") || !feature["properties"].IsObject()) {
      return ParseError{where + "no properties"};
    }
    const rj::Value& properties = feature["properties"];
    const char* key = settings.codeProperty.c_str();
    if (!properties.HasMember(key) || !properties[key].IsString()) {
      return ParseError{where + "no string property \"" + settings.codeProperty + "\""};
    }
    if (!feature.HasMember("geometry")) return ParseError{where + "no geometry"};
    auto shape = readGeometry(feature["geometry"]);
    if (auto* problem = std::get_if<Problem>(&shape)) return ParseError{where + problem->message};
    boundaries.push_back({properties[key].GetString(), std::get<geo::MultiPolygon>(std::move(shape))});
  }
  return boundaries;
}

}  // namespace

std::variant<std::vector<geo::Boundary>, ParseError> parseGeoJsonBoundaries(std::string_view json,
                                                                             const GeoJsonSettings& settings) {
  if (json.size() > settings.maxBytes) {
    return ParseError{"document larger than " + std::to_string(settings.maxBytes) + " bytes"};
  }
  try {
    rj::Document doc;
    // Explicit flags: no NaN/Infinity, strict UTF-8, and the iterative parser, so deep nesting cannot
    // exhaust the call stack.
    doc.Parse<rj::kParseIterativeFlag | rj::kParseValidateEncodingFlag>(json.data(), json.size());
    if (doc.HasParseError()) {
      return ParseError{std::string(rj::GetParseError_En(doc.GetParseError())) + " at byte " +
                        std::to_string(doc.GetErrorOffset())};
    }
    return readCollection(doc, settings);
  } catch (const cereal::RapidJSONException& error) {
    return ParseError{error.what()};
  }
}

namespace {

using FeatureWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void writeRing(FeatureWriter& out, const geo::Ring& ring) {
  out.StartArray();
  for (const geo::LatLon& point : ring) {
    out.StartArray();
    out.Double(point.lonDeg);
    out.Double(point.latDeg);
    out.EndArray();
  }
  out.EndArray();
}

void writeFeature(FeatureWriter& out, const geo::Boundary& boundary) {
  out.StartObject();
  out.Key("type");
  out.String("Feature");
  out.Key("properties");
  out.StartObject();
  out.Key("code");
  out.String(boundary.code.data(), static_cast<rapidjson::SizeType>(boundary.code.size()));
  out.EndObject();
  out.Key("geometry");
  out.StartObject();
  out.Key("type");
  out.String("MultiPolygon");
  out.Key("coordinates");
  out.StartArray();
  for (const geo::Polygon& polygon : boundary.shape.polygons()) {
    out.StartArray();
    writeRing(out, polygon.outer);
    for (const geo::Ring& hole : polygon.holes) writeRing(out, hole);
    out.EndArray();
  }
  out.EndArray();
  out.EndObject();
  out.EndObject();
}

}  // namespace

std::string encodeGeoJsonFeature(const geo::Boundary& boundary) {
  rapidjson::StringBuffer buffer;
  FeatureWriter out(buffer);
  writeFeature(out, boundary);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string encodeGeoJsonFeatures(const std::vector<geo::Boundary>& boundaries) {
  rapidjson::StringBuffer buffer;
  FeatureWriter out(buffer);
  out.StartObject();
  out.Key("type");
  out.String("FeatureCollection");
  out.Key("features");
  out.StartArray();
  for (const geo::Boundary& boundary : boundaries) writeFeature(out, boundary);
  out.EndArray();
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace bhabin::wire
