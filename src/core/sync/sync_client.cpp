#include "core/sync/sync_client.h"

#include <algorithm>

#include "core/report/status_machine.h"

namespace bhabin::sync {

void SyncClient::submitReport(report::ReportDetails details, std::string key, std::int64_t nowUnixMs) {
  Change change;
  change.idempotencyKey = std::move(key);
  change.kind = ChangeKind::SubmitReport;
  change.actor = self_;
  change.createdAtUnixMs = nowUnixMs;
  change.reportId = details.trackingCode;
  change.details = std::move(details);
  outbox_.enqueue(std::move(change));
}

void SyncClient::queueMove(std::string reportId, report::Action action, std::string note, std::string handOverToNrp,
                           std::string key, std::int64_t nowUnixMs) {
  Change change;
  change.idempotencyKey = std::move(key);
  change.kind = ChangeKind::ApplyMove;
  change.actor = self_;
  change.createdAtUnixMs = nowUnixMs;
  change.reportId = std::move(reportId);
  change.action = action;
  change.note = std::move(note);
  change.handOverToNrp = std::move(handOverToNrp);
  outbox_.enqueue(std::move(change));
}

void SyncClient::receiveResult(const ChangeResult& result) {
  if (!outbox_.acknowledge(result.idempotencyKey)) return;
  if (result.outcome != Outcome::Applied) {
    notices_.push_back({result.idempotencyKey, result.reportId, result.outcome, result.message});
  }
}

void SyncClient::receivePull(const PullResult& pull) {
  for (const report::Report& incoming : pull.reports) {
    const auto held = serverReports_.find(incoming.details().trackingCode);
    if (held == serverReports_.end()) {
      serverReports_.emplace(incoming.details().trackingCode, incoming);
    } else if (held->second.timeline().size() <= incoming.timeline().size()) {
      held->second = incoming;
    }
  }
  cursor_ = std::max(cursor_, pull.cursor);
}

std::optional<report::Report> SyncClient::localView(std::string_view reportId) const {
  std::optional<report::Report> view;
  if (const auto held = serverReports_.find(reportId); held != serverReports_.end()) view = held->second;
  for (const Change& change : outbox_.pending()) {
    if (change.reportId != reportId) continue;
    if (change.kind == ChangeKind::SubmitReport) {
      if (!view) view = report::StatusMachine::submit(change.details, change.actor, change.createdAtUnixMs, "");
      continue;
    }
    if (!view) continue;
    const std::int64_t at = std::max(change.createdAtUnixMs, view->timeline().back().atUnixMs);
    report::StatusMachine::apply(*view, {change.action, change.actor, at, change.note, change.handOverToNrp});
  }
  return view;
}

}  // namespace bhabin::sync
