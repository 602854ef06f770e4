#include "server/http/paced_http_server.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>

namespace bhabin::server::http {

namespace {

using Clock = std::chrono::steady_clock;

// A kept-alive connection quiet this long after its answer is let go when others wait for its thread.
// Shorter, and a client sending its next request right away would find the connection closed under it.
constexpr std::int64_t kKeepAliveQuietMs = 250;
// How often a thread idling on a keep-alive connection after that looks whether others wait for it.
constexpr std::int64_t kKeepAliveCheckMs = 50;
// A refused connection only has to deliver a request for its 503: a short pace frees the refusal thread.
constexpr RequestPace kRefusalPace{2'000, 500};

thread_local bool behindPaceOnThisThread = false;

std::int64_t toMs(time_t seconds, time_t microseconds) {
  return std::int64_t{seconds} * 1000 + std::int64_t{microseconds} / 1000;
}

// Waits up to `timeoutMs` for `events` on `socket`; false on timeout, error or a peer that hung up.
bool waitFor(socket_t socket, short events, std::int64_t timeoutMs) {
  if (timeoutMs <= 0) return false;
  pollfd entry{socket, events, 0};
  int ready = 0;
  do {
    ready = ::poll(&entry, 1, static_cast<int>(timeoutMs));
  } while (ready < 0 && errno == EINTR);
  return ready > 0 && (entry.revents & events) != 0;
}

void numericAddress(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, service, sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
    return;
  }
  ip = host;
  port = std::atoi(service);
}

// A connection's reading and writing. Reads fail once the current request is behind its pace, which makes
// httplib drop the connection as it does after its own read timeout. One stream serves all the requests of
// a connection, so bytes of a pipelined next request already read stay in its buffer.
class PacedSocketStream final : public httplib::Stream {
 public:
  PacedSocketStream(socket_t socket, RequestPace pace, std::int64_t readTimeoutMs, std::int64_t writeTimeoutMs)
      : socket_(socket), pace_(pace), readTimeoutMs_(readTimeoutMs), writeTimeoutMs_(writeTimeoutMs) {}

  void startRequest() {
    start_ = Clock::now();
    bytesReceived_ = static_cast<std::int64_t>(end_ - next_);
    behindPaceOnThisThread = false;
  }

  // Whether a next request begins within `timeoutMs` (httplib's keep-alive wait); after kKeepAliveQuietMs
  // gives up early once `giveWay` says another connection needs this thread more.
  template <typename GiveWay>
  bool nextRequestArrives(std::int64_t timeoutMs, GiveWay giveWay) const {
    if (next_ < end_ || waitFor(socket_, POLLIN, std::min(timeoutMs, kKeepAliveQuietMs))) return true;
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs - kKeepAliveQuietMs);
    while (!giveWay()) {
      const auto leftMs = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (leftMs <= 0) return false;
      if (waitFor(socket_, POLLIN, std::min(leftMs, kKeepAliveCheckMs))) return true;
    }
    return false;
  }

  bool is_readable() const override {
    const bool ready = waitFor(socket_, POLLIN, std::min(readTimeoutMs_, msLeftToArrive()));
    if (!ready && msLeftToArrive() <= 0) behindPace_ = behindPaceOnThisThread = true;
    return ready;
  }

  // httplib still answers a request it could not read in time (400); the connection must close after it.
  bool behindPace() const { return behindPace_; }

  bool is_writable() const override { return waitFor(socket_, POLLOUT, writeTimeoutMs_); }

  ssize_t read(char* data, size_t size) override {
    if (next_ == end_ && !refill()) return -1;
    const std::size_t count = std::min(size, end_ - next_);
    std::memcpy(data, buffer_.data() + next_, count);
    next_ += count;
    return static_cast<ssize_t>(count);
  }

  ssize_t write(const char* data, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t sent = 0;
    do {
      sent = ::send(socket_, data, size, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0) numericAddress(address, length, ip, port);
  }

  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0) numericAddress(address, length, ip, port);
  }

  socket_t socket() const override { return socket_; }

 private:
  // httplib reads headers a byte at a time; one recv per buffer keeps that from being a system call per byte.
  bool refill() {
    if (!is_readable()) return false;
    ssize_t received = 0;
    do {
      received = ::recv(socket_, buffer_.data(), buffer_.size(), 0);
    } while (received < 0 && errno == EINTR);
    if (received <= 0) return false;
    next_ = 0;
    end_ = static_cast<std::size_t>(received);
    bytesReceived_ += received;
    return true;
  }

  std::int64_t msLeftToArrive() const {
    const auto allowedMs = pace_.graceMs + bytesReceived_ * 1000 / pace_.minBytesPerSecond;
    const auto elapsedMs = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start_).count();
    return allowedMs - elapsedMs;
  }

  socket_t socket_;
  RequestPace pace_;
  std::int64_t readTimeoutMs_;
  std::int64_t writeTimeoutMs_;
  Clock::time_point start_ = Clock::now();
  std::int64_t bytesReceived_ = 0;
  mutable bool behindPace_ = false;
  std::array<char, 4096> buffer_{};
  std::size_t next_ = 0;
  std::size_t end_ = 0;
};

// httplib applies a Range header to whatever answer a request gets, errors included: a JSON error would go
// out as multipart/byteranges pieces no client can read. Ranges are for files; the APIs answer whole.
void answerApisWhole(httplib::Request& request) {
  if (request.path.rfind("/api/", 0) == 0 || request.path.rfind("/open311/", 0) == 0) request.ranges.clear();
}

// httplib announces "Connection: close" in the answer to a request that asked for it.
void answerWithConnectionClose(httplib::Request& request) {
  request.headers.erase("Connection");
  request.headers.emplace("Connection", "close");
}

}  // namespace

PacedHttpServer::PacedHttpServer(RequestPace pace, ConnectionLimits limits) : pace_(pace) {
  new_task_queue = [this, limits] {
    queue_ = new ConnectionQueue(limits);
    return queue_;
  };
}

bool PacedHttpServer::answeringARequestBehindPace() { return behindPaceOnThisThread; }

void PacedHttpServer::answer(httplib::Stream& stream) {
  bool connectionClosed = false;
  process_request(stream, true, connectionClosed, answerApisWhole);
}

// httplib's own keep-alive loop, with the connection read through a PacedSocketStream. A refused
// connection gets one answer. While other connections wait for a thread, a kept-alive one is told to close
// with its answer, and one idling between requests is let go.
bool PacedHttpServer::process_and_close_socket(socket_t socket) {
  const bool refusing = ConnectionQueue::refusingThisConnection();
  bool served = false;
  PacedSocketStream stream(socket, refusing ? kRefusalPace : pace_, toMs(read_timeout_sec_, read_timeout_usec_),
                           toMs(write_timeout_sec_, write_timeout_usec_));
  const auto othersWaiting = [this] { return queue_ != nullptr && queue_->othersWaiting(); };
  const auto neverGiveWay = [] { return false; };
  const auto keepAliveMs = toMs(keep_alive_timeout_sec_, 0);
  for (std::size_t left = refusing ? 1 : keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
    const bool arrived = served ? stream.nextRequestArrives(keepAliveMs, othersWaiting) : stream.nextRequestArrives(keepAliveMs, neverGiveWay);
    if (!arrived) break;
    stream.startRequest();
    bool givingWay = false;
    const auto setUp = [&](httplib::Request& request) {
      answerApisWhole(request);
      // Decided once the request is read: the client may have taken its time while others arrived.
      givingWay = othersWaiting();
      if (givingWay) answerWithConnectionClose(request);
    };
    bool connectionClosed = false;
    served = process_request(stream, left == 1, connectionClosed, setUp);
    if (!served || connectionClosed || givingWay || stream.behindPace()) break;
  }
  ::shutdown(socket, SHUT_RDWR);
  ::close(socket);
  return served;
}

}  // namespace bhabin::server::http
