#include "core/wire/geojson_boundaries.h"

#include <gtest/gtest.h>

namespace bhabin::wire {
namespace {

std::string errorOf(std::string_view json) {
  auto parsed = parseGeoJsonBoundaries(json);
  auto* error = std::get_if<ParseError>(&parsed);
  return error ? error->message : "(parsed)";
}

TEST(GeoJsonBoundaries, ReadsPolygonsAndMultiPolygonsWithHoles) {
  const auto parsed = parseGeoJsonBoundaries(R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"code":"33.29","name":"BREBES"},"geometry":{"type":"Polygon",
      "coordinates":[[[108,-8],[110,-8],[110,-6],[108,-6],[108,-8]],[[108.5,-7.5],[109,-7.5],[109,-7],[108.5,-7.5]]]}},
    {"type":"Feature","properties":{"code":"33.30"},"geometry":{"type":"MultiPolygon",
      "coordinates":[[[[111,-8],[112,-8],[112,-7],[111,-8]]],[[[113,-8],[114,-8],[114,-7],[113,-8]]]]}}]})");
  ASSERT_TRUE(std::holds_alternative<std::vector<geo::Boundary>>(parsed)) << errorOf("");
  const auto& boundaries = std::get<std::vector<geo::Boundary>>(parsed);
  ASSERT_EQ(boundaries.size(), 2u);
  EXPECT_EQ(boundaries[0].code, "33.29");
  EXPECT_TRUE(boundaries[0].shape.contains({-6.5, 109.5}));
  EXPECT_FALSE(boundaries[0].shape.contains({-7.3, 108.8}));  // in the hole
  EXPECT_EQ(boundaries[1].shape.polygons().size(), 2u);
  EXPECT_TRUE(boundaries[1].shape.contains({-7.9, 113.5}));
}

TEST(GeoJsonBoundaries, NamesTheFeatureAndTheProblem) {
  EXPECT_EQ(errorOf(R"({"type":"FeatureCollection"})"), "not a GeoJSON FeatureCollection (no \"features\" array)");
  EXPECT_EQ(errorOf(R"({"features":[{"properties":{},"geometry":null}]})"), "feature 0: no string property \"code\"");
  EXPECT_EQ(errorOf(R"({"features":[{"properties":{"code":"1"},"geometry":{"type":"Point","coordinates":[1,2]}}]})"),
            "feature 0: geometry type \"Point\" is not Polygon or MultiPolygon");
  EXPECT_EQ(errorOf(R"({"features":[{"properties":{"code":"1"},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,4]]]}}]})"),
            "feature 0: a ring needs at least 3 positions");
  EXPECT_EQ(errorOf(R"({"features":[{"properties":{"code":"1"},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,95],[1,3]]]}}]})"),
            "feature 0: a position is outside -180..180 longitude / -90..90 latitude");
  EXPECT_NE(errorOf(R"({"features":[{"properties":{"code":"1"},"geometry":{"type":"Polygon","coordinates":[[[NaN,2],[3,4],[1,3]]]}}]})")
                .find("at byte"),
            std::string::npos);
  EXPECT_NE(errorOf(std::string(200000, '[')).find("at byte"), std::string::npos);
}

TEST(GeoJsonBoundaries, WhatIsWrittenReadsBackAsTheSameShapes) {
  const geo::Ring outer{{-7.0, 108.0}, {-7.0, 109.0}, {-6.0, 109.0}, {-6.0, 108.0}, {-7.0, 108.0}};
  const geo::Ring hole{{-6.6, 108.4}, {-6.6, 108.6}, {-6.4, 108.6}, {-6.4, 108.4}, {-6.6, 108.4}};
  const geo::Ring island{{-5.1234567891, 110.0}, {-5.1234567891, 110.5}, {-5.0, 110.5}, {-5.1234567891, 110.0}};
  const std::vector<geo::Boundary> written{{"33.29", geo::MultiPolygon({{outer, {hole}}, {island, {}}})},
                                           {"33.29.01.2001", geo::MultiPolygon({{hole, {}}})}};
  auto read = parseGeoJsonBoundaries(encodeGeoJsonFeatures(written));
  ASSERT_TRUE(std::holds_alternative<std::vector<geo::Boundary>>(read)) << std::get<ParseError>(read).message;
  const auto& back = std::get<std::vector<geo::Boundary>>(read);
  ASSERT_EQ(back.size(), 2u);
  for (std::size_t i = 0; i < back.size(); ++i) {
    EXPECT_EQ(back[i].code, written[i].code);
    ASSERT_EQ(back[i].shape.polygons().size(), written[i].shape.polygons().size());
    for (std::size_t p = 0; p < back[i].shape.polygons().size(); ++p) {
      const geo::Polygon& a = back[i].shape.polygons()[p];
      const geo::Polygon& b = written[i].shape.polygons()[p];
      ASSERT_EQ(a.outer.size(), b.outer.size());
      for (std::size_t k = 0; k < a.outer.size(); ++k) {
        EXPECT_EQ(a.outer[k].latDeg, b.outer[k].latDeg) << "full precision";
        EXPECT_EQ(a.outer[k].lonDeg, b.outer[k].lonDeg);
      }
      EXPECT_EQ(a.holes.size(), b.holes.size());
    }
  }
  EXPECT_EQ(encodeGeoJsonFeatures({written[1]}),
            R"({"type":"FeatureCollection","features":[)" + encodeGeoJsonFeature(written[1]) + "]}");
}

}  // namespace
}  // namespace bhabin::wire
