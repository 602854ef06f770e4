#include "core/stats/overdue_reports.h"

#include <algorithm>
#include <optional>
#include <tuple>

namespace bhabin::stats {

namespace {

std::optional<report::Deadline> mostLate(const report::Report& report, const report::DeadlinePolicies& policies,
                                         std::int64_t nowUnixMs) {
  const int utcOffset = report::areaUtcOffsetMinutes(report.details().villageCode);
  std::optional<report::Deadline> latest;
  for (const report::Deadline& deadline :
       report::runningDeadlines(report, policies.forCategory(report.details().category), utcOffset, nowUnixMs)) {
    if (deadline.lateByMs > 0 && (!latest || deadline.lateByMs > latest->lateByMs)) latest = deadline;
  }
  return latest;
}

bool moreLate(const OverdueReport& a, const OverdueReport& b) {
  return std::tie(b.deadline.lateByMs, a.trackingCode) < std::tie(a.deadline.lateByMs, b.trackingCode);
}

}  // namespace

OverdueReports overdueReports(const std::vector<report::Report>& reports, const report::DeadlinePolicies& policies,
                              std::int64_t nowUnixMs, std::size_t limit) {
  OverdueReports overdue;
  for (const report::Report& report : reports) {
    const auto deadline = mostLate(report, policies, nowUnixMs);
    if (!deadline) continue;
    overdue.latest.push_back({report.details().trackingCode, report.details().category, report.status(),
                              report.assignedOfficerNrp(), *deadline});
  }
  overdue.total = overdue.latest.size();
  const std::size_t kept = std::min(limit, overdue.latest.size());
  std::partial_sort(overdue.latest.begin(), overdue.latest.begin() + static_cast<std::ptrdiff_t>(kept), overdue.latest.end(), moreLate);
  overdue.latest.resize(kept);
  return overdue;
}

}  // namespace bhabin::stats
