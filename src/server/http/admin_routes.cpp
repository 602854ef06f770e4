// Administrators' imports of real villages, officers and outlines (service::Imports): the whole file is
// checked and answered with every problem, and only a clean file is written. The bodies are CSV or GeoJSON,
// not JSON; neither type can be sent by a cross-site form or simple request, so requiring it keeps the
// protection that JSON-only writes give the other endpoints.
#include <httplib.h>

#include <functional>
#include <initializer_list>
#include <string_view>

#include "server/api/api_error.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/http/import_answer.h"

namespace bhabin::server::http {

namespace {

using ImportRun = std::function<service::ImportResult(std::string_view, service::ImportMode, const std::string& actorNrp)>;

void runImport(Call& call, ApiServices& services, std::initializer_list<std::string_view> types, const ImportRun& run) {
  const auto principal = services.accounts.authenticate(sessionToken(call.request));
  if (principal.account.role != storage::AccountRole::Admin)
    throw api::ApiError(403, "forbidden", "for administrators only");
  requireMediaType(call, types);
  const service::ImportResult result =
      run(call.request.body, importMode(call), principal.account.nrp);
  sendImportResult(call, result);
}

}  // namespace

void registerAdminRoutes(httplib::Server& server, ApiServices& services) {
  server.Post("/api/v1/admin/import/villages", apiEndpoint([&services](Call& call) {
                runImport(call, services, {"text/csv"}, [&services](std::string_view csv, service::ImportMode mode, const std::string&) {
                  return services.imports.villages(csv, mode);
                });
              }));
  server.Post("/api/v1/admin/import/officers", apiEndpoint([&services](Call& call) {
                runImport(call, services, {"text/csv"}, [&services](std::string_view csv, service::ImportMode mode, const std::string& actor) {
                  return services.imports.officers(csv, mode, {"", actor});
                });
              }));
  server.Post("/api/v1/admin/import/boundaries", apiEndpoint([&services](Call& call) {
                runImport(call, services, {"application/geo+json", "application/json"},
                          [&services](std::string_view geojson, service::ImportMode mode, const std::string&) {
                            return services.imports.boundaries(geojson, mode);
                          });
              }));
}

}  // namespace bhabin::server::http
