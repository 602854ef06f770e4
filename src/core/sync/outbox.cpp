#include "core/sync/outbox.h"

#include <algorithm>

namespace bhabin::sync {

bool Outbox::enqueue(Change change) {
  const bool queued = std::any_of(changes_.begin(), changes_.end(),
                                  [&](const Change& c) { return c.idempotencyKey == change.idempotencyKey; });
  if (queued) return false;
  changes_.push_back(std::move(change));
  return true;
}

Change* Outbox::find(std::string_view idempotencyKey) {
  const auto it = std::find_if(changes_.begin(), changes_.end(),
                               [&](const Change& c) { return c.idempotencyKey == idempotencyKey; });
  return it == changes_.end() ? nullptr : &*it;
}

bool Outbox::acknowledge(std::string_view idempotencyKey) {
  const auto it = std::find_if(changes_.begin(), changes_.end(),
                               [&](const Change& c) { return c.idempotencyKey == idempotencyKey; });
  if (it == changes_.end()) return false;
  changes_.erase(it);
  return true;
}

}  // namespace bhabin::sync
