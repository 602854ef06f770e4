// Officers' (and supervisors') work on reports: the worklist, one report with its reporter, status moves
// with notes and hand-over, pull for offline devices; and officers' duty, position and sambang visits.
#include <httplib.h>

#include "core/report/status.h"
#include "core/wire/visit_codec.h"
#include "server/api/api_error.h"
#include "server/api/report_views.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/json/json_body.h"
#include "server/json/json_writer.h"

namespace bhabin::server::http {

namespace {

constexpr std::size_t kPullPage = 200;

service::Principal principalOf(Call& call, ApiServices& services) {
  return services.accounts.authenticate(sessionToken(call.request));
}

std::optional<matching::OfficerCard> assignedCard(ApiServices& services, const report::Report& report) {
  return services.backend.roster().card(report.assignedOfficerNrp());
}

void sendReportList(Call& call, ApiServices& services, const std::vector<service::ReportForStaff>& reports) {
  services.backend.refreshRoster();
  json::JsonWriter out;
  out.beginObject().key("reports").beginArray();
  for (const auto& item : reports) api::writeStaffReport(out, item, assignedCard(services, item.stored.report));
  out.endArray().endObject();
  sendJson(call, 200, out.str());
}

void sendOfficerStatus(Call& call, const service::OfficerStatus& status) {
  json::JsonWriter out;
  out.beginObject()
      .member("nrp", status.state.nrp)
      .member("onDuty", status.state.onDuty)
      .member("openReports", std::int64_t{status.state.openReports})
      .member("positionAtUnixMs", status.state.positionAtUnixMs);
  out.key("position").beginObject().member("latDeg", status.state.position.latDeg).member("lonDeg", status.state.position.lonDeg).endObject();
  out.key("villageCodes").beginArray();
  for (const std::string& code : status.villageCodes) out.value(code);
  out.endArray().endObject();
  sendJson(call, 200, out.str());
}

service::NewMove moveFromBody(const std::string& bodyText) {
  const auto body = json::JsonBody::parse(bodyText);
  const auto actionText = body.text("action");
  if (!actionText) throw api::ApiError::invalidForm({{"action", report::ErrorCode::Required}});
  const auto action = report::actionFromCode(*actionText);
  if (!action || *action == report::Action::Submit) {
    throw api::ApiError(400, "invalid_parameter", "action must be one of receive, start, resolve, reject, hand_over, reopen, note");
  }
  return {*action, body.text("note").value_or(""), body.text("handOverToNrp").value_or("")};
}

std::int64_t cursorParam(const Call& call) {
  const auto text = queryParam(call, "since");
  if (!text) return 0;
  char* end = nullptr;
  const long long value = std::strtoll(text->c_str(), &end, 10);
  if (text->empty() || *end != '\0' || value < 0) throw api::ApiError(400, "invalid_parameter", "since must be a cursor from an earlier pull");
  return value;
}

void registerReportWork(httplib::Server& server, ApiServices& services) {
  server.Get("/api/v1/worklist", apiEndpoint([&services](Call& call) {
               const auto principal = principalOf(call, services);
               sendReportList(call, services, services.reports.worklist(principal, queryParam(call, "open").value_or("") == "1"));
             }));
  server.Get(std::string("/api/v1/reports/") + kTrackingCodePath, apiEndpoint([&services](Call& call) {
               const auto principal = principalOf(call, services);
               const auto view = services.reports.forStaff(principal, call.request.matches[1]);
               services.backend.refreshRoster();
               json::JsonWriter out;
               api::writeStaffReport(out, view, assignedCard(services, view.stored.report));
               sendJson(call, 200, out.str());
             }));
  server.Post(std::string("/api/v1/reports/") + kTrackingCodePath + "/moves", apiEndpoint([&services](Call& call) {
                const auto principal = principalOf(call, services);
                const auto answer = services.reports.move(principal, call.request.matches[1], moveFromBody(call.request.body),
                                                          call.request.get_header_value("Idempotency-Key"), call.request.body);
                if (answer.replayed) call.response.set_header("Idempotent-Replayed", "true");
                sendJson(call, answer.httpStatus, answer.json);
              }, true));
  server.Get(std::string("/api/v1/reports/") + kTrackingCodePath + "/handover-candidates", apiEndpoint([&services](Call& call) {
               const auto principal = principalOf(call, services);
               // Shows no reporter, so it reads the report without the audited identity lookup of forStaff.
               const auto stored = services.reports.visible(principal, call.request.matches[1]);
               services.backend.refreshRoster();
               json::JsonWriter out;
               out.beginObject().key("officers");
               api::writeNearbyOfficers(out, services.backend.roster().nearestOnDuty(stored.report.details().position, 5,
                                                                                     stored.report.assignedOfficerNrp()));
               out.endObject();
               sendJson(call, 200, out.str());
             }));
  server.Get(std::string("/api/v1/reports/") + kTrackingCodePath + "/audit", apiEndpoint([&services](Call& call) {
               const auto principal = principalOf(call, services);
               if (principal.account.role == storage::AccountRole::Officer) throw api::ApiError(403, "forbidden", "for supervisors only");
               const auto entries = services.reports.audit(principal, call.request.matches[1]);
               json::JsonWriter out;
               out.beginObject().key("entries").beginArray();
               for (const auto& entry : entries) {
                 out.beginObject()
                     .member("atUnixMs", entry.atUnixMs)
                     .member("actorNrp", entry.actorNrp)
                     .member("action", entry.action)
                     .endObject();
               }
               out.endArray().endObject();
               sendJson(call, 200, out.str());
             }));
  server.Get("/api/v1/sync/pull", apiEndpoint([&services](Call& call) {
               const auto principal = principalOf(call, services);
               const auto pulled = services.reports.pull(principal, cursorParam(call), kPullPage);
               services.backend.refreshRoster();
               json::JsonWriter out;
               out.beginObject().member("cursor", pulled.cursor).member("more", pulled.more).key("reports").beginArray();
               for (const auto& item : pulled.reports) api::writeStaffReport(out, item, assignedCard(services, item.stored.report));
               out.endArray().endObject();
               sendJson(call, 200, out.str());
             }));
}

void registerOfficerSelf(httplib::Server& server, ApiServices& services) {
  server.Get("/api/v1/officer/status", apiEndpoint([&services](Call& call) {
               sendOfficerStatus(call, services.officerWork.status(principalOf(call, services)));
             }));
  server.Put("/api/v1/officer/duty", apiEndpoint([&services](Call& call) {
               const auto principal = principalOf(call, services);
               const auto onDuty = json::JsonBody::parse(call.request.body).boolean("onDuty");
               if (!onDuty) throw api::ApiError::invalidForm({{"onDuty", report::ErrorCode::Required}});
               sendOfficerStatus(call, services.officerWork.setOnDuty(principal, *onDuty));
             }, true));
  server.Put("/api/v1/officer/position", apiEndpoint([&services](Call& call) {
               const auto principal = principalOf(call, services);
               const auto body = json::JsonBody::parse(call.request.body);
               sendOfficerStatus(call, services.officerWork.sharePosition(principal, body.number("latDeg"), body.number("lonDeg")));
             }, true));
  server.Post("/api/v1/visits", apiEndpoint([&services](Call& call) {
                const auto principal = principalOf(call, services);
                const auto answer = services.officerWork.logVisit(principal, call.request.body,
                                                                  call.request.get_header_value("Idempotency-Key"));
                if (answer.replayed) call.response.set_header("Idempotent-Replayed", "true");
                sendJson(call, answer.httpStatus, answer.json);
              }, true));
  server.Get("/api/v1/visits", apiEndpoint([&services](Call& call) {
               const auto visits = services.officerWork.visits(principalOf(call, services), 200);
               std::string json = "{\"visits\":[";
               for (std::size_t i = 0; i < visits.size(); ++i) {
                 if (i > 0) json += ',';
                 json += "{\"visitId\":\"" + visits[i].visitId + "\",\"visit\":" + wire::encodeVisitJson(visits[i].visit) + "}";
               }
               sendJson(call, 200, json + "]}");
             }));
}

}  // namespace

void registerOfficerRoutes(httplib::Server& server, ApiServices& services) {
  registerReportWork(server, services);
  registerOfficerSelf(server, services);
}

}  // namespace bhabin::server::http
