// Sambang visits as stored: the core's JSON of each visit, keyed by regency, with the officer and time
// for lists.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/sambang_visit.h"
#include "core/stats/area_stats.h"
#include "server/storage/database.h"
#include "server/storage/officer_rows.h"

namespace bhabin::server::storage {

struct StoredVisit {
  std::string visitId;
  std::string regencyCode;
  domain::SambangVisit visit;
};

// Inserts the visit unless its idempotency key was seen in that regency; returns the id of the stored visit
// (the existing one on a retry).
std::string insertVisit(Connection& connection, const StoredVisit& visit, const std::string& idempotencyKey,
                        std::int64_t nowUnixMs);
std::optional<std::string> findVisitByKey(Connection& connection, const std::string& regencyCode,
                                          const std::string& idempotencyKey);
std::vector<StoredVisit> visitsOf(Connection& connection, const std::string& officerNrp, std::size_t limit);

// When each of `officers` visited within [fromUnixMs, toUnixMs), for statistics.
std::vector<stats::VisitEntry> visitTimes(Connection& connection, const std::vector<OfficerInArea>& officers,
                                        std::int64_t fromUnixMs, std::int64_t toUnixMs);

// Visits in [from, to) by officers whose regency lies in `area` or who hold a village in it ('' = all),
// oldest first, at most `limit`.
std::vector<StoredVisit> visitsInArea(Connection& connection, const std::string& area, const TimeRange& range,
                                      std::size_t limit);

}  // namespace bhabin::server::storage
