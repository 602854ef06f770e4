// Citizens' endpoints, no login: who is my officer, village search, filing and joining a report,
// following it with its tracking code and secret, and confirming or reopening it once resolved.
#include <httplib.h>

#include "server/api/api_error.h"
#include "server/api/report_views.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/json/json_body.h"
#include "server/json/json_writer.h"
#include "server/areas/village_search.h"

namespace bhabin::server::http {

namespace {

constexpr std::size_t kMaxNearest = 20;

geo::LatLon positionParams(const Call& call) {
  const geo::LatLon position{requiredNumberParam(call, "lat"), requiredNumberParam(call, "lon")};
  if (!geo::isValid(position)) throw api::ApiError(400, "invalid_parameter", "lat must be -90..90 and lon -180..180");
  return position;
}

std::size_t countParam(const Call& call, const char* name, std::size_t fallback, std::size_t max) {
  const auto text = queryParam(call, name);
  if (!text) return fallback;
  char* end = nullptr;
  const long value = std::strtol(text->c_str(), &end, 10);
  if (text->empty() || *end != '\0' || value < 1 || static_cast<std::size_t>(value) > max) {
    throw api::ApiError(400, "invalid_parameter", std::string(name) + " must be 1.." + std::to_string(max));
  }
  return static_cast<std::size_t>(value);
}

void myOfficer(Call& call, ApiServices& services) {
  const geo::LatLon position = positionParams(call);
  services.backend.refreshRoster();
  const auto result = services.backend.roster().myOfficer(position, queryParam(call, "village"));
  json::JsonWriter out;
  out.beginObject();
  if (result.answer.villageCode) {
    out.member("villageCode", *result.answer.villageCode);
  } else {
    out.key("villageCode").null();
  }
  out.member("villageSource", match::villageSourceCode(result.answer.villageSource))
      .member("responsibleStatus", match::responsibleStatusCode(result.answer.status))
      .key("responsibleOfficer");
  api::writeOfficerCard(out, result.responsible);
  out.key("nearestOnDuty");
  api::writeNearbyOfficers(out, result.nearestOnDuty);
  out.endObject();
  sendJson(call, 200, out.str());
}

void nearestOfficers(Call& call, ApiServices& services) {
  const geo::LatLon position = positionParams(call);
  const std::size_t k = countParam(call, "k", 5, kMaxNearest);
  services.backend.refreshRoster();
  json::JsonWriter out;
  out.beginObject().key("officers");
  api::writeNearbyOfficers(out, services.backend.roster().nearestOnDuty(position, k));
  out.endObject();
  sendJson(call, 200, out.str());
}

void searchVillages(Call& call, ApiServices& services) {
  const std::string query = queryParam(call, "q").value_or("");
  const std::size_t limit = countParam(call, "limit", 10, 50);
  json::JsonWriter out;
  out.beginObject().key("villages").beginArray();
  for (const areas::VillageMatch& match : services.villages.find(query, limit)) {
    out.beginObject().member("code", match.code).member("name", match.name).member("label", match.label).endObject();
  }
  out.endArray().endObject();
  sendJson(call, 200, out.str());
}

void openReportsNearby(Call& call, ApiServices& services) {
  const geo::LatLon position = positionParams(call);
  const auto category = report::categoryFromCode(queryParam(call, "category").value_or(""));
  if (!category) throw api::ApiError(400, "invalid_parameter", "category must be one of the report categories");
  sendJson(call, 200, services.reports.openNearby(*category, position, call.clientAddress));
}

void sendStored(Call& call, const service::StoredAnswer& answer) {
  if (answer.replayed) call.response.set_header("Idempotent-Replayed", "true");
  sendJson(call, answer.httpStatus, answer.json);
}

// {"rating": 1-5} (optional) to confirm, {"reason": "..."} to reopen; the secret in X-Report-Secret as for tracking.
service::CitizenAnswer citizenAnswer(const Call& call, report::Action action) {
  const auto body = json::JsonBody::parse(call.request.body);
  service::CitizenAnswer answer;
  answer.trackingCode = call.request.matches[1];
  answer.secret = call.request.get_header_value("X-Report-Secret");
  answer.action = action;
  if (action == report::Action::Confirm) {
    const std::int64_t rating = body.integer("rating").value_or(0);
    if (rating < 0 || rating > 5) throw api::ApiError(400, "invalid_rating");
    answer.rating = static_cast<std::uint32_t>(rating);
  } else {
    answer.reason = body.text("reason").value_or("");
  }
  answer.idempotencyKey = call.request.get_header_value("Idempotency-Key");
  answer.requestBody = call.request.body;
  answer.clientAddress = call.clientAddress;
  return answer;
}

}  // namespace

void registerCitizenRoutes(httplib::Server& server, ApiServices& services) {
  server.Get("/api/v1/my-officer", apiEndpoint([&services](Call& call) { myOfficer(call, services); }));
  server.Get("/api/v1/officers/nearest", apiEndpoint([&services](Call& call) { nearestOfficers(call, services); }));
  server.Get("/api/v1/villages", apiEndpoint([&services](Call& call) { searchVillages(call, services); }));
  server.Get("/api/v1/reports/nearby", apiEndpoint([&services](Call& call) { openReportsNearby(call, services); }));
  server.Post("/api/v1/reports", apiEndpoint([&services](Call& call) {
                sendStored(call, services.reports.create({call.request.body, call.request.get_header_value("Idempotency-Key"),
                                                          call.clientAddress}));
              }, true));
  server.Post(std::string("/api/v1/reports/") + kTrackingCodePath + "/reporters", apiEndpoint([&services](Call& call) {
                sendStored(call, services.reports.join(call.request.matches[1], call.request.body,
                                                       call.request.get_header_value("Idempotency-Key"), call.clientAddress));
              }, true));
  server.Get(std::string("/api/v1/track/") + kTrackingCodePath, apiEndpoint([&services](Call& call) {
               // The secret travels in a header, never in the URL, so it stays out of logs and browser history.
               sendJson(call, 200, services.reports.track(call.request.matches[1], call.request.get_header_value("X-Report-Secret"),
                                                          call.clientAddress));
             }));
  const std::string tracked = std::string("/api/v1/track/") + kTrackingCodePath;
  server.Post(tracked + "/confirm", apiEndpoint([&services](Call& call) {
                sendStored(call, services.reports.answerResolution(citizenAnswer(call, report::Action::Confirm)));
              }, true));
  server.Post(tracked + "/reopen", apiEndpoint([&services](Call& call) {
                sendStored(call, services.reports.answerResolution(citizenAnswer(call, report::Action::Reopen)));
              }, true));
}

}  // namespace bhabin::server::http
