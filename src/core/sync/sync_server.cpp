#include "core/sync/sync_server.h"

#include <algorithm>
#include <set>

#include "core/tracking/tracking_code.h"

namespace bhabin::sync {

namespace {

ChangeResult resultFor(const Change& change, Outcome outcome, std::string message) {
  return {change.idempotencyKey, change.reportId, outcome, std::move(message)};
}

}  // namespace

ChangeResult SyncServer::receive(const Change& change, std::int64_t nowUnixMs) {
  if (const auto seen = results_.find(change.idempotencyKey); seen != results_.end()) return seen->second;
  ChangeResult result = change.kind == ChangeKind::SubmitReport ? submit(change, nowUnixMs)
                        : change.kind == ChangeKind::JoinReport ? join(change)
                        : change.kind == ChangeKind::LogVisit   ? resultFor(change, Outcome::Refused, "a visit is not a change to a report")
                                                                : move(change, nowUnixMs);
  results_.emplace(change.idempotencyKey, result);
  return result;
}

ChangeResult SyncServer::submit(const Change& change, std::int64_t nowUnixMs) {
  const auto code = tracking::parseTrackingCode(change.reportId);
  const auto* parsed = std::get_if<tracking::TrackingCode>(&code);
  if (!parsed || parsed->text != change.reportId || change.details.trackingCode != change.reportId) {
    return resultFor(change, Outcome::Refused, "the report's tracking code is not valid");
  }
  if (reports_.count(change.reportId) != 0) {
    return resultFor(change, Outcome::Refused, "a report with this tracking code already exists");
  }
  std::string assigned = assign_ ? assign_(change.details) : std::string();
  reports_.emplace(change.reportId,
                   report::StatusMachine::submit(change.details, change.actor, nowUnixMs, std::move(assigned)));
  log_.push_back(change.reportId);
  return resultFor(change, Outcome::Applied, "");
}

// Reporters are not part of the report's state, so a join changes nothing anyone pulls.
ChangeResult SyncServer::join(const Change& change) const {
  const auto found = reports_.find(change.reportId);
  if (found == reports_.end()) return resultFor(change, Outcome::Refused, "no report has this tracking code");
  if (report::isFinal(found->second.status())) return resultFor(change, Outcome::Refused, "the report is closed");
  return resultFor(change, Outcome::Applied, "");
}

ChangeResult SyncServer::move(const Change& change, std::int64_t nowUnixMs) {
  const auto found = reports_.find(change.reportId);
  if (found == reports_.end()) return resultFor(change, Outcome::Refused, "no report has this tracking code");
  ChangeResult result = applyMoveChange(found->second, change, nowUnixMs);
  if (result.outcome != Outcome::Refused) log_.push_back(change.reportId);
  return result;
}

ChangeResult applyMoveChange(report::Report& target, const Change& change, std::int64_t nowUnixMs) {
  // Server time orders the timeline; a server clock stepped backwards must not make the move illegal.
  const std::int64_t at = std::max(nowUnixMs, target.timeline().back().atUnixMs);
  const report::Move asked{change.action, change.actor, at, change.note, change.handOverToNrp};
  const auto error = report::StatusMachine::apply(target, asked);
  if (!error) return resultFor(change, Outcome::Applied, "");
  if (change.action != report::Action::Note && !change.note.empty()) {
    const report::Move noteOnly{report::Action::Note, change.actor, at, change.note, ""};
    if (!report::StatusMachine::apply(target, noteOnly)) {
      return resultFor(change, Outcome::AppliedAsNote, "status not changed (" + error->message + "); note kept");
    }
  }
  return resultFor(change, Outcome::Refused, error->message);
}

std::optional<report::MoveError> SyncServer::applyDirect(std::string_view reportId, report::Move move) {
  const auto found = reports_.find(reportId);
  if (found == reports_.end()) {
    report::MoveError error;
    error.message = "no report has the tracking code \"" + std::string(reportId) + "\"";
    return error;
  }
  auto error = report::StatusMachine::apply(found->second, move);
  if (!error) log_.push_back(found->first);
  return error;
}

PullResult SyncServer::pull(std::uint64_t sinceCursor) const {
  PullResult result;
  result.cursor = cursor();
  std::set<std::string_view> included;
  for (std::size_t i = static_cast<std::size_t>(std::min<std::uint64_t>(sinceCursor, log_.size())); i < log_.size();
       ++i) {
    if (included.insert(log_[i]).second) result.reports.push_back(reports_.find(log_[i])->second);
  }
  return result;
}

const report::Report* SyncServer::find(std::string_view reportId) const {
  const auto found = reports_.find(reportId);
  return found == reports_.end() ? nullptr : &found->second;
}

}  // namespace bhabin::sync
