#include "server/server.h"

#include <httplib.h>

#include <chrono>
#include <iostream>
#include <stdexcept>

#include "server/http/api_routes.h"
#include "server/http/security_headers.h"
#include "server/http/static_routes.h"

namespace bhabin::server {

namespace {

// One line per request; the path is logged without its query string, which may carry personal data.
void logRequest(const httplib::Request& request, const httplib::Response& response) {
  std::clog << "access method=" << request.method << " path=" << request.path << " status=" << response.status
            << " bytes=" << response.body.size() << '\n';
}

}  // namespace

Server::Server(ServerConfig config) : config_(std::move(config)), http_(std::make_unique<httplib::Server>()) {
  http::registerStaticRoutes(*http_, config_);
  http::registerApiRoutes(*http_, config_);
  http::addSecurityHeaders(*http_, config_);
  if (config_.logLevel == "info" || config_.logLevel == "debug") http_->set_logger(logRequest);
  http_->set_payload_max_length(1 << 20);
  // httplib's default adds SO_REUSEPORT, which would let a second server silently share our port.
  http_->set_socket_options([](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
}

Server::~Server() = default;

int Server::bind() {
  const int port = config_.port == 0 ? http_->bind_to_any_port(config_.host)
                                     : (http_->bind_to_port(config_.host, config_.port) ? config_.port : -1);
  if (port < 0) {
    throw std::runtime_error("cannot listen on " + config_.host + ":" + std::to_string(config_.port) +
                             " (in use, or not an address of this machine)");
  }
  return port;
}

void Server::run() { http_->listen_after_bind(); }

void Server::stop() { http_->stop(); }

}  // namespace bhabin::server
