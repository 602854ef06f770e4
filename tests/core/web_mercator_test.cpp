#include "core/cluster/web_mercator.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace bhabin::cluster {
namespace {

constexpr std::uint32_t kHalf = 0x80000000u;
constexpr std::uint32_t kLast = 0xFFFFFFFFu;

TEST(WebMercator, NullIslandIsTheCentreOfTheWorld) {
  const MercatorPoint p = toMercator({0.0, 0.0});
  EXPECT_EQ(p.x, kHalf);
  EXPECT_EQ(p.y, kHalf);
}

TEST(WebMercator, EdgesAndPolesClampToTheSquareMap) {
  EXPECT_EQ(toMercator({0.0, -180.0}).x, 0u);
  EXPECT_EQ(toMercator({0.0, 180.0}).x, kLast);
  EXPECT_EQ(toMercator({90.0, 0.0}).y, 0u);
  EXPECT_EQ(toMercator({kMercatorMaxLatDeg, 0.0}).y, 0u);
  EXPECT_EQ(toMercator({-90.0, 0.0}).y, kLast);
  EXPECT_EQ(toMercator({-89.0, 0.0}).y, kLast);
}

TEST(WebMercator, NorthIsUpAndEastIsRight) {
  const MercatorPoint jakarta = toMercator({-6.1754, 106.8272});
  const MercatorPoint medan = toMercator({3.5952, 98.6722});
  EXPECT_LT(medan.y, jakarta.y);
  EXPECT_LT(medan.x, jakarta.x);
}

TEST(WebMercator, UnitCentresRoundTripWithinACentimetre) {
  for (const geo::LatLon p : {geo::LatLon{-7.05, 108.98}, geo::LatLon{60.0, -170.0}, geo::LatLon{-80.0, 179.99}}) {
    const MercatorPoint m = toMercator(p);
    const geo::LatLon back = fromMercator(m.x + 0.5, m.y + 0.5);
    EXPECT_NEAR(back.latDeg, p.latDeg, 1e-7);
    EXPECT_NEAR(back.lonDeg, p.lonDeg, 1e-7);
    EXPECT_EQ(toMercator(back).x, m.x);
    EXPECT_EQ(toMercator(back).y, m.y);
  }
}

TEST(WebMercator, ColumnAndRowAreTheHalvesOfAPoint) {
  EXPECT_EQ(mercatorX(-180.0), 0u);
  EXPECT_EQ(mercatorX(0.0), kHalf);
  EXPECT_EQ(mercatorX(90.0), 0xC0000000u);
  EXPECT_EQ(mercatorX(180.0), kLast);
  EXPECT_EQ(mercatorY(90.0), 0u);
  EXPECT_EQ(mercatorY(0.0), kHalf);
  EXPECT_LT(mercatorY(10.0), kHalf);  // north is up
  EXPECT_EQ(mercatorY(-10.0), kLast - mercatorY(10.0));
  EXPECT_EQ(mercatorY(-90.0), kLast);
  for (const double latDeg : {-90.0, -85.06, -6.2, 0.0, 0.3, 45.0, 85.06}) {
    for (const double lonDeg : {-200.0, -180.0, -0.001, 0.0, 106.82, 179.999, 180.0, 500.0}) {
      const MercatorPoint p = toMercator({latDeg, lonDeg});
      EXPECT_EQ(mercatorX(lonDeg), p.x) << lonDeg;
      EXPECT_EQ(mercatorY(latDeg), p.y) << latDeg;
    }
  }
}

TEST(MortonCode, InterleavesXOnEvenAndYOnOddBits) {
  EXPECT_EQ(mortonCode({1, 0}), 1u);
  EXPECT_EQ(mortonCode({0, 1}), 2u);
  EXPECT_EQ(mortonCode({3, 3}), 15u);
  EXPECT_EQ(mortonCode({kLast, 0}), 0x5555555555555555ull);
  EXPECT_EQ(mortonCode({kLast, kLast}), ~std::uint64_t{0});
}

TEST(MortonCode, RoundTripsAndKeepsQuadrantsContiguous) {
  std::uint64_t state = 12345;
  for (int i = 0; i < 1000; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const MercatorPoint p{static_cast<std::uint32_t>(state >> 32), static_cast<std::uint32_t>(state)};
    const MercatorPoint back = fromMortonCode(mortonCode(p));
    ASSERT_EQ(back.x, p.x);
    ASSERT_EQ(back.y, p.y);
    // The top two bits name the level-1 quadrant: x's top bit, then y's.
    ASSERT_EQ(mortonCode(p) >> 62, (p.x >> 31) | ((p.y >> 31) << 1));
  }
}

}  // namespace
}  // namespace bhabin::cluster
