// The HTTP server: static files of the app plus the JSON API, on one port. Owns the listening socket.
#pragma once

#include <memory>

#include "server/config.h"

namespace httplib {
class Server;
}

namespace bhabin::server {

class Server {
 public:
  explicit Server(ServerConfig config);
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

 private:
  ServerConfig config_;
  std::unique_ptr<httplib::Server> http_;
};

}  // namespace bhabin::server
