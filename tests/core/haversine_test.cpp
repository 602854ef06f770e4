#include "core/geo/haversine.h"
#include "core/geo/unit_vector.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace bhabin::geo {
namespace {

constexpr double kPi = 3.14159265358979323846;

TEST(Haversine, IdenticalPointsAreZeroApart) {
  EXPECT_EQ(haversineKm({-7.05, 108.98}, {-7.05, 108.98}), 0.0);
}

TEST(Haversine, JakartaToSurabayaMatchesReference) {
  // Reference computed independently in double precision with the same formula and radius.
  EXPECT_NEAR(haversineKm({-6.1754, 106.8272}, {-7.2459, 112.7378}), 663.4783611010304, 1e-9);
}

TEST(Haversine, IsSymmetric) {
  const LatLon a{-6.1754, 106.8272};
  const LatLon b{3.5952, 98.6722};
  EXPECT_DOUBLE_EQ(haversineKm(a, b), haversineKm(b, a));
}

TEST(Haversine, OneDegreeOfLongitudeOnTheEquatorIsOneDegreeOfArc) {
  EXPECT_NEAR(haversineKm({0.0, 100.0}, {0.0, 101.0}), kEarthRadiusKm * kPi / 180.0, 1e-9);
}

TEST(Haversine, AntipodesAreHalfACircumferenceApartAndNotNaN) {
  EXPECT_DOUBLE_EQ(haversineKm({0.0, 0.0}, {0.0, 180.0}), kPi * kEarthRadiusKm);
  EXPECT_NEAR(haversineKm({90.0, 0.0}, {-90.0, 0.0}), kPi * kEarthRadiusKm, 1e-6);
  EXPECT_NEAR(haversineKm({-6.2, 106.8}, {6.2, -73.2}), kPi * kEarthRadiusKm, 1e-6);
}

TEST(Haversine, CrossesTheAntimeridianTheShortWay) {
  EXPECT_NEAR(haversineKm({0.0, 179.5}, {0.0, -179.5}), kEarthRadiusKm * kPi / 180.0, 1e-9);
}

TEST(Haversine, ResolvesMetresBetweenNearbyPoints) {
  // 0.00001 deg of latitude is about 1.1 m; an acos-based formula would round this to 0.
  EXPECT_NEAR(haversineKm({-7.0, 109.0}, {-7.00001, 109.0}) * 1000.0, 1.1119, 1e-3);
}

TEST(LatLonValidity, AcceptsTheWholeRangeAndRejectsTheRest) {
  EXPECT_TRUE(isValid({-90.0, -180.0}));
  EXPECT_TRUE(isValid({90.0, 180.0}));
  EXPECT_TRUE(isValid({-7.05, 108.98}));
  EXPECT_FALSE(isValid({90.000001, 0.0}));
  EXPECT_FALSE(isValid({0.0, -180.000001}));
  EXPECT_FALSE(isValid({std::numeric_limits<double>::quiet_NaN(), 0.0}));
  EXPECT_FALSE(isValid({0.0, std::numeric_limits<double>::infinity()}));
}

TEST(UnitVector, AgreesWithLibmEverywhere) {
  for (double lat = -90.0; lat <= 90.0; lat += 0.37) {
    for (double lon = -180.0; lon <= 180.0; lon += 0.53) {
      const UnitVector u = toUnitVector({lat, lon});
      const double r = kPi / 180.0;
      EXPECT_NEAR(u.x, std::cos(lat * r) * std::cos(lon * r), 1e-14);
      EXPECT_NEAR(u.y, std::cos(lat * r) * std::sin(lon * r), 1e-14);
      EXPECT_NEAR(u.z, std::sin(lat * r), 1e-14);
    }
  }
  const UnitVector pole = toUnitVector({90.0, 123.0});
  EXPECT_NEAR(pole.z, 1.0, 1e-15);
  EXPECT_NEAR(std::hypot(pole.x, pole.y), 0.0, 1e-15);
}

TEST(UnitVector, ChordForKmInvertsHaversine) {
  const LatLon a{-6.1754, 106.8272};
  const LatLon b{-7.2459, 112.7378};
  EXPECT_NEAR(chordSquaredForKm(haversineKm(a, b)), chordSquared(toUnitVector(a), toUnitVector(b)), 1e-14);
  EXPECT_EQ(chordSquaredForKm(1e9), 4.0);
  EXPECT_EQ(chordSquaredForKm(0.0), 0.0);
}

}  // namespace
}  // namespace bhabin::geo
