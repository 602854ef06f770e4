// Open311 GeoReport v2 at /open311/v2, so the civic apps and aggregators that speak the standard can file
// and follow reports: discovery, services (one per report category), service definitions, posting a
// request, and listing requests. Each answers as JSON or XML by its extension (.json, .xml; none = JSON).
#pragma once

#include "server/config.h"

namespace httplib {
class Server;
}

namespace bhabin::server::http {
struct ApiServices;
}

namespace bhabin::server::open311 {

void registerOpen311Routes(httplib::Server& server, http::ApiServices& services, const ServerConfig& config);

}  // namespace bhabin::server::open311
