#include "core/domain/local_time.h"

#include <gtest/gtest.h>

namespace bhabin::domain {
namespace {

constexpr std::int64_t kHour = 60 * 60 * 1000;

// Bite, tried by hand: the '6' case answering WITA for every Kalimantan province failed
// WestAndCentralKalimantanAreOnJavaTime.
TEST(LocalTime, JavaAndSumatraAreWib) {
  EXPECT_EQ(timeZoneOfRegion("33"), TimeZone::WIB);             // Jawa Tengah
  EXPECT_EQ(timeZoneOfRegion("33.29.01.2001"), TimeZone::WIB);  // a village in Brebes
  EXPECT_EQ(timeZoneOfRegion("11.01"), TimeZone::WIB);          // Aceh
  EXPECT_EQ(timeZoneOfRegion("21"), TimeZone::WIB);             // Kepulauan Riau
}

TEST(LocalTime, WestAndCentralKalimantanAreOnJavaTime) {
  EXPECT_EQ(timeZoneOfRegion("61"), TimeZone::WIB);
  EXPECT_EQ(timeZoneOfRegion("62.01"), TimeZone::WIB);
  EXPECT_EQ(timeZoneOfRegion("63"), TimeZone::WITA);
  EXPECT_EQ(timeZoneOfRegion("64.71"), TimeZone::WITA);
  EXPECT_EQ(timeZoneOfRegion("65"), TimeZone::WITA);
}

TEST(LocalTime, TheEastIsWitaOrWit) {
  EXPECT_EQ(timeZoneOfRegion("51.71"), TimeZone::WITA);  // Denpasar
  EXPECT_EQ(timeZoneOfRegion("73"), TimeZone::WITA);     // Sulawesi Selatan
  EXPECT_EQ(timeZoneOfRegion("76"), TimeZone::WITA);     // Sulawesi Barat
  EXPECT_EQ(timeZoneOfRegion("81"), TimeZone::WIT);      // Maluku
  EXPECT_EQ(timeZoneOfRegion("91.71"), TimeZone::WIT);   // Jayapura
  EXPECT_EQ(timeZoneOfRegion("94"), TimeZone::WIT);      // Papua Tengah
  EXPECT_EQ(utcOffsetMinutes(TimeZone::WITA), 480);
  EXPECT_EQ(timeZoneCode(TimeZone::WIT), "WIT");
}

TEST(LocalTime, NoProvinceNoZone) {
  for (const char* code : {"", "3", "331", "41", "3x"}) EXPECT_EQ(timeZoneOfRegion(code), std::nullopt) << code;
}

TEST(LocalTime, IsoDatesAreRealCalendarDays) {
  EXPECT_EQ(parseIsoDate("2024-02-29"), (LocalDate{2024, 2, 29}));
  EXPECT_EQ(isoDate(*parseIsoDate("2026-11-28")), "2026-11-28");
  for (const char* bad : {"2023-02-29", "2100-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01", "2026-11-28T00",
                          "1969-12-31", "２０２６-11-28", "", "2026/11/28"}) {
    EXPECT_FALSE(parseIsoDate(bad).has_value()) << bad;
  }
  EXPECT_TRUE(parseIsoDate("2000-02-29").has_value());
}

TEST(LocalTime, MidnightsAndDaysRoundTripInEachZone) {
  // 2026-11-28 00:00 WIB is 2026-11-27 17:00 UTC.
  EXPECT_EQ(localMidnightUnixMs({2026, 11, 28}, TimeZone::WIB), 1795798800000);
  EXPECT_EQ(localMidnightUnixMs({2026, 11, 28}, TimeZone::WIT), 1795798800000 - 2 * kHour);
  for (TimeZone zone : {TimeZone::WIB, TimeZone::WITA, TimeZone::WIT}) {
    for (const LocalDate date : {LocalDate{1970, 1, 1}, LocalDate{2024, 2, 29}, LocalDate{2026, 12, 31}, LocalDate{2027, 1, 1}}) {
      const std::int64_t midnight = localMidnightUnixMs(date, zone);
      EXPECT_EQ(localDateOf(midnight, zone), date) << isoDate(date);
      EXPECT_EQ(localDateOf(midnight + 24 * kHour - 1, zone), date) << isoDate(date);
      EXPECT_FALSE(localDateOf(midnight - 1, zone) == date) << isoDate(date);
    }
  }
}

}  // namespace
}  // namespace bhabin::domain
