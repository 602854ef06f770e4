// The map's outlines (ui/map_outlines.h): regencies at start, one regency's villages on demand, revalidated
// with the server's tag, and nothing drawn from an answer that does not parse.
#include "ui/map_outlines.h"

#include <gtest/gtest.h>

#include "core/wire/geojson_boundaries.h"
#include "fake_platform.h"
#include "recording_map_view.h"

namespace bhabin::ui {
namespace {

using testing::FakePlatform;
using testing::RecordingMapView;

geo::Boundary square(const std::string& code, double lat, double lon, double half) {
  geo::Ring ring{{lat - half, lon - half}, {lat - half, lon + half}, {lat + half, lon + half}, {lat + half, lon - half},
                 {lat - half, lon - half}};
  return {code, geo::MultiPolygon({geo::Polygon{ring, {}}})};
}

std::vector<std::string> codesOf(const std::string& geojson) {
  auto parsed = wire::parseGeoJsonBoundaries(geojson);
  if (auto* error = std::get_if<wire::ParseError>(&parsed)) {
    ADD_FAILURE() << error->message;
    return {};
  }
  std::vector<std::string> codes;
  for (const geo::Boundary& boundary : std::get<std::vector<geo::Boundary>>(parsed)) codes.push_back(boundary.code);
  return codes;
}

class MapOutlinesTest : public ::testing::Test {
 protected:
  FakePlatform platform;
  RecordingMapView map;
  MapOutlines outlines{platform, map};
  const std::string brebes = wire::encodeGeoJsonFeatures({square("33.29", -7.0, 108.9, 0.3)});
  const std::string brebesWithVillages = wire::encodeGeoJsonFeatures(
      {square("33.29", -7.0, 108.9, 0.3), square("33.29.01.2001", -6.87, 109.04, 0.01), square("33.29.01.2002", -6.9, 109.05, 0.01)});
};

TEST_F(MapOutlinesTest, TheRegenciesAreDrawnAndRevalidatedWithTheServersTag) {
  outlines.refresh();
  ASSERT_TRUE(platform.respondTo("GET", "/api/v1/boundaries", {200, brebes, 0, "\"boundaries-7\""}));
  EXPECT_EQ(codesOf(map.outlines.at(OutlineLayer::Regencies)), std::vector<std::string>{"33.29"});
  EXPECT_EQ(outlines.regencyOutlines(), 1);

  outlines.refresh();
  const HttpRequest* again = platform.pendingRequest("GET", "/api/v1/boundaries");
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->headers.at("If-None-Match"), "\"boundaries-7\"");
  map.outlines.clear();
  ASSERT_TRUE(platform.respondTo("GET", "/api/v1/boundaries", {304, "", 0, "\"boundaries-7\""}));
  EXPECT_TRUE(map.outlines.empty()) << "a 304 keeps what is drawn";
  EXPECT_EQ(outlines.regencyOutlines(), 1);
}

TEST_F(MapOutlinesTest, ARegencysVillagesAreAskedForOnceAndDrawnWithoutTheRegencyItself) {
  outlines.showRegency("33.29");
  ASSERT_TRUE(platform.respondTo("GET", "/api/v1/boundaries?regency=33.29", {200, brebesWithVillages, 0, "\"b-8-33.29\""}));
  EXPECT_EQ(codesOf(map.outlines.at(OutlineLayer::Villages)), (std::vector<std::string>{"33.29.01.2001", "33.29.01.2002"}));
  EXPECT_EQ(outlines.villageOutlines(), 2);
  outlines.showRegency("33.29");
  outlines.showRegency("");
  EXPECT_TRUE(platform.pending.empty()) << "nothing asked again";
}

TEST_F(MapOutlinesTest, AFailedOrUnreadableAnswerDrawsNothing) {
  outlines.refresh();
  ASSERT_TRUE(platform.respondTo("GET", "/api/v1/boundaries", {0, "", 0, ""}));
  outlines.showRegency("33.29");
  ASSERT_TRUE(platform.respondTo("GET", "/api/v1/boundaries?regency=33.29", {200, R"({"type":"FeatureCollection","features":[{}]})", 0, ""}));
  EXPECT_TRUE(map.outlines.empty());
  EXPECT_EQ(outlines.regencyOutlines(), 0);
  EXPECT_EQ(outlines.villageOutlines(), 0);
}

}  // namespace
}  // namespace bhabin::ui
