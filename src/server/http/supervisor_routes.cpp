// Supervisors' views of their area (Polsek: a district, Polres: a regency, Polda: a province): the officers
// with their duty, position, load and how citizens answered their resolved reports, reports counted by status
// and category, and the dashboard for a period: the core's figures (stats::computeAreaStats), the reports late
// now (stats::overdueReports) and where the period's reports were, for the map. Reports
// themselves come from the worklist and pull endpoints, which scope supervisors to their area.
#include <httplib.h>

#include <cmath>
#include <map>
#include <variant>

#include "server/api/api_error.h"
#include "server/http/api_handler.h"
#include "server/http/api_routes.h"
#include "server/json/json_writer.h"
#include "core/domain/local_time.h"
#include "core/report/category.h"
#include "core/stats/area_stats.h"
#include "core/stats/overdue_reports.h"
#include "core/stats/period.h"
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
constexpr std::size_t kOverdueListed = 100;
constexpr std::size_t kMapPointsListed = 50000;

// `from` and `to` are local days of the area's time zone, both included; by default the last 30 days.
stats::Period requestedPeriod(const Call& call, const std::string& areaCode, std::int64_t nowUnixMs) {
  const auto from = queryParam(call, "from");
  const auto to = queryParam(call, "to");
  auto period = stats::requestedPeriod(from ? std::optional<std::string_view>(*from) : std::nullopt,
                                       to ? std::optional<std::string_view>(*to) : std::nullopt,
                                       domain::zoneOfArea(areaCode), nowUnixMs, kDefaultPeriodDays);
  if (auto* problem = std::get_if<std::string>(&period)) throw api::ApiError(400, "invalid_period", *problem);
  return std::get<stats::Period>(period);
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
        .member("escalatedInPeriod", row.escalatedInPeriod)
        .member("dutyMsInPeriod", row.dutyMsInPeriod);
    writeDurations(out, "toReceive", row.toReceive);
    out.endObject();
  }
  out.endArray();
}

void writeOverdue(json::JsonWriter& out, const stats::OverdueReports& overdue) {
  out.member("overdueTotal", static_cast<std::int64_t>(overdue.total)).key("overdue").beginArray();
  for (const stats::OverdueReport& late : overdue.latest) {
    out.beginObject()
        .member("trackingCode", late.trackingCode)
        .member("category", report::categoryCode(late.category))
        .member("status", report::statusCode(late.status))
        .member("assignedNrp", late.assignedNrp)
        .member("deadline", report::deadlineCode(late.deadline.kind))
        .member("dueAtUnixMs", late.deadline.dueAtUnixMs)
        .member("lateByMs", late.deadline.lateByMs)
        .member("escalated", late.deadline.escalated)
        .endObject();
  }
  out.endArray();
}

// Where the period's reports were, as two columns of degrees rounded to about 11 m: enough for a density
// map, compact for a province's year.
void writeReportPoints(json::JsonWriter& out, const std::vector<report::Report>& reports, const stats::Period& period) {
  const auto rounded = [](double degrees) { return std::round(degrees * 1e4) / 1e4; };
  const std::int64_t from = period.startUnixMs();
  const std::int64_t to = period.endUnixMs();
  std::vector<const report::Report*> inPeriod;
  for (const report::Report& report : reports) {
    const std::int64_t submittedAt = report.timeline().front().atUnixMs;
    if (inPeriod.size() < kMapPointsListed && submittedAt >= from && submittedAt < to) inPeriod.push_back(&report);
  }
  out.key("reportPoints").beginObject().key("latDeg").beginArray();
  for (const report::Report* report : inPeriod) out.value(rounded(report->details().position.latDeg));
  out.endArray().key("lonDeg").beginArray();
  for (const report::Report* report : inPeriod) out.value(rounded(report->details().position.lonDeg));
  out.endArray().endObject();
}

struct Dashboard {
  stats::Period period;
  stats::AreaStats figures;
  stats::OverdueReports overdue;
  std::vector<report::Report> reports;
  std::vector<storage::OfficerInArea> officers;
};

std::string dashboardJson(const std::string& areaCode, const Dashboard& dashboard) {
  const stats::Period& period = dashboard.period;
  const stats::AreaStats& figures = dashboard.figures;
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
  writeOfficerRows(out, figures, dashboard.officers);
  writeOverdue(out, dashboard.overdue);
  writeReportPoints(out, dashboard.reports, period);
  out.endObject();
  return out.str();
}

void areaDashboard(Call& call, ApiServices& services) {
  const auto principal = supervisorOf(call, services);
  const std::string& area = principal.account.areaCode;
  const std::int64_t now = services.backend.now();
  Dashboard dashboard{requestedPeriod(call, area, now), {}, {}, {}, {}};
  const std::int64_t from = dashboard.period.startUnixMs();
  const std::int64_t to = dashboard.period.endUnixMs();
  stats::AreaRecords records;
  storage::inTransaction(services.backend.pool(), storage::Durability::ReadOnly, [&](storage::Connection& c) {
    dashboard.officers = storage::officersInArea(c, area);
    for (auto& stored : storage::reportsForPeriod(c, area, from, to)) records.reports.push_back(std::move(stored.report));
    records.visits = storage::visitTimes(c, dashboard.officers, from, to);
    records.dutyChanges = storage::dutyChangesInArea(c, area, from, to);
    return 0;
  });
  for (const auto& officer : dashboard.officers) records.officerNrps.push_back(officer.nrp);
  dashboard.figures = stats::computeAreaStats(records, dashboard.period, now);
  dashboard.overdue = stats::overdueReports(records.reports, services.backend.settings().deadlines, now, kOverdueListed);
  dashboard.reports = std::move(records.reports);
  sendJson(call, 200, dashboardJson(area, dashboard));
}

}  // namespace

void registerSupervisorRoutes(httplib::Server& server, ApiServices& services) {
  server.Get("/api/v1/area/officers", apiEndpoint([&services](Call& call) { areaOfficers(call, services); }));
  server.Get("/api/v1/area/summary", apiEndpoint([&services](Call& call) { areaSummary(call, services); }));
  server.Get("/api/v1/area/dashboard", apiEndpoint([&services](Call& call) { areaDashboard(call, services); }));
}

}  // namespace bhabin::server::http
