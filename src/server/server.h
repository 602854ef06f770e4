// The HTTP server: static files of the app plus the JSON API, on one port. Owns the listening socket, the
// database connections and the services; opening it migrates the database and, on a first start, seeds
// the demo regency.
#pragma once

#include <memory>

#include "server/config.h"
#include "server/http/request_pace.h"
#include "server/service/backend.h"

namespace httplib {
class Stream;
}

namespace bhabin::server::http {
class PacedHttpServer;
}

namespace bhabin::server {

// What tests change besides the configuration: limits, hashing cost, the clock and the pace requests must keep.
struct ServerOptions {
  service::BackendSettings settings;
  service::Clock clock = service::systemClockMs;
  http::RequestPace pace;
};

class Server {
 public:
  // Throws std::runtime_error (or storage::DatabaseError) naming what is missing or wrong: the database, the
  // area data, the demo outline.
  explicit Server(ServerConfig config, ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the configured host and port; returns the bound port (useful with port 0) or throws
  // std::runtime_error naming the address when it is taken or not allowed.
  int bind();
  // Serves until stop(); in-flight requests finish first. Call after bind().
  void run();
  // Safe from another thread or a signal-watching thread.
  void stop();
  // Answers the request at the start of `stream` by the same parsing and routes as a client's on a socket,
  // without bind() or run(): how the fuzz target feeds requests from memory.
  void answer(httplib::Stream& stream);

 private:
  struct Parts;
  ServerConfig config_;
  std::unique_ptr<Parts> parts_;
  std::unique_ptr<http::PacedHttpServer> http_;
};

}  // namespace bhabin::server
