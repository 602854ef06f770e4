#include "server/http/import_answer.h"

#include <httplib.h>

#include <algorithm>
#include <string>

#include "server/api/api_error.h"
#include "server/json/json_writer.h"

namespace bhabin::server::http {

namespace {

// The media type without parameters (charset) and in lower case, as RFC 9110 compares them.
std::string mediaType(const httplib::Request& request) {
  std::string type = request.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return type;
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

}  // namespace

void requireMediaType(const Call& call, std::initializer_list<std::string_view> types) {
  const std::string type = mediaType(call.request);
  if (std::find(types.begin(), types.end(), type) == types.end()) {
    throw api::ApiError(415, "unsupported_media_type", "send " + std::string(*types.begin()));
  }
}

service::ImportMode importMode(const Call& call) {
  const auto value = queryParam(call, "dryRun");
  if (!value || *value == "0" || *value == "false") return service::ImportMode::Write;
  if (*value == "1" || *value == "true") return service::ImportMode::DryRun;
  throw api::ApiError(400, "invalid_parameter", "dryRun must be 1 or 0");
}

void sendImportResult(Call& call, const service::ImportResult& result) {
  sendJson(call, result.clean() ? 200 : 422, resultJson(result));
}

}  // namespace bhabin::server::http
