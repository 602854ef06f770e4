#include "server/service/deadline_sweep.h"

#include <algorithm>

#include "core/report/status_machine.h"
#include "server/storage/counters.h"
#include "server/storage/outcome_rows.h"
#include "server/storage/report_rows.h"

namespace bhabin::server::service {

namespace {

std::vector<report::Move> movesDue(const report::Report& report, const BackendSettings& settings, std::int64_t now) {
  if (auto close = report::autoCloseDue(report, settings.confirmWindowMs, now)) return {*close};
  const report::DeadlinePolicy& policy = settings.deadlines.forCategory(report.details().category);
  return report::escalationsDue(report, policy, report::areaUtcOffsetMinutes(report.details().villageCode), now);
}

// No deadline can pass sooner than the shortest acknowledgement period of any category after filing.
std::int64_t shortestPeriodMs(const report::DeadlinePolicies& policies) {
  std::int64_t shortest = policies.fallback.receiveWithinMs;
  for (const auto& [category, policy] : policies.byCategory) shortest = std::min(shortest, policy.receiveWithinMs);
  return shortest;
}

// Re-reads the report under its lock and applies what is due then; answers what was applied.
SweepCounts applyDue(Backend& backend, const std::string& trackingCode, std::int64_t now) {
  return storage::inTransaction(backend.pool(), storage::Durability::Durable, [&](storage::Connection& connection) {
    SweepCounts applied;
    auto stored = storage::loadReport(connection, trackingCode, true);
    if (!stored) return applied;
    for (const report::Move& move : movesDue(stored->report, backend.settings(), now)) {
      if (report::StatusMachine::apply(stored->report, move)) continue;
      ++(move.action == report::Action::AutoClose ? applied.closed : applied.escalated);
    }
    if (applied.closed + applied.escalated > 0) {
      storage::updateReport(connection, stored->report, storage::nextCounterValue(connection, storage::kChangesCounter), now);
      storage::recordOutcome(connection, stored->report);
    }
    return applied;
  });
}

}  // namespace

SweepCounts DeadlineSweep::run() {
  const BackendSettings& settings = backend_.settings();
  const std::int64_t now = backend_.now();
  storage::SweepFilter filter;
  filter.openFiledBefore = now - shortestPeriodMs(settings.deadlines);
  filter.resolvedBefore = now - settings.confirmWindowMs + 1;
  SweepCounts total;
  for (;;) {
    const auto page = storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly,
                                             [&](storage::Connection& c) { return storage::reportsToSweep(c, filter); });
    for (const storage::StoredReport& stored : page) {
      if (movesDue(stored.report, settings, now).empty()) continue;
      const SweepCounts applied = applyDue(backend_, stored.report.details().trackingCode, now);
      total.escalated += applied.escalated;
      total.closed += applied.closed;
    }
    if (page.size() < filter.limit) return total;
    filter.afterCode = page.back().report.details().trackingCode;
  }
}

}  // namespace bhabin::server::service
