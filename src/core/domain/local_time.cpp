#include "core/domain/local_time.h"

#include <array>
#include <cstdio>

namespace bhabin::domain {

namespace {

std::optional<int> digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

}  // namespace

std::int64_t dayNumber(const LocalDate& date) {
  const int month = date.month;
  const int day = date.day;
  const int year = date.year - (month <= 2);
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yearOfEra = static_cast<unsigned>(year - era * 400);
  const unsigned dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + static_cast<std::int64_t>(dayOfEra) - 719468;
}

LocalDate dateOfDayNumber(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
  const unsigned yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const unsigned shiftedMonth = (5 * dayOfYear + 2) / 153;
  const int day = static_cast<int>(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
  const int month = static_cast<int>(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
  const int year = static_cast<int>(yearOfEra + era * 400 + (month <= 2));
  return {year, month, day};
}

int daysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

std::optional<TimeZone> timeZoneOfRegion(std::string_view regionCode) {
  if (regionCode.size() < 2 || (regionCode.size() > 2 && regionCode[2] != '.')) return std::nullopt;
  const char island = regionCode[0];
  const char second = regionCode[1];
  if (second < '0' || second > '9') return std::nullopt;
  switch (island) {
    case '1':  // Sumatra (11-19) and
    case '2':  // the Riau Islands (21)
    case '3':  // Java (31-36)
      return TimeZone::WIB;
    case '5': return TimeZone::WITA;  // Bali and Nusa Tenggara
    case '6': return second <= '2' ? TimeZone::WIB : TimeZone::WITA;  // West and Central Kalimantan; the rest
    case '7': return TimeZone::WITA;  // Sulawesi
    case '8':                         // Maluku
    case '9':                         // Papua
      return TimeZone::WIT;
    default: return std::nullopt;
  }
}

TimeZone zoneOfArea(std::string_view areaCode) { return timeZoneOfRegion(areaCode).value_or(TimeZone::WIB); }

int utcOffsetMinutes(TimeZone zone) {
  switch (zone) {
    case TimeZone::WIB: return 7 * 60;
    case TimeZone::WITA: return 8 * 60;
    case TimeZone::WIT: return 9 * 60;
  }
  return 7 * 60;
}

std::string_view timeZoneCode(TimeZone zone) {
  switch (zone) {
    case TimeZone::WIB: return "WIB";
    case TimeZone::WITA: return "WITA";
    case TimeZone::WIT: return "WIT";
  }
  return "WIB";
}

std::optional<LocalDate> parseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = digits(text.substr(0, 4));
  const auto month = digits(text.substr(5, 2));
  const auto day = digits(text.substr(8, 2));
  if (!year || !month || !day || *year < 1970 || *month < 1 || *month > 12) return std::nullopt;
  if (*day < 1 || *day > daysInMonth(*year, *month)) return std::nullopt;
  return LocalDate{*year, *month, *day};
}

std::string isoDate(const LocalDate& date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
  return text;
}

std::int64_t localMidnightUnixMs(const LocalDate& date, TimeZone zone) { return localMidnightUnixMs(date, utcOffsetMinutes(zone)); }

std::int64_t localMidnightUnixMs(const LocalDate& date, int utcOffsetMinutes) {
  return dayNumber(date) * kDayMs - std::int64_t{utcOffsetMinutes} * 60 * 1000;
}

LocalDate localDateOf(std::int64_t unixMs, TimeZone zone) {
  return dateOfDayNumber(floorDiv(unixMs + std::int64_t{utcOffsetMinutes(zone)} * 60 * 1000, kDayMs));
}

}  // namespace bhabin::domain
