// Supervisors' views of their area (Polsek: a district, Polres: a regency, Polda: a province): the officers
// with their duty, position, load and how citizens answered their resolved reports, and reports counted by
// status and category. Reports themselves come
// from the worklist and pull endpoints, which scope supervisors to their area.
#include <httplib.h>

#include <map>

#include "server/api/api_error.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/json/json_writer.h"
#include "server/storage/officer_rows.h"
#include "server/storage/outcome_rows.h"

namespace bhabin::server::http {

namespace {

service::Principal supervisorOf(Call& call, ApiServices& services) {
  auto principal = services.accounts.authenticate(sessionToken(call.request));
  if (principal.account.role == storage::AccountRole::Officer) throw api::ApiError(403, "forbidden", "for supervisors only");
  return principal;
}

// Members of an officer's entry: "confirmed", "reopened", "autoClosed", "ratings" and "ratingAverage" (null
// without ratings).
void writeOutcomes(json::JsonWriter& out, const storage::OfficerOutcomes& outcomes) {
  out.member("confirmed", outcomes.confirmed)
      .member("reopened", outcomes.reopened)
      .member("autoClosed", outcomes.autoClosed)
      .member("ratings", outcomes.rated);
  if (outcomes.rated > 0) {
    out.member("ratingAverage", static_cast<double>(outcomes.ratingSum) / static_cast<double>(outcomes.rated));
  } else {
    out.key("ratingAverage").null();
  }
}

void areaOfficers(Call& call, ApiServices& services) {
  const auto principal = supervisorOf(call, services);
  std::vector<storage::OfficerInArea> officers;
  std::map<std::string, storage::OfficerOutcomes> outcomes;
  storage::inTransaction(services.backend.pool(), storage::Durability::ReadOnly, [&](storage::Connection& c) {
    officers = storage::officersInArea(c, principal.account.areaCode);
    for (auto& outcome : storage::outcomesInArea(c, principal.account.areaCode)) outcomes[outcome.nrp] = outcome;
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
    writeOutcomes(out, outcomes[officer.nrp]);
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
