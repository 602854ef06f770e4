#include "core/cluster/cluster_index.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/cluster/web_mercator.h"

namespace bhabin::cluster {
namespace {

using geo::LatLon;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const ClusterSettings kClip{60.0, 256.0, EdgeCells::Clip};

// Deterministic pseudo-random numbers, identical natively and in WebAssembly (no <random> distributions).
class Lcg {
 public:
  explicit Lcg(std::uint64_t seed) : state_(seed) {}
  double uniform(double lo, double hi) {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return lo + (hi - lo) * static_cast<double>(state_ >> 11) / static_cast<double>(1ull << 53);
  }

 private:
  std::uint64_t state_;
};

ClusterIndex indexOf(const std::vector<LatLon>& points, ClusterSettings settings = {}) {
  ClusterIndex index(settings);
  std::vector<std::uint32_t> ids(points.size());
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<std::uint32_t>(1000 + i);
  index.build(points.data(), ids.data(), points.size());
  return index;
}

// The geographic meaning of a viewport, written independently of the index's integer window.
bool insideViewport(const LatLon& p, const Viewport& v) {
  const double south = std::max(std::min(v.southDeg, v.northDeg), -kMercatorMaxLatDeg);
  const double north = std::min(std::max(v.southDeg, v.northDeg), kMercatorMaxLatDeg);
  const double lat = std::clamp(p.latDeg, -kMercatorMaxLatDeg, kMercatorMaxLatDeg);
  if (lat < south || lat > north) return false;
  double width = v.eastDeg - v.westDeg;
  if (width < 0) width += 360.0;
  if (width >= 360.0) return true;
  double fromWest = std::fmod(p.lonDeg - v.westDeg, 360.0);
  if (fromWest < 0) fromWest += 360.0;
  return fromWest <= width;
}

// Whether the grid cell (x, y) of `level` overlaps the viewport, computed from the cell's corners in degrees.
bool cellOverlapsViewport(std::uint64_t x, std::uint64_t y, int level, const Viewport& v) {
  const double span = std::ldexp(1.0, 32 - level);
  const LatLon northWest = fromMercator(static_cast<double>(x) * span, static_cast<double>(y) * span);
  const LatLon southEast = fromMercator(static_cast<double>(x + 1) * span, static_cast<double>(y + 1) * span);
  const double south = std::max(std::min(v.southDeg, v.northDeg), -kMercatorMaxLatDeg);
  const double north = std::min(std::max(v.southDeg, v.northDeg), kMercatorMaxLatDeg);
  if (southEast.latDeg > north || northWest.latDeg < south) return false;
  double width = v.eastDeg - v.westDeg;
  if (width < 0) width += 360.0;
  if (width >= 360.0) return true;
  for (const double shift : {-360.0, 0.0, 360.0}) {
    if (northWest.lonDeg + shift <= v.westDeg + width && southEast.lonDeg + shift >= v.westDeg) return true;
  }
  return false;
}

struct Expected {
  std::uint32_t count = 0;
  std::uint64_t sumX = 0;
  std::uint64_t sumY = 0;
  std::uint32_t id = kNoPointId;
};

// Brute force: with EdgeCells::Clip every point inside the viewport, with EdgeCells::Whole every point of a
// cell overlapping it, grouped by grid cell at the query level.
void expectMatchesBruteForce(const ClusterIndex& index, EdgeCells edges, const std::vector<LatLon>& points,
                             const Viewport& v, double zoom) {
  const int level = index.gridLevel(zoom);
  const auto cellOf = [level](MercatorPoint m) {
    return level == 0 ? std::pair<std::uint64_t, std::uint64_t>{0, 0}
                      : std::pair<std::uint64_t, std::uint64_t>{m.x >> (32 - level), m.y >> (32 - level)};
  };
  std::map<std::pair<std::uint64_t, std::uint64_t>, Expected> expected;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const MercatorPoint m = toMercator(points[i]);
    const auto cell = cellOf(m);
    const bool member = edges == EdgeCells::Clip ? insideViewport(points[i], v)
                                                 : cellOverlapsViewport(cell.first, cell.second, level, v);
    if (!member) continue;
    Expected& e = expected[cell];
    ++e.count, e.sumX += m.x, e.sumY += m.y, e.id = static_cast<std::uint32_t>(1000 + i);
  }
  Clusters out;
  index.query(v, zoom, out);
  ASSERT_EQ(out.size(), expected.size()) << "zoom " << zoom << " level " << level;
  ASSERT_EQ(out.latDeg.size(), out.size());
  ASSERT_EQ(out.lonDeg.size(), out.size());
  ASSERT_EQ(out.id.size(), out.size());
  std::set<std::pair<std::uint64_t, std::uint64_t>> seen;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto cell = cellOf(toMercator({out.latDeg[i], out.lonDeg[i]}));
    ASSERT_TRUE(seen.insert(cell).second) << "two clusters in one cell";
    const auto found = expected.find(cell);
    ASSERT_NE(found, expected.end()) << "a cluster in a cell the brute force does not expect";
    const Expected& e = found->second;
    ASSERT_EQ(out.count[i], e.count);
    ASSERT_EQ(out.id[i], e.count == 1 ? e.id : kNoPointId);
    const LatLon mean = fromMercator(static_cast<double>(e.sumX) / e.count + 0.5,
                                     static_cast<double>(e.sumY) / e.count + 0.5);
    ASSERT_NEAR(out.latDeg[i], mean.latDeg, 1e-9);
    ASSERT_NEAR(out.lonDeg[i], mean.lonDeg, 1e-9);
  }
}

TEST(ClusterIndex, FewPointsAndTheWholeWorld) {  // no grid level is kept for fewer than 4 points
  const ClusterIndex index = indexOf({{-6.9, 109.1}, {51.5, -0.1}, {-33.9, 151.2}});
  Clusters out;
  index.query(Viewport{}, 0, out);
  std::uint32_t total = 0;
  for (std::uint32_t count : out.count) total += count;
  EXPECT_EQ(total, 3u);
}

TEST(ClusterIndex, EmptyIndexHasNoClusters) {
  ClusterIndex index;
  index.build(nullptr, nullptr, 0);
  Clusters out;
  out.count.push_back(7);
  index.query(Viewport{}, 5, out);
  EXPECT_EQ(index.size(), 0u);
  EXPECT_EQ(out.size(), 0u);
}

TEST(ClusterIndex, GridLevelFollowsTheRadius) {
  EXPECT_EQ(ClusterIndex().gridLevel(11), 12);  // 60 px: cells of 128 px, nearest to the 120-px diameter
  EXPECT_EQ(ClusterIndex({128.0, 256.0}).gridLevel(11), 11);
  EXPECT_EQ(ClusterIndex({256.0, 256.0}).gridLevel(11), 10);
  EXPECT_EQ(ClusterIndex({20.0, 256.0}).gridLevel(11.9), 14);  // fractional zoom: the level of its floor
  EXPECT_EQ(ClusterIndex({1000.0, 256.0}).gridLevel(1), 0);
  EXPECT_EQ(ClusterIndex().gridLevel(-3), 0);
  EXPECT_EQ(ClusterIndex().gridLevel(100), 32);
  EXPECT_EQ(ClusterIndex().gridLevel(kNaN), 1);
}

TEST(ClusterIndex, LonePointKeepsItsIdAndPosition) {
  const ClusterIndex index = indexOf({{-7.05, 108.98}});
  Clusters out;
  index.query(Viewport{}, 11, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out.count[0], 1u);
  EXPECT_EQ(out.id[0], 1000u);
  EXPECT_NEAR(out.latDeg[0], -7.05, 1e-7);
  EXPECT_NEAR(out.lonDeg[0], 108.98, 1e-7);
}

TEST(ClusterIndex, WithoutIdsPointsAreNumberedInInputOrder) {
  const std::vector<LatLon> points{{1.0, 1.0}, {-50.0, -120.0}};
  ClusterIndex index;
  index.build(points.data(), nullptr, points.size());
  Clusters out;
  index.query({-60.0, -130.0, -40.0, -110.0}, 3, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out.id[0], 1u);
}

TEST(ClusterIndex, InvalidPositionsAreSkipped) {
  const ClusterIndex index = indexOf({{kNaN, 10.0}, {91.0, 0.0}, {0.0, 180.5}, {10.0, 10.0}});
  Clusters out;
  index.query(Viewport{}, 0, out);
  EXPECT_EQ(index.size(), 1u);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out.id[0], 1003u);
}

TEST(ClusterIndex, IdenticalPointsStayOneClusterAtEveryZoom) {
  const ClusterIndex index = indexOf(std::vector<LatLon>(500, LatLon{-6.2, 106.8}));
  Clusters out;
  for (double zoom : {0.0, 11.0, 20.0, 40.0}) {
    index.query(Viewport{}, zoom, out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out.count[0], 500u);
    EXPECT_EQ(out.id[0], kNoPointId);
    EXPECT_NEAR(out.latDeg[0], -6.2, 1e-7);
  }
}

TEST(ClusterIndex, ZoomedOutEverythingIsOneClusterAndZoomedInEveryPointIsAlone) {
  const std::vector<LatLon> points{{-6.2, 106.8}, {3.6, 98.7}, {-8.65, 115.2}, {0.5, 127.4}};
  const ClusterIndex index = indexOf(points);
  Clusters out;
  index.query(Viewport{}, -2, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out.count[0], 4u);
  index.query(Viewport{}, 30, out);
  ASSERT_EQ(out.size(), 4u);
  std::set<std::uint32_t> ids(out.id.begin(), out.id.end());
  EXPECT_EQ(ids, (std::set<std::uint32_t>{1000, 1001, 1002, 1003}));
}

TEST(ClusterIndex, ViewportsCrossingTheAntimeridianInEveryNotation) {
  const ClusterIndex index = indexOf({{10.0, 179.9}, {10.0, -179.9}, {10.0, 0.0}, {10.0, 170.0}}, kClip);
  Clusters out;
  for (const Viewport v : {Viewport{0, 179, 20, -179}, Viewport{0, 179, 20, 181}, Viewport{0, -181, 20, -179},
                           Viewport{0, 539, 20, 541}}) {
    index.query(v, 14, out);
    ASSERT_EQ(out.size(), 2u) << v.westDeg << ".." << v.eastDeg;
    EXPECT_EQ(std::set<std::uint32_t>(out.id.begin(), out.id.end()), (std::set<std::uint32_t>{1000, 1001}));
  }
  // Zoomed out, both sides of the antimeridian are still separate cells: the grid does not wrap.
  index.query({0, 100, 20, -100}, 0, out);
  std::uint32_t total = 0;
  for (std::uint32_t c : out.count) total += c;
  EXPECT_EQ(total, 3u);
}

TEST(ClusterIndex, HugeAndDegenerateViewports) {
  const ClusterIndex index = indexOf({{10.0, 179.9}, {-10.0, -179.9}, {80.0, 0.0}, {-89.9, 10.0}}, kClip);
  Clusters out;
  index.query({-1e9, -1e9, 1e9, 1e9}, 3, out);
  std::uint32_t total = 0;
  for (std::uint32_t c : out.count) total += c;
  EXPECT_EQ(total, 4u);
  const double inf = std::numeric_limits<double>::infinity();
  index.query({-inf, -inf, inf, inf}, 3, out);
  total = 0;
  for (std::uint32_t c : out.count) total += c;
  EXPECT_EQ(total, 4u);
  index.query({kNaN, 0, 10, 10}, 3, out);
  EXPECT_EQ(out.size(), 0u);
  index.query({-85, -90, -80, 90}, 3, out);  // the pole point sits on the map's bottom edge, outside
  EXPECT_EQ(out.size(), 0u);
  index.query({-90, 0, -80, 90}, 3, out);  // a viewport reaching the pole includes it
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out.id[0], 1003u);
  index.query({20, 0, 10, 10}, 3, out);  // south and north swapped
  EXPECT_EQ(out.size(), 0u);
  index.query({85, -10, 75, 10}, 3, out);
  EXPECT_EQ(out.size(), 1u);
}

TEST(ClusterIndex, MatchesBruteForceOnRandomWorldPointsAndViewports) {
  Lcg random(42);
  std::vector<LatLon> points;
  for (int i = 0; i < 3000; ++i) points.push_back({random.uniform(-89.0, 89.0), random.uniform(-180.0, 180.0)});
  // A dense city and exact duplicates, so cells hold many points at every level.
  for (int i = 0; i < 1000; ++i) points.push_back({random.uniform(-6.3, -6.1), random.uniform(106.7, 106.9)});
  for (int i = 0; i < 50; ++i) points.push_back({-6.2, 106.8});
  const ClusterIndex whole = indexOf(points);
  const ClusterIndex clip = indexOf(points, kClip);
  for (int q = 0; q < 120; ++q) {
    const double zoom = std::floor(random.uniform(0.0, 23.0));
    const double south = random.uniform(-90.0, 80.0);
    const double west = random.uniform(-200.0, 200.0);
    const double width = random.uniform(0.0, q % 3 == 0 ? 400.0 : 2.0);
    const Viewport v{south, west, south + random.uniform(0.0, q % 3 == 0 ? 100.0 : 2.0), west + width};
    expectMatchesBruteForce(whole, EdgeCells::Whole, points, v, zoom);
    expectMatchesBruteForce(clip, EdgeCells::Clip, points, v, zoom);
  }
  for (int zoom = 0; zoom <= 22; ++zoom) {
    expectMatchesBruteForce(whole, EdgeCells::Whole, points, Viewport{}, zoom);
    expectMatchesBruteForce(whole, EdgeCells::Whole, points, {-6.25, 106.75, -6.15, 106.85}, zoom);
    expectMatchesBruteForce(clip, EdgeCells::Clip, points, {-6.25, 106.75, -6.15, 106.85}, zoom);
  }
}

// Dense points, so runs of different lengths start at the same point at different zooms.
std::vector<LatLon> denseCity(std::uint64_t seed) {
  Lcg random(seed);
  std::vector<LatLon> points;
  for (int i = 0; i < 4000; ++i) points.push_back({random.uniform(-6.4, -6.0), random.uniform(106.6, 107.0)});
  for (int i = 0; i < 300; ++i) points.push_back({random.uniform(-11.0, 6.0), random.uniform(95.0, 141.0)});
  return points;
}

TEST(ClusterIndex, PositionsStayRightWhenZoomsAlternate) {
  const std::vector<LatLon> points = denseCity(11);
  const ClusterIndex whole = indexOf(points);
  const ClusterIndex clip = indexOf(points, kClip);
  const Viewport city{-6.35, 106.65, -6.05, 106.95};
  for (const double zoom : {14.0, 9.0, 14.0, 12.0, 18.0, 9.0, 12.0, 16.0, 14.0}) {
    expectMatchesBruteForce(whole, EdgeCells::Whole, points, city, zoom);
    expectMatchesBruteForce(clip, EdgeCells::Clip, points, city, zoom);
    expectMatchesBruteForce(whole, EdgeCells::Whole, points, Viewport{}, zoom);
  }
}

// Screen-sized viewports at many zooms and offsets: inside one deep cell, across cell borders of every level,
// on the kept levels and below them.
TEST(ClusterIndex, ScreenSizedViewportsMatchBruteForce) {
  const std::vector<LatLon> points = denseCity(5);
  const ClusterIndex whole = indexOf(points);
  const ClusterIndex clip = indexOf(points, kClip);
  Lcg random(9);
  for (int q = 0; q < 200; ++q) {
    const double zoom = std::floor(random.uniform(3.0, 20.0));
    const double widthDeg = 1280.0 / (256.0 * std::ldexp(1.0, static_cast<int>(zoom))) * 360.0;
    const double south = random.uniform(-6.5, -5.9) - widthDeg * 0.3;
    const double west = random.uniform(106.5, 107.1) - widthDeg * 0.5;
    const Viewport v{south, west, south + widthDeg * 0.6, west + widthDeg};
    expectMatchesBruteForce(whole, EdgeCells::Whole, points, v, zoom);
    expectMatchesBruteForce(clip, EdgeCells::Clip, points, v, zoom);
  }
}

TEST(ClusterIndex, EveryPointInTheViewportBelongsToExactlyOneCluster) {
  Lcg random(7);
  std::vector<LatLon> points;
  for (int i = 0; i < 2000; ++i) points.push_back({random.uniform(-11.0, 6.0), random.uniform(95.0, 141.0)});
  const ClusterIndex clip = indexOf(points, {40.0, 256.0, EdgeCells::Clip});
  const ClusterIndex whole = indexOf(points, {40.0, 256.0, EdgeCells::Whole});
  const Viewport v{-8.0, 105.0, -5.0, 112.0};
  std::uint64_t inside = 0;
  for (const LatLon& p : points) inside += insideViewport(p, v) ? 1 : 0;
  Clusters out;
  for (int zoom = 0; zoom <= 16; ++zoom) {
    for (const ClusterIndex* index : {&clip, &whole}) {
      index->query(v, zoom, out);
      std::uint64_t total = 0;
      std::set<std::uint32_t> singles;
      for (std::size_t i = 0; i < out.size(); ++i) {
        total += out.count[i];
        if (out.count[i] == 1) {
          EXPECT_TRUE(singles.insert(out.id[i]).second);
        }
      }
      if (index == &clip) {
        EXPECT_EQ(total, inside) << "zoom " << zoom;
      } else {
        EXPECT_GE(total, inside) << "zoom " << zoom;  // whole edge cells bring their outside members along
      }
    }
  }
}

}  // namespace
}  // namespace bhabin::cluster
