#include "server/http/connection_queue.h"

#include <utility>

namespace bhabin::server::http {

namespace {

thread_local bool refusing = false;

}  // namespace

ConnectionQueue::ConnectionQueue(ConnectionLimits limits)
    : maxWaiting_(limits.maxWaiting), requestThreads_(limits.threads), refusalThreads_(kRefusalThreads) {}

void ConnectionQueue::enqueue(std::function<void()> serveConnection) {
  if (waiting_.load(std::memory_order_relaxed) >= maxWaiting_) {
    refusalThreads_.enqueue([serveConnection = std::move(serveConnection)] {
      refusing = true;
      serveConnection();
      refusing = false;
    });
    return;
  }
  waiting_.fetch_add(1, std::memory_order_relaxed);
  requestThreads_.enqueue([this, serveConnection = std::move(serveConnection)] {
    waiting_.fetch_sub(1, std::memory_order_relaxed);
    serveConnection();
  });
}

void ConnectionQueue::shutdown() {
  requestThreads_.shutdown();
  refusalThreads_.shutdown();
}

bool ConnectionQueue::refusingThisConnection() { return refusing; }

}  // namespace bhabin::server::http
