#include "core/stats/period.h"

#include <algorithm>

namespace bhabin::stats {

namespace {

domain::LocalDate daysBefore(const domain::LocalDate& date, int days) {
  return domain::dateOfDayNumber(domain::dayNumber(date) - days);
}

}  // namespace

std::int64_t Period::startUnixMs() const { return domain::localMidnightUnixMs(firstDay, zone); }
std::int64_t Period::endUnixMs() const { return domain::localMidnightUnixMs(lastDay, zone) + domain::kDayMs; }
int Period::dayCount() const {
  return static_cast<int>(std::max<std::int64_t>(0, (endUnixMs() - startUnixMs()) / domain::kDayMs));
}

Period lastDays(int days, domain::TimeZone zone, std::int64_t nowUnixMs) {
  const domain::LocalDate today = domain::localDateOf(nowUnixMs, zone);
  return {daysBefore(today, days - 1), today, zone};
}

std::variant<Period, std::string> requestedPeriod(std::optional<std::string_view> from, std::optional<std::string_view> to,
                                                  domain::TimeZone zone, std::int64_t nowUnixMs, int defaultDays) {
  const auto lastDay = to ? domain::parseIsoDate(*to) : domain::localDateOf(nowUnixMs, zone);
  if (!lastDay) return std::string("to must be a date as YYYY-MM-DD");
  const auto firstDay = from ? domain::parseIsoDate(*from) : daysBefore(*lastDay, defaultDays - 1);
  if (!firstDay) return std::string("from must be a date as YYYY-MM-DD");
  const Period period{*firstDay, *lastDay, zone};
  if (period.endUnixMs() <= period.startUnixMs()) return std::string("from must not be after to");
  if (period.dayCount() > kLongestPeriodDays) {
    return "a period is at most " + std::to_string(kLongestPeriodDays) + " days";
  }
  return period;
}

}  // namespace bhabin::stats
