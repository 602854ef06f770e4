// The JSON API under /api/v1.
#pragma once

#include "server/config.h"

namespace httplib {
class Server;
}

namespace bhabin::server::http {

// GET /api/v1/health -> {"status":"ok","version":...}; GET /api/v1/config -> wire::PublicConfig.
void registerApiRoutes(httplib::Server& server, const ServerConfig& config);

}  // namespace bhabin::server::http
