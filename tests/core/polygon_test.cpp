#include "core/geo/boundary_index.h"
#include "core/geo/polygon.h"

#include <gtest/gtest.h>

#include <limits>

namespace bhabin::geo {
namespace {

Ring square(double lat0, double lon0, double lat1, double lon1) {
  return {{lat0, lon0}, {lat0, lon1}, {lat1, lon1}, {lat1, lon0}};
}

TEST(Polygon, InsideOutsideAndHoles) {
  const MultiPolygon shape({Polygon{square(0, 0, 10, 10), {square(4, 4, 6, 6)}}});
  EXPECT_TRUE(shape.contains({1.0, 1.0}));
  EXPECT_TRUE(shape.contains({3.9, 5.0}));
  EXPECT_FALSE(shape.contains({5.0, 5.0}));  // in the hole
  EXPECT_FALSE(shape.contains({11.0, 5.0}));
  EXPECT_FALSE(shape.contains({5.0, -0.1}));
  EXPECT_FALSE(shape.contains({std::numeric_limits<double>::quiet_NaN(), 5.0}));
}

TEST(Polygon, MultiPolygonIslandsAndAnIslandInsideAHole) {
  const MultiPolygon archipelago({Polygon{square(0, 0, 10, 10), {square(2, 2, 8, 8)}},
                                  Polygon{square(4, 4, 6, 6), {}},  // an island in the lake
                                  Polygon{square(20, 20, 21, 21), {}}});
  EXPECT_TRUE(archipelago.contains({1.0, 5.0}));
  EXPECT_FALSE(archipelago.contains({3.0, 3.0}));  // the lake
  EXPECT_TRUE(archipelago.contains({5.0, 5.0}));   // the island
  EXPECT_TRUE(archipelago.contains({20.5, 20.5}));
  EXPECT_FALSE(archipelago.contains({15.0, 15.0}));
}

TEST(Polygon, ConcaveRingsAndClosingVertexDoNotMatter) {
  Ring u = {{0, 0}, {0, 3}, {3, 3}, {3, 2}, {1, 2}, {1, 1}, {3, 1}, {3, 0}, {0, 0}};  // a "C", explicitly closed
  EXPECT_TRUE(ringContains(u, {0.5, 1.5}));
  EXPECT_FALSE(ringContains(u, {1.5, 2.0 - 0.5}));  // in the notch
  EXPECT_TRUE(ringContains(u, {2.5, 2.5}));
}

TEST(Polygon, ASharedEdgeBelongsToExactlyOneOfTwoNeighbours) {
  const MultiPolygon west({Polygon{square(0, 0, 2, 1), {}}});
  const MultiPolygon east({Polygon{square(0, 1, 2, 2), {}}});
  for (double lat : {0.5, 1.0, 1.5}) {
    const LatLon onEdge{lat, 1.0};
    EXPECT_NE(west.contains(onEdge), east.contains(onEdge)) << lat;
  }
}

TEST(BoundaryIndex, FindsTheContainingBoundaryAmongMany) {
  std::vector<Boundary> grid;
  for (int r = 0; r < 20; ++r) {
    for (int c = 0; c < 20; ++c) {
      grid.push_back({std::to_string(r) + "." + std::to_string(c),
                      MultiPolygon({Polygon{square(-10 + r * 0.5, 100 + c * 0.5, -10 + (r + 1) * 0.5, 100 + (c + 1) * 0.5), {}}})});
    }
  }
  const BoundaryIndex index(grid, 0.3);
  ASSERT_NE(index.find({-9.75, 100.25}), nullptr);
  EXPECT_EQ(index.find({-9.75, 100.25})->code, "0.0");
  EXPECT_EQ(index.find({-0.2, 109.9})->code, "19.19");
  EXPECT_EQ(index.find({-5.1, 104.6})->code, "9.9");
  EXPECT_EQ(index.find({-20.0, 105.0}), nullptr);
  EXPECT_EQ(index.find({-5.0, 130.0}), nullptr);
  EXPECT_EQ(index.find({std::numeric_limits<double>::infinity(), 100.0}), nullptr);
}

TEST(BoundaryIndex, AnEnclaveWinsOverTheRegencyDrawnAroundIt) {
  const BoundaryIndex index({{"33.29", MultiPolygon({Polygon{square(-8, 108, -6, 110), {}}})},
                             {"33.76", MultiPolygon({Polygon{square(-7.1, 109.0, -6.9, 109.2), {}}})}});
  EXPECT_EQ(index.find({-7.0, 109.1})->code, "33.76");
  EXPECT_EQ(index.find({-7.5, 109.1})->code, "33.29");
}

TEST(BoundaryIndex, EmptyIndexFindsNothing) {
  const BoundaryIndex index({});
  EXPECT_EQ(index.find({-7.0, 109.0}), nullptr);
}

}  // namespace
}  // namespace bhabin::geo
