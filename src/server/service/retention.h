// Personal data is kept no longer than needed (UU PDP 27/2022): a report resolved or rejected longer ago
// than the retention period loses its reporters' names and phones. The report, its timeline and every
// count stay, so statistics and the citizen's tracking link keep working.
#pragma once

#include <cstdint>

#include "server/service/backend.h"

namespace bhabin::server::service {

struct PurgeCounts {
  std::int64_t reports = 0;
  std::int64_t reporters = 0;
};

class Retention {
 public:
  explicit Retention(Backend& backend) : backend_(backend) {}

  // Erases the identities that are due, in one transaction, and writes one audit entry per regency with the
  // counts only (never who). Safe to run at any time, from several servers at once: what is erased stays
  // erased, and a run that finds nothing writes nothing.
  PurgeCounts purgeReporterIdentities();

 private:
  Backend& backend_;
};

}  // namespace bhabin::server::service
