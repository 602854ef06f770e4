// The device's queue of changes not yet confirmed by the server, oldest first. It is persisted (wire's
// encodeOutboxBinary) so it survives closing the tab and updating the app.
#pragma once

#include <deque>
#include <string_view>

#include "core/sync/change.h"

namespace bhabin::sync {

class Outbox {
 public:
  // Appends a change; a change whose key is already queued is ignored (false), so a retried user action
  // cannot queue twice.
  bool enqueue(Change change);

  // The change to send next: always the oldest, so the server sees a device's changes in the order made.
  const Change* head() const { return changes_.empty() ? nullptr : &changes_.front(); }

  // Removes the change with this key once the server has answered it; false for an unknown key (a late
  // duplicate answer).
  bool acknowledge(std::string_view idempotencyKey);

  // The queued change with this key, to fill in what the server answered meanwhile (a photo's ref); nullptr
  // when it is not queued.
  Change* find(std::string_view idempotencyKey);

  const std::deque<Change>& pending() const { return changes_; }
  bool empty() const { return changes_.empty(); }

 private:
  std::deque<Change> changes_;
};

}  // namespace bhabin::sync
