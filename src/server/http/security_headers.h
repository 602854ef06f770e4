// Headers on every response: a Content Security Policy that lets the page run its own scripts and WebAssembly
// and nothing inline or foreign (map tiles excepted when configured), plus the usual hardening headers.
#pragma once

#include <string>

#include "server/config.h"

namespace httplib {
class Server;
}

namespace bhabin::server::http {

// The CSP source expression that allows images from a tile URL template: its scheme and host, with
// Leaflet's "{s}." subdomain placeholder as a wildcard ("https://{s}.tile.example.org/{z}/..." ->
// "https://*.tile.example.org"). Empty when the template is empty or has no scheme://host.
std::string tileSourceForCsp(const std::string& tileUrl);

std::string contentSecurityPolicy(const ServerConfig& config);

void addSecurityHeaders(httplib::Server& server, const ServerConfig& config);

}  // namespace bhabin::server::http
