#include "server/http/security_headers.h"

#include <httplib.h>

namespace bhabin::server::http {

std::string tileSourceForCsp(const std::string& tileUrl) {
  const std::size_t schemeEnd = tileUrl.find("://");
  if (schemeEnd == std::string::npos || schemeEnd == 0) return {};
  const std::size_t hostStart = schemeEnd + 3;
  const std::size_t hostEnd = tileUrl.find('/', hostStart);
  std::string host = tileUrl.substr(hostStart, hostEnd == std::string::npos ? std::string::npos : hostEnd - hostStart);
  if (host.rfind("{s}.", 0) == 0) host.replace(0, 3, "*");
  // Anything still templated, or characters that would end the directive, cannot be expressed safely.
  if (host.empty() || host.find_first_of("{}; ,'\"") != std::string::npos) return {};
  return tileUrl.substr(0, hostStart) + host;
}

std::string contentSecurityPolicy(const ServerConfig& config) {
  std::string images = "'self' data:";
  const std::string tiles = tileSourceForCsp(config.tileUrl);
  if (!tiles.empty()) images += " " + tiles;
  return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src " + images +
         "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
         "frame-ancestors 'none'";
}

void addSecurityHeaders(httplib::Server& server, const ServerConfig& config) {
  const std::string policy = contentSecurityPolicy(config);
  server.set_post_routing_handler([policy](const httplib::Request&, httplib::Response& response) {
    response.set_header("Content-Security-Policy", policy);
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Cross-Origin-Opener-Policy", "same-origin");
    response.set_header("Permissions-Policy", "geolocation=(self), camera=(self), microphone=()");
  });
}

}  // namespace bhabin::server::http
