// A device's side of sync, without transport: queues the user's changes (usable offline), sends them one at a
// time in order, keeps the server's state as last pulled, and collects what the user must be told.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sync/outbox.h"
#include "core/sync/protocol.h"

namespace bhabin::sync {

// A queued change the server did not apply as asked; shown to the user.
struct Notice {
  std::string idempotencyKey;
  std::string reportId;
  Outcome outcome = Outcome::Refused;
  std::string message;
};

class SyncClient {
 public:
  explicit SyncClient(report::Actor self) : self_(std::move(self)) {}

  // Queues a new report (details.trackingCode is its id) or a move on one. `key` comes from
  // makeIdempotencyKey; `nowUnixMs` is the device clock.
  void submitReport(report::ReportDetails details, std::string key, std::int64_t nowUnixMs);
  void queueMove(std::string reportId, report::Action action, std::string note, std::string handOverToNrp,
                 std::string key, std::int64_t nowUnixMs);

  // What to send now (the oldest queued change; resend it until answered), or nothing.
  const Change* nextToSend() const { return outbox_.head(); }

  // An answer from the server; answers to changes no longer queued (duplicates) are ignored.
  void receiveResult(const ChangeResult& result);

  // A pull answer. Server wins: each report's server state replaces the one held, unless the held one is
  // already newer (answers can arrive out of order; timelines only grow).
  void receivePull(const PullResult& pull);

  std::uint64_t cursor() const { return cursor_; }
  const std::map<std::string, report::Report, std::less<>>& serverReports() const { return serverReports_; }

  // What the user sees: the server state with this device's queued changes applied on top (those no longer
  // legal are skipped here, and the server's answer will say so).
  std::optional<report::Report> localView(std::string_view reportId) const;

  const std::vector<Notice>& notices() const { return notices_; }
  const Outbox& outbox() const { return outbox_; }
  Outbox& outbox() { return outbox_; }  // for restoring a persisted outbox

 private:
  report::Actor self_;
  Outbox outbox_;
  std::uint64_t cursor_ = 0;
  std::map<std::string, report::Report, std::less<>> serverReports_;
  std::vector<Notice> notices_;
};

}  // namespace bhabin::sync
