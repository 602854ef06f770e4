// Administrators' imports of real villages, officers and outlines (service::Imports): the whole file is
// checked and answered with every problem, and only a clean file is written. The bodies are CSV or GeoJSON,
// not JSON; neither type can be sent by a cross-site form or simple request, so requiring it keeps the
// protection that JSON-only writes give the other endpoints.
#include <httplib.h>

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "server/api/api_error.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/json/json_writer.h"

namespace bhabin::server::http {

namespace {

using ImportRun = service::ImportResult (service::Imports::*)(std::string_view, service::ImportMode);

// The media type without parameters (charset) and in lower case, as RFC 9110 compares them.
std::string mediaType(const httplib::Request& request) {
  std::string type = request.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return type;
}

service::ImportMode importMode(const Call& call) {
  const auto value = queryParam(call, "dryRun");
  if (!value || *value == "0" || *value == "false") return service::ImportMode::Write;
  if (*value == "1" || *value == "true") return service::ImportMode::DryRun;
  throw api::ApiError(400, "invalid_parameter", "dryRun must be 1 or 0");
}

void writeProblem(json::JsonWriter& out, const service::ImportProblem& problem) {
  out.beginObject();
  if (problem.feature) {
    out.member("feature", *problem.feature);
  } else {
    out.member("line", problem.line);
  }
  out.member("field", problem.field).member("message", problem.message).endObject();
}

std::string resultJson(const service::ImportResult& result) {
  json::JsonWriter out;
  out.beginObject()
      .member("dryRun", result.dryRun)
      .member("created", result.created)
      .member("updated", result.updated)
      .member("unchanged", result.unchanged);
  out.key("problems").beginArray();
  for (const service::ImportProblem& problem : result.problems) writeProblem(out, problem);
  out.endArray().key("notes").beginArray();
  for (const std::string& note : result.notes) out.value(note);
  out.endArray().key("initialPasswords").beginArray();
  for (const service::InitialPassword& initial : result.initialPasswords) {
    out.beginObject().member("nrp", initial.nrp).member("password", initial.password).endObject();
  }
  out.endArray().endObject();
  return out.str();
}

void runImport(Call& call, ApiServices& services, std::initializer_list<std::string_view> types, ImportRun run) {
  const auto principal = services.accounts.authenticate(sessionToken(call.request));
  if (principal.account.role != storage::AccountRole::Admin)
    throw api::ApiError(403, "forbidden", "for administrators only");
  const std::string type = mediaType(call.request);
  if (std::find(types.begin(), types.end(), type) == types.end()) {
    throw api::ApiError(415, "unsupported_media_type", "send " + std::string(*types.begin()));
  }
  const service::ImportResult result = (services.imports.*run)(call.request.body, importMode(call));
  sendJson(call, result.clean() ? 200 : 422, resultJson(result));
}

}  // namespace

void registerAdminRoutes(httplib::Server& server, ApiServices& services) {
  server.Post("/api/v1/admin/import/villages", apiEndpoint([&services](Call& call) {
                runImport(call, services, {"text/csv"}, &service::Imports::villages);
              }));
  server.Post("/api/v1/admin/import/officers", apiEndpoint([&services](Call& call) {
                runImport(call, services, {"text/csv"}, &service::Imports::officers);
              }));
  server.Post("/api/v1/admin/import/boundaries", apiEndpoint([&services](Call& call) {
                runImport(call, services, {"application/geo+json", "application/json"}, &service::Imports::boundaries);
              }));
}

}  // namespace bhabin::server::http
