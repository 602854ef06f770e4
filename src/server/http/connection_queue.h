// Hands accepted connections to the request threads, and refuses politely once too many are waiting.
//
// httplib serves a connection on one thread from start to end and queues the rest without limit, so under
// overload every client waits longer and longer and none is told why. Here at most `maxWaiting` connections
// wait for a request thread; each one beyond that goes to a small pool of refusal threads that read its
// request and answer 503 with Retry-After (PacedHttpServer), without touching the database.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <functional>

namespace bhabin::server::http {

struct ConnectionLimits {
  std::size_t threads = 8;      // request threads, each with one database connection
  std::size_t maxWaiting = 64;  // connections accepted but not yet on a request thread
};

class ConnectionQueue final : public httplib::TaskQueue {
 public:
  explicit ConnectionQueue(ConnectionLimits limits);

  void enqueue(std::function<void()> serveConnection) override;
  void shutdown() override;

  // Whether a connection waits for a request thread now: a thread idling on a keep-alive connection then
  // lets it go, so the waiting one gets its turn.
  bool othersWaiting() const { return waiting_.load(std::memory_order_relaxed) > 0; }

  // True on a refusal thread while it serves a connection that came in over the limit.
  static bool refusingThisConnection();

 private:
  static constexpr std::size_t kRefusalThreads = 2;

  std::size_t maxWaiting_;
  std::atomic<std::size_t> waiting_{0};
  httplib::ThreadPool requestThreads_;
  httplib::ThreadPool refusalThreads_;
};

}  // namespace bhabin::server::http
