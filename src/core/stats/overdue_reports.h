// What is late in an area now: every open report with a deadline past due (core/report/deadlines.h), the
// latest first, so a commander sees at a glance which citizen has waited longest beyond the promise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/report/deadlines.h"
#include "core/report/report.h"

namespace bhabin::stats {

struct OverdueReport {
  std::string trackingCode;
  report::Category category = report::Category::Other;
  report::Status status = report::Status::Submitted;
  std::string assignedNrp;
  report::Deadline deadline;  // the report's most late deadline
};

struct OverdueReports {
  std::size_t total = 0;               // every overdue report
  std::vector<OverdueReport> latest;   // the `limit` most late of them, most late first (ties by tracking code)
};

// Each report counts once, by its most late deadline, under its category's policy in its village's zone.
OverdueReports overdueReports(const std::vector<report::Report>& reports, const report::DeadlinePolicies& policies,
                              std::int64_t nowUnixMs, std::size_t limit);

}  // namespace bhabin::stats
