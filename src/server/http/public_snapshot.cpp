#include "server/http/public_snapshot.h"

#include <httplib.h>

#include <optional>

#include "core/domain/region_code.h"
#include "server/api/api_error.h"
#include "server/storage/region_rows.h"

namespace bhabin::server::http {

namespace {

std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::string regencyParam(const Call& call) {
  const std::optional<std::string> code = queryParam(call, "regency");
  if (!code) return {};
  if (domain::regionLevel(*code) != domain::RegionLevel::Regency) {
    throw api::ApiError(400, "invalid_parameter", "regency must be a regency code of the form NN.NN, such as 33.29");
  }
  return *code;
}

void requireKnownRegency(storage::Connection& connection, const std::string& code) {
  if (code.empty()) return;
  const auto region = storage::findRegion(connection, code);
  if (!region || region->level != domain::RegionLevel::Regency) {
    throw api::ApiError(404, "unknown_regency", "no regency " + code + " on this server");
  }
}

std::string entityTag(std::string_view document, std::int64_t version, const std::string& regency) {
  return "\"" + std::string(document) + "-" + std::to_string(version) + (regency.empty() ? "" : "-" + regency) + "\"";
}

// If-None-Match lists tags separated by commas, possibly weak (W/"…"), or is "*".
bool clientHasCurrentCopy(std::string_view ifNoneMatch, const std::string& tag) {
  while (!ifNoneMatch.empty()) {
    const std::size_t comma = ifNoneMatch.find(',');
    std::string_view candidate = trimmed(ifNoneMatch.substr(0, comma));
    if (candidate.rfind("W/", 0) == 0) candidate.remove_prefix(2);
    if (candidate == tag || candidate == "*") return true;
    if (comma == std::string_view::npos) break;
    ifNoneMatch.remove_prefix(comma + 1);
  }
  return false;
}

bool answerRevalidated(Call& call, const std::string& tag, bool current) {
  // Stored, but revalidated before every use: the API's usual no-store would forbid the 304 round trip.
  call.response.headers.erase("Cache-Control");
  call.response.set_header("Cache-Control", "no-cache");
  call.response.set_header("ETag", tag);
  if (!current) return false;
  call.response.status = 304;
  return true;
}

}  // namespace bhabin::server::http
