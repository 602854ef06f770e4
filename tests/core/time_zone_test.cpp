// Indonesia's time zones by province code.
//
// Bite, tried by hand: the '6' case answering kWita for every Kalimantan province failed
// WestAndCentralKalimantanAreOnJavaTime.
#include "core/domain/time_zone.h"

#include <gtest/gtest.h>

namespace bhabin::domain {
namespace {

TEST(TimeZone, JavaAndSumatraAreWib) {
  EXPECT_EQ(indonesianUtcOffsetMinutes("33"), 420);             // Jawa Tengah
  EXPECT_EQ(indonesianUtcOffsetMinutes("33.29.01.2001"), 420);  // a village in Brebes
  EXPECT_EQ(indonesianUtcOffsetMinutes("11.01"), 420);          // Aceh
  EXPECT_EQ(indonesianUtcOffsetMinutes("21"), 420);             // Kepulauan Riau
}

TEST(TimeZone, WestAndCentralKalimantanAreOnJavaTime) {
  EXPECT_EQ(indonesianUtcOffsetMinutes("61"), 420);
  EXPECT_EQ(indonesianUtcOffsetMinutes("62.01"), 420);
  EXPECT_EQ(indonesianUtcOffsetMinutes("63"), 480);
  EXPECT_EQ(indonesianUtcOffsetMinutes("65"), 480);
}

TEST(TimeZone, TheEastIsWitaOrWit) {
  EXPECT_EQ(indonesianUtcOffsetMinutes("51.71"), 480);  // Denpasar
  EXPECT_EQ(indonesianUtcOffsetMinutes("73"), 480);     // Sulawesi Selatan
  EXPECT_EQ(indonesianUtcOffsetMinutes("81"), 540);     // Maluku
  EXPECT_EQ(indonesianUtcOffsetMinutes("94"), 540);     // Papua Tengah
}

TEST(TimeZone, NoProvinceNoZone) {
  EXPECT_EQ(indonesianUtcOffsetMinutes(""), std::nullopt);
  EXPECT_EQ(indonesianUtcOffsetMinutes("3"), std::nullopt);
  EXPECT_EQ(indonesianUtcOffsetMinutes("331"), std::nullopt);
  EXPECT_EQ(indonesianUtcOffsetMinutes("41"), std::nullopt);
  EXPECT_EQ(indonesianUtcOffsetMinutes("3x"), std::nullopt);
}

}  // namespace
}  // namespace bhabin::domain
