// Large correctness checks on the national data (../shared/data): the nearest-post index against brute force,
// and the regency boundaries against the regency each report point was drawn in. Skipped without the data.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "core/geo/boundary_index.h"
#include "core/match/post_index.h"
#include "core/wire/geojson_boundaries.h"

namespace bhabin {
namespace {

std::string dataDir() {
  const char* configured = std::getenv("BHABIN_DATA_DIR");
  return configured != nullptr ? configured : std::string(BHABIN_SOURCE_DIR) + "/../shared/data";
}

std::string readFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

struct Row {
  std::string regency;
  geo::LatLon position;
};

// The last three columns of the data files are regency_code (or any text), lat, lon; names may be quoted.
std::vector<Row> readRows(const std::string& path) {
  std::vector<Row> rows;
  std::istringstream lines(readFile(path));
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t lonAt = line.rfind(',');
    const std::size_t latAt = line.rfind(',', lonAt - 1);
    const std::size_t regencyAt = line.rfind(',', latAt - 1);
    rows.push_back({line.substr(regencyAt + 1, latAt - regencyAt - 1),
                    {std::atof(line.c_str() + latAt + 1), std::atof(line.c_str() + lonAt + 1)}});
  }
  return rows;
}

class NationalData : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::ifstream(dataDir() + "/officer_posts.csv")) GTEST_SKIP() << "no national data in " << dataDir();
  }
};

TEST_F(NationalData, NearestPostsMatchBruteForce) {
  const std::vector<Row> postRows = readRows(dataDir() + "/officer_posts.csv");
  const std::vector<Row> points = readRows(dataDir() + "/report_points.csv");
  ASSERT_EQ(postRows.size(), 83763u);
  std::vector<match::Post> posts;
  for (std::size_t i = 0; i < postRows.size(); ++i) {
    posts.push_back({static_cast<match::PostId>(i), postRows[i].position, i % 3 != 0, static_cast<std::int32_t>(i % 5)});
  }
  const match::PostIndex index = std::get<match::PostIndex>(match::PostIndex::build(posts));
  std::vector<match::Neighbor> expected;
  std::vector<match::Neighbor> actual;
  for (std::size_t q = 0; q < points.size(); q += 331) {  // about 300 queries spread over the file
    match::NearestQuery query{points[q].position, q % 2 == 0 ? 1u : 5u};
    query.onDutyOnly = q % 3 == 0;
    query.openReportsCap = q % 4 == 0 ? 3 : std::numeric_limits<std::int32_t>::max();
    match::bruteForceNearest(posts, query, expected);
    index.nearest(query, actual);
    ASSERT_EQ(actual, expected) << "report point " << q;
  }
}

TEST_F(NationalData, ReportPointsLieInTheirRegency) {
  auto parsed = wire::parseGeoJsonBoundaries(readFile(dataDir() + "/regencies.geojson"));
  ASSERT_TRUE(std::holds_alternative<std::vector<geo::Boundary>>(parsed));
  const std::vector<geo::Boundary> boundaries = std::get<std::vector<geo::Boundary>>(std::move(parsed));
  std::map<std::string, const geo::Boundary*> byCode;
  for (const geo::Boundary& b : boundaries) byCode[b.code] = &b;
  const geo::BoundaryIndex regencies(boundaries);
  ASSERT_EQ(regencies.size(), 514u);
  const std::vector<Row> points = readRows(dataDir() + "/report_points.csv");
  std::size_t inEnclave = 0;
  std::size_t offOwnOutline = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const geo::Boundary& own = *byCode.at(points[i].regency);
    const geo::Boundary* found = regencies.find(points[i].position);
    if (found != nullptr && found->code == own.code) continue;
    if (!own.shape.contains(points[i].position)) {
      // The points were drawn in finer outlines than the simplified ones published; near a border a few
      // fall just outside their own simplified regency.
      ++offOwnOutline;
      continue;
    }
    // Drawn inside a city enclave its regency's outline surrounds: the smaller region is the right answer.
    ASSERT_NE(found, nullptr) << "point " << i << " is inside " << own.code << " but found nowhere";
    ASSERT_TRUE(found->shape.contains(points[i].position)) << "point " << i;
    ASSERT_LT(found->shape.areaSquareDegrees(), own.shape.areaSquareDegrees()) << "point " << i;
    ++inEnclave;
  }
  EXPECT_LT(inEnclave, points.size() / 200) << inEnclave << " points in enclaves";
  EXPECT_LT(offOwnOutline, points.size() / 500) << offOwnOutline << " points off their own outline";
}

}  // namespace
}  // namespace bhabin
