#include "server/http/security_headers.h"

#include <httplib.h>

#include <ctime>

namespace bhabin::server::http {

namespace {

// RFC 9110's IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT"; strftime's %a and %b are English in the C locale.
std::string httpDate(std::time_t now) {
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[40];
  const std::size_t length = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return std::string(text, length);
}

}  // namespace

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
         "; connect-src 'self'; font-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; "
         "form-action 'self'; frame-ancestors 'none'";
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
    // Not a security header, but due on every response (RFC 9110) and httplib does not send it: a copy the
    // service worker keeps for offline use tells the app its age by it.
    if (!response.has_header("Date")) response.set_header("Date", httpDate(std::time(nullptr)));
  });
}

}  // namespace bhabin::server::http
