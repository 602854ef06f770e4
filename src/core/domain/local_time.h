// Indonesia's three time zones and the local calendar days statistics are counted in. A commander in
// Jayapura means the day in WIT (UTC+9), one in Brebes the day in WIB (UTC+7); none of them observes daylight
// saving, so each zone is a fixed offset from UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bhabin::domain {

inline constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

enum class TimeZone {
  WIB,   // Waktu Indonesia Barat, UTC+7: Sumatra, Java, West and Central Kalimantan
  WITA,  // Waktu Indonesia Tengah, UTC+8: Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi
  WIT,   // Waktu Indonesia Timur, UTC+9: Maluku and Papua
};

// The zone of a Kemendagri region code ("33", "33.29", "91.71.01.1001") by its province; nothing for a code
// that names no province (the whole country: "").
std::optional<TimeZone> timeZoneOfRegion(std::string_view regionCode);
// The zone an area's days are counted in: its province's. The whole country (an administrator's area, "")
// keeps the capital's calendar, WIB, so a national figure and a Jakarta one agree on what "today" is.
TimeZone zoneOfArea(std::string_view areaCode);
int utcOffsetMinutes(TimeZone zone);
std::string_view timeZoneCode(TimeZone zone);  // "WIB"

struct LocalDate {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
};

inline bool operator==(const LocalDate& a, const LocalDate& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard Hinnant's civil calendar algorithms):
// no time-zone database needed anywhere.
std::int64_t dayNumber(const LocalDate& date);
LocalDate dateOfDayNumber(std::int64_t days);
int daysInMonth(int year, int month);  // month 1-12

// "2026-11-28" (exactly this form, a real calendar day between 1970 and 9999), or nothing.
std::optional<LocalDate> parseIsoDate(std::string_view text);
std::string isoDate(const LocalDate& date);

// When `date` begins in `zone` (or at `utcOffsetMinutes` east of UTC), as milliseconds since 1970-01-01 UTC.
std::int64_t localMidnightUnixMs(const LocalDate& date, TimeZone zone);
std::int64_t localMidnightUnixMs(const LocalDate& date, int utcOffsetMinutes);
// The calendar day in `zone` that contains the instant.
LocalDate localDateOf(std::int64_t unixMs, TimeZone zone);

}  // namespace bhabin::domain
