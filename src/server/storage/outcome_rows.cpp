#include "server/storage/outcome_rows.h"

#include "server/storage/report_rows.h"

namespace bhabin::server::storage {

namespace {

bool isCitizenOutcome(const report::TimelineEvent& event) {
  switch (event.action) {
    case report::Action::Confirm:
    case report::Action::AutoClose: return true;
    case report::Action::Reopen: return event.actor.role == report::Role::Citizen;
    default: return false;
  }
}

}  // namespace

void recordOutcome(Connection& connection, const report::Report& report) {
  const report::TimelineEvent& event = report.timeline().back();
  if (!isCitizenOutcome(event)) return;
  const std::string& code = report.details().trackingCode;
  connection.query(
      "INSERT INTO report_outcomes (regency_code, tracking_code, at, outcome, officer_nrp, village_code, rating) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {regencyOfTrackingCode(code), code, event.atUnixMs, std::string(report::actionCode(event.action)), event.assignedNrp,
       report.details().villageCode, std::int64_t{event.rating}});
}

std::vector<OfficerOutcomes> outcomesInArea(Connection& connection, const std::string& area) {
  std::vector<OfficerOutcomes> outcomes;
  for (const Row& row : connection.query(
           "SELECT officer_nrp, SUM(CASE WHEN outcome = 'confirm' THEN 1 ELSE 0 END), "
           "SUM(CASE WHEN outcome = 'reopen' THEN 1 ELSE 0 END), SUM(CASE WHEN outcome = 'auto_close' THEN 1 ELSE 0 END), "
           "SUM(CASE WHEN rating > 0 THEN 1 ELSE 0 END), SUM(rating) "
           "FROM report_outcomes WHERE village_code LIKE $1 GROUP BY officer_nrp ORDER BY officer_nrp",
           {area.empty() ? std::string("%") : area + ".%"})) {
    outcomes.push_back({row.text(0), row.integer(1), row.integer(2), row.integer(3), row.integer(4), row.integer(5)});
  }
  return outcomes;
}

}  // namespace bhabin::server::storage
