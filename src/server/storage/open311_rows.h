// The reports Open311 clients may list: the standard's filters (ids, service codes, statuses, a window of
// creation times) over the reports table, newest first, decoded like every other stored report.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/storage/database.h"
#include "server/storage/report_rows.h"

namespace bhabin::server::storage {

// Every filter narrows the answer; an empty list or an empty bound leaves that filter out.
struct Open311Filter {
  std::vector<std::string> trackingCodes;  // canonical codes
  std::vector<std::string> categories;     // category codes
  std::vector<std::string> statuses;       // our status codes
  std::optional<std::int64_t> createdFromUnixMs;  // inclusive
  std::optional<std::int64_t> createdToUnixMs;    // inclusive
  std::size_t limit = 1000;
};

std::vector<StoredReport> reportsForOpen311(Connection& connection, const Open311Filter& filter);

}  // namespace bhabin::server::storage
