// The app's files: index.html at /, web/ and assets/ under their names, the WebAssembly build at /app,
// Leaflet at /vendor/leaflet.
// Nothing else of the checkout is reachable.
#pragma once

#include "server/config.h"

namespace httplib {
class Server;
}

namespace bhabin::server::http {

void registerStaticRoutes(httplib::Server& server, const ServerConfig& config);

}  // namespace bhabin::server::http
