// What officers do besides working reports: going on and off duty, sharing their position while on duty
// (which feeds the matching at once), and logging sambang visits.
#pragma once

#include <string>
#include <vector>

#include "core/geo/lat_lon.h"
#include "server/service/accounts.h"
#include "server/service/backend.h"
#include "server/service/reports.h"
#include "server/storage/officer_rows.h"
#include "server/storage/visit_rows.h"

namespace bhabin::server::service {

struct OfficerStatus {
  storage::OfficerState state;
  std::vector<std::string> villageCodes;
};

class OfficerWork {
 public:
  explicit OfficerWork(Backend& backend) : backend_(backend) {}

  // Only officers have a duty status and a position; others get ApiError forbidden.
  OfficerStatus status(const Principal& principal);
  OfficerStatus setOnDuty(const Principal& principal, bool onDuty);
  // Position updates are frequent and replaceable: stored without waiting for the disk. Refused off duty,
  // so an officer is never tracked outside their shift.
  OfficerStatus sharePosition(const Principal& principal, std::optional<double> latDeg, std::optional<double> lonDeg);
  // The visit form as JSON (core wire::decodeVisitForm); the officer is always the caller.
  StoredAnswer logVisit(const Principal& principal, const std::string& body, const std::string& idempotencyKey);
  std::vector<storage::StoredVisit> visits(const Principal& principal, std::size_t limit);

 private:
  Backend& backend_;
};

}  // namespace bhabin::server::service
