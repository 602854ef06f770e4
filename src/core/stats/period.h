// The stretch of local calendar days a supervisor's figures and exports cover. Both the dashboard and the
// exports read it from the same two request parameters, so "from 1 to 3 November" means the same three days
// of the area's zone everywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/domain/local_time.h"

namespace bhabin::stats {

inline constexpr int kLongestPeriodDays = 366;

// Local calendar days [firstDay, lastDay] in `zone`.
struct Period {
  domain::LocalDate firstDay;
  domain::LocalDate lastDay;
  domain::TimeZone zone = domain::TimeZone::WIB;

  std::int64_t startUnixMs() const;
  std::int64_t endUnixMs() const;  // exclusive: the midnight after lastDay
  int dayCount() const;
  bool contains(std::int64_t unixMs) const { return unixMs >= startUnixMs() && unixMs < endUnixMs(); }
};

// The last `days` local days of `zone`, today included.
Period lastDays(int days, domain::TimeZone zone, std::int64_t nowUnixMs);

// The period a request names by `from` and `to` ("2026-11-01", both included, days of `zone`): without `to` it
// ends today, without `from` it is `defaultDays` long. What is wrong, in English, when a date is not a real
// day in that form, `from` is after `to`, or the period is longer than kLongestPeriodDays.
std::variant<Period, std::string> requestedPeriod(std::optional<std::string_view> from, std::optional<std::string_view> to,
                                                  domain::TimeZone zone, std::int64_t nowUnixMs, int defaultDays);

}  // namespace bhabin::stats
