// The period both the dashboard and the exports read from `from` and `to`: local days of the area's zone.
#include "core/stats/period.h"

#include <gtest/gtest.h>

namespace bhabin::stats {
namespace {

using domain::LocalDate;
using domain::TimeZone;

constexpr std::int64_t kHour = 60LL * 60 * 1000;
// 28 November 2026, 15:30 UTC: already 29 November in Jayapura (WIT, 00:30), still the 28th in Brebes (WIB, 22:30).
const std::int64_t kNow = domain::localMidnightUnixMs({2026, 11, 28}, 0) + 15 * kHour + kHour / 2;

Period periodOf(std::optional<std::string_view> from, std::optional<std::string_view> to, TimeZone zone = TimeZone::WIB) {
  auto period = requestedPeriod(from, to, zone, kNow, 30);
  if (auto* problem = std::get_if<std::string>(&period)) ADD_FAILURE() << *problem;
  return std::get<Period>(period);
}

std::string problemOf(std::optional<std::string_view> from, std::optional<std::string_view> to) {
  const auto period = requestedPeriod(from, to, TimeZone::WIB, kNow, 30);
  return std::holds_alternative<std::string>(period) ? std::get<std::string>(period) : "no problem";
}

TEST(RequestedPeriod, WithoutDatesIsTheLastDaysOfTheZoneEndingToday) {
  const Period wib = periodOf(std::nullopt, std::nullopt);
  EXPECT_EQ(wib.lastDay, (LocalDate{2026, 11, 28}));
  EXPECT_EQ(wib.firstDay, (LocalDate{2026, 10, 30}));
  EXPECT_EQ(wib.dayCount(), 30);
  const Period wit = periodOf(std::nullopt, std::nullopt, TimeZone::WIT);
  EXPECT_EQ(wit.lastDay, (LocalDate{2026, 11, 29}));
  EXPECT_EQ(wit.startUnixMs(), domain::localMidnightUnixMs({2026, 10, 31}, TimeZone::WIT));
}

TEST(RequestedPeriod, WithOnlyAnEndIsTheDefaultLengthBeforeIt) {
  const Period period = periodOf(std::nullopt, "2026-03-01");
  EXPECT_EQ(period.firstDay, (LocalDate{2026, 1, 31}));
  EXPECT_EQ(period.dayCount(), 30);
}

TEST(RequestedPeriod, BothDaysAreIncludedMidnightToMidnight) {
  const Period period = periodOf("2026-11-01", "2026-11-01", TimeZone::WITA);
  EXPECT_EQ(period.dayCount(), 1);
  EXPECT_TRUE(period.contains(domain::localMidnightUnixMs({2026, 11, 1}, TimeZone::WITA)));
  EXPECT_TRUE(period.contains(domain::localMidnightUnixMs({2026, 11, 2}, TimeZone::WITA) - 1));
  EXPECT_FALSE(period.contains(domain::localMidnightUnixMs({2026, 11, 2}, TimeZone::WITA)));
}

TEST(RequestedPeriod, RefusesWhatIsNotAPeriod) {
  EXPECT_EQ(problemOf("2026-11-31", std::nullopt), "from must be a date as YYYY-MM-DD");
  EXPECT_EQ(problemOf(std::nullopt, "28/11/2026"), "to must be a date as YYYY-MM-DD");
  EXPECT_EQ(problemOf("2026-11-02", "2026-11-01"), "from must not be after to");
  EXPECT_EQ(problemOf("2025-01-01", "2026-01-02"), "a period is at most 366 days");
  EXPECT_EQ(problemOf("2025-01-01", "2025-12-31"), "no problem") << "365 days";
  EXPECT_EQ(problemOf("2024-01-01", "2024-12-31"), "no problem") << "a leap year's 366 days";
}

TEST(ZoneOfArea, TheWholeCountryCountsInJakartasDays) {
  EXPECT_EQ(domain::zoneOfArea(""), TimeZone::WIB);
  EXPECT_EQ(domain::zoneOfArea("91.71"), TimeZone::WIT);
  EXPECT_EQ(domain::zoneOfArea("73"), TimeZone::WITA);
}

}  // namespace
}  // namespace bhabin::stats
