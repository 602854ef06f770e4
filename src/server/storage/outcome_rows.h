// How resolved reports ended for the citizens who filed them: confirmed (with an optional rating), reopened,
// or closed by the server when nobody answered. One row per such event, kept beside the report's timeline
// (which holds the same facts) so officer statistics are one grouped query.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/report/report.h"
#include "server/storage/database.h"

namespace bhabin::server::storage {

// Records the last event of `report` when it is a confirm, a citizen's reopen or an auto_close, for the officer
// who had resolved it; else nothing.
void recordOutcome(Connection& connection, const report::Report& report);

struct OfficerOutcomes {
  std::string nrp;
  std::int64_t confirmed = 0;
  std::int64_t reopened = 0;
  std::int64_t autoClosed = 0;
  std::int64_t rated = 0;       // confirmations with a rating
  std::int64_t ratingSum = 0;   // of those ratings
};
// Per officer, the outcomes of reports whose village lies in `area` ('' = everywhere), by NRP.
std::vector<OfficerOutcomes> outcomesInArea(Connection& connection, const std::string& area);

}  // namespace bhabin::server::storage
