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
  }

  // Whether a next request begins within `timeoutMs` (httplib's keep-alive wait).
  bool nextRequestArrives(std::int64_t timeoutMs) const { return next_ < end_ || waitFor(socket_, POLLIN, timeoutMs); }

  bool is_readable() const override {
    const bool ready = waitFor(socket_, POLLIN, std::min(readTimeoutMs_, msLeftToArrive()));
    if (!ready && msLeftToArrive() <= 0) behindPace_ = true;
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

}  // namespace

void PacedHttpServer::answer(httplib::Stream& stream) {
  bool connectionClosed = false;
  process_request(stream, true, connectionClosed, answerApisWhole);
}

// httplib's own keep-alive loop, with the connection read through a PacedSocketStream.
bool PacedHttpServer::process_and_close_socket(socket_t socket) {
  bool served = false;
  PacedSocketStream stream(socket, pace_, toMs(read_timeout_sec_, read_timeout_usec_),
                           toMs(write_timeout_sec_, write_timeout_usec_));
  for (std::size_t left = keep_alive_max_count_;
       left > 0 && svr_sock_ != INVALID_SOCKET && stream.nextRequestArrives(toMs(keep_alive_timeout_sec_, 0)); --left) {
    stream.startRequest();
    bool connectionClosed = false;
    served = process_request(stream, left == 1, connectionClosed, answerApisWhole);
    if (!served || connectionClosed || stream.behindPace()) break;
  }
  ::shutdown(socket, SHUT_RDWR);
  ::close(socket);
  return served;
}

}  // namespace bhabin::server::http
