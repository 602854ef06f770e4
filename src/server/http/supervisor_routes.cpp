// Supervisors' views of their area (Polsek: a district, Polres: a regency, Polda: a province): the officers
// with their duty, position and load, and reports counted by status and category. Reports themselves come
// from the worklist and pull endpoints, which scope supervisors to their area.
#include <httplib.h>

#include "server/api/api_error.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/json/json_writer.h"
#include "server/storage/officer_rows.h"

namespace bhabin::server::http {

namespace {

service::Principal supervisorOf(Call& call, ApiServices& services) {
  auto principal = services.accounts.authenticate(sessionToken(call.request));
  if (principal.account.role == storage::AccountRole::Officer) throw api::ApiError(403, "forbidden", "for supervisors only");
  return principal;
}

void areaOfficers(Call& call, ApiServices& services) {
  const auto principal = supervisorOf(call, services);
  const auto officers = storage::inTransaction(services.backend.pool(), storage::Durability::ReadOnly, [&](storage::Connection& c) {
    return storage::officersInArea(c, principal.account.areaCode);
  });
  json::JsonWriter out;
  out.beginObject().member("areaCode", principal.account.areaCode).key("officers").beginArray();
  for (const auto& officer : officers) {
    out.beginObject()
        .member("nrp", officer.nrp)
        .member("name", officer.name)
        .member("phone", officer.phoneE164)
        .member("onDuty", officer.state.onDuty)
        .member("openReports", std::int64_t{officer.state.openReports})
        .member("positionAtUnixMs", officer.state.positionAtUnixMs);
    out.key("position").beginObject().member("latDeg", officer.state.position.latDeg).member("lonDeg", officer.state.position.lonDeg).endObject();
    out.endObject();
  }
  out.endArray().endObject();
  sendJson(call, 200, out.str());
}

void areaSummary(Call& call, ApiServices& services) {
  const auto principal = supervisorOf(call, services);
  const auto counts = storage::inTransaction(services.backend.pool(), storage::Durability::ReadOnly, [&](storage::Connection& c) {
    return storage::reportCountsInArea(c, principal.account.areaCode);
  });
  json::JsonWriter out;
  out.beginObject().member("areaCode", principal.account.areaCode).key("counts").beginArray();
  for (const auto& count : counts) {
    out.beginObject().member("status", count.status).member("category", count.category).member("count", count.count).endObject();
  }
  out.endArray().endObject();
  sendJson(call, 200, out.str());
}

}  // namespace

void registerSupervisorRoutes(httplib::Server& server, ApiServices& services) {
  server.Get("/api/v1/area/officers", apiEndpoint([&services](Call& call) { areaOfficers(call, services); }));
  server.Get("/api/v1/area/summary", apiEndpoint([&services](Call& call) { areaSummary(call, services); }));
}

}  // namespace bhabin::server::http
