// The device's outbox at work: every change the user makes (a new report, a join, a move on one) is written
// to device storage first, then sent, oldest first, one at a time, with its idempotency key, until the server
// answers. Closing the tab, going offline or a server error loses nothing: the change is sent again on the
// next start, and the key makes the server apply it exactly once. A report's photo waits in device storage
// beside it (photoStorageKey) and is uploaded just before the report, which then names it by the server's ref.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/sync/outbox.h"
#include "core/wire/api_answers.h"
#include "ui/platform.h"

namespace bhabin::ui {

// What the user sees of the sync, in the status line.
enum class SyncPhase {
  Loading,  // reading the outbox from device storage
  Idle,     // nothing waiting: everything was sent
  Waiting,  // changes wait for the network or for their next attempt
  Sending,  // a change is on its way
  Blocked,  // officers' changes wait for a new login (the session ended)
};

struct SyncStatus {
  SyncPhase phase = SyncPhase::Loading;
  std::size_t waiting = 0;          // changes not yet confirmed
  std::string lastProblem;          // why the last attempt failed (translated by the server, or a network note)
  std::int64_t nextAttemptAtUnixMs = 0;
  bool saving = false;              // the outbox is being written to device storage: closing the tab now may lose it
};

// A change the server refused for good (a 4xx answer): taken out of the outbox and shown with its reason.
// Error code "photo_refused": only the report's photo was refused; the report goes on without it.
struct RefusedChange {
  sync::Change change;
  wire::ApiErrorView error;
};

struct OutboxListener {
  std::function<void(const sync::Change&, const wire::CreationAnswer&)> reportCreated;  // created or joined
  std::function<void(const sync::Change&, const std::string& outcome, const wire::StaffReportView&)> moveApplied;
  std::function<void(const RefusedChange&)> refused;
  std::function<void()> restored;  // the outbox has been read from device storage
  std::function<void(const sync::Change&)> visitLogged;
};

class OutboxSender {
 public:
  static constexpr const char* kStorageKey = "outbox";
  static constexpr std::int64_t kFirstRetryMs = 1000;
  static constexpr std::int64_t kMaxRetryMs = 60000;

  // Where the photo of the report queued with this key waits until it is uploaded.
  static std::string photoStorageKey(const std::string& idempotencyKey) { return "photo/" + idempotencyKey; }

  OutboxSender(Platform& platform, OutboxListener listener);

  // Reads the persisted outbox; changes queued before it is read are kept after the restored ones.
  void restore();
  // Queues a change; `saved(false)` when device storage failed (the change is still sent while the tab lives).
  void queue(sync::Change change, std::function<void(bool saved)> saved = {});
  // Sends the next change when one is due. Call every frame; cheap when there is nothing to do.
  void pump();
  // Tries a waiting change now instead of at its backoff time (the network came back, the user asked).
  void retryNow();
  // A new login: officers' changes blocked by an ended session may go again.
  void unblock();

  SyncStatus status() const;
  const sync::Outbox& outbox() const { return outbox_; }
  bool isSending(const std::string& idempotencyKey) const { return inFlight_ && *inFlight_ == idempotencyKey; }

 private:
  HttpRequest requestFor(const sync::Change& change) const;
  void persist(std::function<void(bool)> done);
  void sendChange(const sync::Change& change);
  void uploadPhoto(const sync::Change& change, const std::string& photo);
  void photoAnswered(const sync::Change& change, const HttpResponse& response);
  void answered(const sync::Change& change, const HttpResponse& response);
  void deliverAnswer(const sync::Change& change, const std::string& body);
  void scheduleRetry(const std::string& problem, int retryAfterSeconds);
  void settle(const sync::Change& change);

  Platform& platform_;
  OutboxListener listener_;
  sync::Outbox outbox_;
  bool restored_ = false;
  bool blocked_ = false;
  std::optional<std::string> inFlight_;
  std::int64_t nextAttemptAtUnixMs_ = 0;
  std::int64_t backoffMs_ = 0;
  std::string lastProblem_;
  std::vector<std::function<void(bool)>> savesWaitingForRestore_;
  int savesInFlight_ = 0;
};

}  // namespace bhabin::ui
