// What a supervisor's dashboard shows for an area and period, computed from reports and visits as synced:
// reports by status and category, per local day, how long citizens waited for an officer (submitted →
// received) and for a resolution (submitted → resolved) as median and 90th percentile, and a row per officer.
// The server computes it for the API; the same function can run in the browser over pulled reports.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/report/report.h"
#include "core/stats/period.h"

namespace bhabin::stats {

// Nearest-rank percentiles (the smallest value with at least p % of the values at or below it), so every
// figure shown is a wait some citizen actually had; all zero when count is 0.
struct DurationSummary {
  std::int64_t count = 0;
  std::int64_t medianMs = 0;
  std::int64_t p90Ms = 0;
};
DurationSummary summarizeDurations(std::vector<std::int64_t> durationsMs);

struct StatusCategoryCount {
  report::Status status = report::Status::Submitted;
  report::Category category = report::Category::Other;
  std::int64_t count = 0;
};

struct DayCounts {
  domain::LocalDate day;
  std::int64_t submitted = 0;  // reports submitted that day
  std::int64_t resolved = 0;   // reports resolved that day (first resolution), whenever submitted
};

struct OfficerRow {
  std::string nrp;
  std::int64_t openNow = 0;           // assigned to them and not final, whenever submitted
  std::int64_t assignedInPeriod = 0;  // reports assigned to them at submission within the period
  std::int64_t resolvedInPeriod = 0;  // resolutions they made within the period
  DurationSummary toReceive;          // from the report reaching them (submission or hand-over) to their receive
  std::int64_t visitsInPeriod = 0;
  // The citizens' answers in the period to reports this officer held: confirmed (with the sum and count of
  // the 1-5 ratings given) or reopened; and deadlines escalated past them.
  std::int64_t confirmedInPeriod = 0;
  std::int64_t reopenedByCitizensInPeriod = 0;
  std::int64_t ratingSum = 0;
  std::int64_t ratingCount = 0;
  std::int64_t escalatedInPeriod = 0;
  std::int64_t dutyMsInPeriod = 0;  // time on duty within the period, up to now
};

struct VisitEntry {
  std::string officerNrp;
  std::int64_t visitedAtUnixMs = 0;
};

struct AreaStats {
  std::int64_t submitted = 0;
  std::int64_t escalatedInPeriod = 0;  // deadline escalations the server recorded in the period
  std::vector<StatusCategoryCount> byStatusAndCategory;  // of reports submitted in the period, non-zero only
  std::vector<DayCounts> days;                           // every day of the period, oldest first
  DurationSummary submittedToReceived;                   // reports submitted in the period
  DurationSummary submittedToResolved;
  std::vector<OfficerRow> officers;                      // `officerNrps` plus any assignee seen, by NRP
};

// An officer going on or off duty.
struct DutyChange {
  std::string officerNrp;
  std::int64_t atUnixMs = 0;
  bool onDuty = false;
};

// What the figures are computed from.
struct AreaRecords {
  // The area's reports submitted in the period plus those still open (for open loads); others are ignored.
  std::vector<report::Report> reports;
  std::vector<VisitEntry> visits;
  // Each officer's duty changes in the period and the last one before it (their state when it began), in any
  // order. An officer with no change before the period counts as off duty until their first.
  std::vector<DutyChange> dutyChanges;
  std::vector<std::string> officerNrps;  // the area's officers, listed even with nothing to count
};

// Duty is counted up to `nowUnixMs`: a period that ends in the future has no duty hours yet in its rest.
AreaStats computeAreaStats(const AreaRecords& records, const Period& period, std::int64_t nowUnixMs);

}  // namespace bhabin::stats
