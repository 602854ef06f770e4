#include "server/open311/w3c_datetime.h"

#include <cstdio>

#include "core/domain/local_time.h"

namespace bhabin::server::open311 {

namespace {

constexpr std::int64_t kMsPerSecond = 1000;
constexpr std::int64_t kSecondsPerDay = 86400;

// Reads exactly `count` digits at `at` and moves past them.
std::optional<int> digits(std::string_view text, std::size_t& at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[at + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  at += count;
  return value;
}

bool literal(std::string_view text, std::size_t& at, char expected) {
  if (at >= text.size() || text[at] != expected) return false;
  ++at;
  return true;
}

// The zone designator at `at` as an offset east of UTC in seconds; it must end the text.
std::optional<std::int64_t> zoneOffsetSeconds(std::string_view text, std::size_t at) {
  if (at >= text.size()) return std::nullopt;
  const char sign = text[at++];
  if (sign == 'Z') return at == text.size() ? std::optional<std::int64_t>(0) : std::nullopt;
  if (sign != '+' && sign != '-' && sign != ' ') return std::nullopt;
  const auto hours = digits(text, at, 2);
  const bool colon = literal(text, at, ':');
  const auto minutes = digits(text, at, 2);
  if (!hours || !colon || !minutes || *hours > 23 || *minutes > 59 || at != text.size()) return std::nullopt;
  const std::int64_t seconds = *hours * 3600 + *minutes * 60;
  return sign == '-' ? -seconds : seconds;
}

}  // namespace

std::string formatW3cDateTime(std::int64_t unixMs, int offsetMinutes) {
  const std::int64_t local = unixMs + std::int64_t{offsetMinutes} * 60 * kMsPerSecond;
  const std::int64_t seconds = local >= 0 ? local / kMsPerSecond : -((-local + kMsPerSecond - 1) / kMsPerSecond);
  std::int64_t days = seconds / kSecondsPerDay;
  std::int64_t secondOfDay = seconds % kSecondsPerDay;
  if (secondOfDay < 0) {
    secondOfDay += kSecondsPerDay;
    --days;
  }
  const domain::LocalDate date = domain::dateOfDayNumber(days);
  const int zone = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02lld:%02lld:%02lld%c%02d:%02d", date.year,
                date.month, date.day, static_cast<long long>(secondOfDay / 3600),
                static_cast<long long>(secondOfDay / 60 % 60), static_cast<long long>(secondOfDay % 60),
                offsetMinutes < 0 ? '-' : '+', zone / 60, zone % 60);
  return text;
}

std::optional<std::int64_t> parseW3cDateTime(std::string_view text) {
  std::size_t at = 0;
  const auto year = digits(text, at, 4);
  const bool dash1 = literal(text, at, '-');
  const auto month = digits(text, at, 2);
  const bool dash2 = literal(text, at, '-');
  const auto day = digits(text, at, 2);
  const bool t = literal(text, at, 'T');
  const auto hour = digits(text, at, 2);
  const bool colon1 = literal(text, at, ':');
  const auto minute = digits(text, at, 2);
  const bool colon2 = literal(text, at, ':');
  const auto second = digits(text, at, 2);
  if (!year || !dash1 || !month || !dash2 || !day || !t || !hour || !colon1 || !minute || !colon2 || !second) {
    return std::nullopt;
  }
  if (*month < 1 || *month > 12 || *day < 1 || *day > domain::daysInMonth(*year, *month) || *hour > 23 || *minute > 59 ||
      *second > 59) {
    return std::nullopt;
  }
  std::int64_t millis = 0;
  if (literal(text, at, '.')) {
    const std::size_t first = at;
    for (std::int64_t scale = 100; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, scale /= 10) {
      millis += (text[at] - '0') * scale;
    }
    if (at == first) return std::nullopt;
  }
  const auto offset = zoneOffsetSeconds(text, at);
  if (!offset) return std::nullopt;
  const std::int64_t local = domain::dayNumber({*year, *month, *day}) * kSecondsPerDay + *hour * 3600 + *minute * 60 + *second;
  return (local - *offset) * kMsPerSecond + millis;
}

}  // namespace bhabin::server::open311
