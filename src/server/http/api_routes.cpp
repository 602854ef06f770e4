#include "server/http/api_routes.h"

#include <httplib.h>

#include "core/wire/public_config.h"
#include "server/http/api_handler.h"
#include "server/http/compressed_answer.h"
#include "server/open311/open311_routes.h"

namespace bhabin::server::http {

namespace {
constexpr const char* kJson = kJsonAnswerType;
}

void registerApiRoutes(httplib::Server& server, const ServerConfig& config, ApiServices& services) {
  server.Get("/api/v1/health", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::string(R"({"status":"ok","version":")") + BHABIN_VERSION + "\"}", kJson);
    response.set_header("Cache-Control", "no-store");
  });
  const std::string publicConfig = wire::encodeJson({BHABIN_VERSION, config.tileUrl, config.tileAttribution});
  server.Get("/api/v1/config", [publicConfig](const httplib::Request& request, httplib::Response& response) {
    sendFreshBody(request, response, kJson, publicConfig);
    response.set_header("Cache-Control", "no-cache");
  });
  registerCitizenRoutes(server, services);
  registerSessionRoutes(server, services);
  registerOfficerRoutes(server, services);
  registerSupervisorRoutes(server, services);
  registerPhotoRoutes(server, services);
  registerAdminRoutes(server, services);
  registerAreaAdminRoutes(server, services);
  registerExportRoutes(server, services);
  registerRosterRoutes(server, services);
  registerBoundaryRoutes(server, services);
  open311::registerOpen311Routes(server, services, config);
  answerApiErrorsAsJson(server);
  refuseConnectionsOverTheLimits(server);
}

}  // namespace bhabin::server::http
