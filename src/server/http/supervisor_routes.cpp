// Supervisors' views of their area (Polsek: a district, Polres: a regency, Polda: a province): the officers
// with their duty, position, load and how citizens answered their resolved reports, reports counted by status
// and category, and the dashboard's figures for a period (the core's stats::computeAreaStats). Reports
// themselves come from the worklist and pull endpoints, which scope supervisors to their area.
#include <httplib.h>

#include <map>

#include "server/api/api_error.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/json/json_writer.h"
#include "core/domain/local_time.h"
#include "core/report/category.h"
#include "core/stats/area_stats.h"
#include "server/storage/officer_rows.h"
#include "server/storage/outcome_rows.h"
#include "server/storage/report_rows.h"
#include "server/storage/visit_rows.h"

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

constexpr int kDefaultPeriodDays = 30;
constexpr int kLongestPeriodDays = 366;
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

domain::LocalDate dateParam(const Call& call, const char* name, const domain::LocalDate& fallback) {
  const auto text = queryParam(call, name);
  if (!text) return fallback;
  const auto date = domain::parseIsoDate(*text);
  if (!date) throw api::ApiError(400, "invalid_period", std::string(name) + " must be a date as YYYY-MM-DD");
  return *date;
}

// `from` and `to` are local days of the area's time zone, both included; by default the last 30 days.
stats::Period requestedPeriod(const Call& call, const std::string& areaCode, std::int64_t nowUnixMs) {
  // The whole country has no zone of its own; its days are Jakarta's.
  const domain::TimeZone zone = domain::timeZoneOfRegion(areaCode).value_or(domain::TimeZone::WIB);
  const domain::LocalDate to = dateParam(call, "to", domain::localDateOf(nowUnixMs, zone));
  const domain::LocalDate monthBefore =
      domain::localDateOf(domain::localMidnightUnixMs(to, zone) - (kDefaultPeriodDays - 1) * kDayMs, zone);
  const stats::Period period{dateParam(call, "from", monthBefore), to, zone};
  if (period.endUnixMs() <= period.startUnixMs()) throw api::ApiError(400, "invalid_period", "from must not be after to");
  if (period.dayCount() > kLongestPeriodDays) throw api::ApiError(400, "invalid_period", "a period is at most 366 days");
  return period;
}

void writeDurations(json::JsonWriter& out, const char* name, const stats::DurationSummary& summary) {
  out.key(name).beginObject().member("count", summary.count).member("medianMs", summary.medianMs).member("p90Ms", summary.p90Ms).endObject();
}

void writeOfficerRows(json::JsonWriter& out, const stats::AreaStats& figures, const std::vector<storage::OfficerInArea>& officers) {
  std::map<std::string, const storage::OfficerInArea*> byNrp;
  for (const auto& officer : officers) byNrp[officer.nrp] = &officer;
  out.key("officers").beginArray();
  for (const stats::OfficerRow& row : figures.officers) {
    const auto found = byNrp.find(row.nrp);
    out.beginObject()
        .member("nrp", row.nrp)
        .member("name", found == byNrp.end() ? std::string() : found->second->name)
        .member("onDuty", found != byNrp.end() && found->second->state.onDuty)
        .member("openNow", row.openNow)
        .member("assignedInPeriod", row.assignedInPeriod)
        .member("resolvedInPeriod", row.resolvedInPeriod)
        .member("visitsInPeriod", row.visitsInPeriod)
        .member("confirmedInPeriod", row.confirmedInPeriod)
        .member("reopenedByCitizensInPeriod", row.reopenedByCitizensInPeriod)
        .member("ratingSum", row.ratingSum)
        .member("ratingCount", row.ratingCount)
        .member("escalatedInPeriod", row.escalatedInPeriod);
    writeDurations(out, "toReceive", row.toReceive);
    out.endObject();
  }
  out.endArray();
}

std::string dashboardJson(const std::string& areaCode, const stats::Period& period, const stats::AreaStats& figures,
                          const std::vector<storage::OfficerInArea>& officers) {
  json::JsonWriter out;
  out.beginObject()
      .member("areaCode", areaCode)
      .member("timeZone", domain::timeZoneCode(period.zone))
      .member("from", domain::isoDate(period.firstDay))
      .member("to", domain::isoDate(period.lastDay))
      .member("submitted", figures.submitted)
      .member("escalatedInPeriod", figures.escalatedInPeriod);
  out.key("byStatusAndCategory").beginArray();
  for (const auto& count : figures.byStatusAndCategory) {
    out.beginObject()
        .member("status", report::statusCode(count.status))
        .member("category", report::categoryCode(count.category))
        .member("count", count.count)
        .endObject();
  }
  out.endArray().key("days").beginArray();
  for (const auto& day : figures.days) {
    out.beginObject().member("date", domain::isoDate(day.day)).member("submitted", day.submitted).member("resolved", day.resolved).endObject();
  }
  out.endArray();
  writeDurations(out, "submittedToReceived", figures.submittedToReceived);
  writeDurations(out, "submittedToResolved", figures.submittedToResolved);
  writeOfficerRows(out, figures, officers);
  out.endObject();
  return out.str();
}

void areaDashboard(Call& call, ApiServices& services) {
  const auto principal = supervisorOf(call, services);
  const std::string& area = principal.account.areaCode;
  const stats::Period period = requestedPeriod(call, area, services.backend.now());
  const std::int64_t from = period.startUnixMs();
  const std::int64_t to = period.endUnixMs();
  std::vector<storage::OfficerInArea> officers;
  std::vector<report::Report> reports;
  std::vector<stats::VisitEntry> visits;
  storage::inTransaction(services.backend.pool(), storage::Durability::ReadOnly, [&](storage::Connection& c) {
    officers = storage::officersInArea(c, area);
    for (auto& stored : storage::reportsForPeriod(c, area, from, to)) reports.push_back(std::move(stored.report));
    visits = storage::visitTimes(c, officers, from, to);
    return 0;
  });
  std::vector<std::string> nrps;
  for (const auto& officer : officers) nrps.push_back(officer.nrp);
  sendJson(call, 200, dashboardJson(area, period, stats::computeAreaStats(reports, visits, nrps, period), officers));
}

}  // namespace

void registerSupervisorRoutes(httplib::Server& server, ApiServices& services) {
  server.Get("/api/v1/area/officers", apiEndpoint([&services](Call& call) { areaOfficers(call, services); }));
  server.Get("/api/v1/area/summary", apiEndpoint([&services](Call& call) { areaSummary(call, services); }));
  server.Get("/api/v1/area/dashboard", apiEndpoint([&services](Call& call) { areaDashboard(call, services); }));
}

}  // namespace bhabin::server::http
