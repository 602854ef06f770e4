// The server's side of sync, without transport or storage: applies each change once (by idempotency key),
// merges moves that arrive after the report moved on, and serves changes since a cursor.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/report/status_machine.h"
#include "core/sync/change.h"
#include "core/sync/protocol.h"

namespace bhabin::sync {

// The merge rule for a move that reaches the server, on a report the caller holds: applied at server time
// `nowUnixMs` (never before the report's last event); when the move is no longer legal because the report
// moved on but it carries a note, the note is kept as a plain note; otherwise refused with the reason.
ChangeResult applyMoveChange(report::Report& target, const Change& change, std::int64_t nowUnixMs);

class SyncServer {
 public:
  // Chooses the officer a new report is assigned to (the matching engine); empty = unassigned.
  using Assigner = std::function<std::string(const report::ReportDetails&)>;

  explicit SyncServer(Assigner assign = {}) : assign_(std::move(assign)) {}

  // Applies a change at server time `nowUnixMs`. A key seen before returns the first answer unchanged and
  // changes nothing. Merge rule: the server's status wins; a status move that is no longer legal but carries
  // a note is applied as a plain note when a note is legal, otherwise refused.
  ChangeResult receive(const Change& change, std::int64_t nowUnixMs);

  // A move made on the server itself (a supervisor's dashboard); recorded for pull like any change.
  std::optional<report::MoveError> applyDirect(std::string_view reportId, report::Move move);

  // Every report changed after `sinceCursor` (0 = all), and the cursor to ask with next time.
  PullResult pull(std::uint64_t sinceCursor) const;

  const report::Report* find(std::string_view reportId) const;
  const std::map<std::string, report::Report, std::less<>>& reports() const { return reports_; }
  std::uint64_t cursor() const { return log_.size(); }

 private:
  ChangeResult submit(const Change& change, std::int64_t nowUnixMs);
  ChangeResult move(const Change& change, std::int64_t nowUnixMs);
  ChangeResult join(const Change& change) const;

  Assigner assign_;
  std::map<std::string, report::Report, std::less<>> reports_;
  std::map<std::string, ChangeResult, std::less<>> results_;  // by idempotency key
  std::vector<std::string> log_;                              // report ids in the order they changed
};

}  // namespace bhabin::sync
