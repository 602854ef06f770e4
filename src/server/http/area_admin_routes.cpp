// Supervisors' and administrators' roster administration (service::RosterAdmin): the area's officers and
// villages, creating officers, (de)activating them, resetting passwords, assigning villages, and the CSV
// import with a dry run. Every write declares a JSON (or CSV) body, as the other writes do.
#include <httplib.h>

#include "server/api/api_error.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/http/import_answer.h"
#include "server/json/json_body.h"
#include "server/json/json_writer.h"

namespace bhabin::server::http {

namespace {

constexpr const char* kOfficerPath = "/api/v1/area/officers/([0-9]{1,20})";

service::Principal caller(Call& call, ApiServices& services) {
  return services.accounts.authenticate(sessionToken(call.request));
}

void writeOfficer(json::JsonWriter& out, const storage::ManagedOfficer& officer) {
  out.beginObject()
      .member("nrp", officer.nrp)
      .member("name", officer.name)
      .member("phone", officer.phoneE164)
      .member("active", officer.active)
      .member("regencyCode", officer.regencyCode)
      .member("onDuty", officer.onDuty)
      .member("openReports", std::int64_t{officer.openReports});
  out.key("villages").beginArray();
  for (const std::string& village : officer.villages) out.value(village);
  out.endArray().endObject();
}

std::string rosterJson(const service::AreaRoster& roster) {
  json::JsonWriter out;
  out.beginObject().member("areaCode", roster.areaCode).key("officers").beginArray();
  for (const storage::ManagedOfficer& officer : roster.officers) writeOfficer(out, officer);
  out.endArray().key("villages").beginArray();
  for (const storage::VillageHolder& village : roster.villages) {
    out.beginObject().member("code", village.code).member("name", village.name).key("officer");
    if (village.nrp) {
      out.value(*village.nrp);
    } else {
      out.null();
    }
    out.member("covered", village.covered).endObject();
  }
  out.endArray().key("uncovered").beginArray();
  for (const storage::VillageHolder& village : roster.villages) {
    if (!village.covered) out.value(village.code);
  }
  out.endArray().endObject();
  return out.str();
}

// {"officer":{...},"oneTimePassword"?,"releasedVillages":[...],"takenFrom":[{"village","officer"}]}
std::string changeJson(const service::OfficerChange& change) {
  json::JsonWriter out;
  out.beginObject().key("officer");
  writeOfficer(out, change.officer);
  if (change.oneTimePassword) out.member("oneTimePassword", *change.oneTimePassword);
  out.key("releasedVillages").beginArray();
  for (const std::string& village : change.releasedVillages) out.value(village);
  out.endArray().key("takenFrom").beginArray();
  for (const auto& [village, officer] : change.takenFrom) {
    out.beginObject().member("village", village).member("officer", officer).endObject();
  }
  out.endArray().endObject();
  return out.str();
}

service::NewOfficer newOfficer(const json::JsonBody& body) {
  return {body.text("nrp").value_or(""),   body.text("name").value_or(""),
          body.text("phone").value_or(""), body.texts("villages").value_or(std::vector<std::string>{}),
          body.text("password"),           body.boolean("takeOver").value_or(false)};
}

std::string pathNrp(const Call& call) { return call.request.matches[1]; }

}  // namespace

void registerAreaAdminRoutes(httplib::Server& server, ApiServices& services) {
  auto& admin = services.rosterAdmin;
  server.Get("/api/v1/area/roster", apiEndpoint([&](Call& call) {
               sendJson(call, 200, rosterJson(admin.roster(caller(call, services))));
             }));
  server.Post("/api/v1/area/officers", apiEndpoint([&](Call& call) {
                const auto principal = caller(call, services);
                service::managedArea(principal);
                const auto body = json::JsonBody::parse(call.request.body);
                sendJson(call, 201, changeJson(admin.create(principal, newOfficer(body))));
              }, true));
  server.Post("/api/v1/area/officers/import", apiEndpoint([&](Call& call) {
                const auto principal = caller(call, services);
                service::managedArea(principal);
                requireMediaType(call, {"text/csv"});
                sendImportResult(call, admin.importOfficers(principal, call.request.body, importMode(call)));
              }));
  server.Post(std::string(kOfficerPath) + "/deactivate", apiEndpoint([&](Call& call) {
                sendJson(call, 200, changeJson(admin.deactivate(caller(call, services), pathNrp(call))));
              }, true));
  server.Post(std::string(kOfficerPath) + "/activate", apiEndpoint([&](Call& call) {
                sendJson(call, 200, changeJson(admin.activate(caller(call, services), pathNrp(call))));
              }, true));
  server.Post(std::string(kOfficerPath) + "/password", apiEndpoint([&](Call& call) {
                const auto principal = caller(call, services);
                service::managedArea(principal);
                const auto body = json::JsonBody::parse(call.request.body.empty() ? "{}" : call.request.body);
                sendJson(call, 200, changeJson(admin.resetPassword(principal, pathNrp(call), body.text("password"))));
              }, true));
  server.Put(std::string(kOfficerPath) + "/villages", apiEndpoint([&](Call& call) {
               const auto principal = caller(call, services);
               service::managedArea(principal);
               const auto body = json::JsonBody::parse(call.request.body);
               const auto villages = body.texts("villages");
               if (!villages) throw api::ApiError::invalidForm({{"villages", report::ErrorCode::Required}});
               sendJson(call, 200,
                        changeJson(admin.assignVillages(principal, pathNrp(call), *villages,
                                                        body.boolean("takeOver").value_or(false))));
             }, true));
}

}  // namespace bhabin::server::http
