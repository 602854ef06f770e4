#include "server/service/exports.h"

#include <cstdio>
#include <map>
#include <optional>
#include <variant>
#include <vector>

#include "core/domain/region_code.h"
#include "core/domain/local_time.h"
#include "core/report/category.h"
#include "core/report/field_checks.h"
#include "core/report/status.h"
#include "core/stats/period.h"
#include "core/wire/csv.h"
#include "server/api/api_error.h"
#include "server/json/json_writer.h"
#include "server/open311/w3c_datetime.h"
#include "server/service/roster_admin.h"
#include "server/storage/audit_rows.h"
#include "server/storage/report_rows.h"
#include "server/storage/visit_rows.h"

namespace bhabin::server::service {

namespace {

constexpr std::size_t kMaxReasonChars = 500;

// A cell as the CSV needs to know it: people's text (guarded against formulas), the server's own codes and
// times, or a number (a number in GeoJSON too).
struct Cell {
  enum class Kind { Text, Plain, Number } kind = Kind::Plain;
  std::string text;
  double number = 0;
};

Cell text(std::string value) { return {Cell::Kind::Text, std::move(value), 0}; }
Cell plain(std::string value) { return {Cell::Kind::Plain, std::move(value), 0}; }
Cell number(double value) { return {Cell::Kind::Number, {}, value}; }

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<geo::LatLon> positions;  // one per row, the GeoJSON point
};

struct Period {
  storage::TimeRange range;
  int utcOffsetMinutes = 0;
};

// Both days included, midnight to midnight in the area's zone; both must be named, as they name the file.
Period periodOf(const ExportRequest& request, const std::string& area, std::int64_t now) {
  if (request.from.empty() || request.to.empty()) {
    throw api::ApiError(400, "invalid_period", "from and to must both be given, as dates like 2026-11-01");
  }
  auto requested = stats::requestedPeriod(request.from, request.to, domain::zoneOfArea(area), now, stats::kLongestPeriodDays);
  if (auto* problem = std::get_if<std::string>(&requested)) throw api::ApiError(400, "invalid_period", *problem);
  const stats::Period& days = std::get<stats::Period>(requested);
  return {{days.startUnixMs(), days.endUnixMs()}, domain::utcOffsetMinutes(days.zone)};
}

std::string checkedReason(const ExportRequest& request) {
  std::vector<report::ValidationError> errors;
  std::string reason =
      report::checkText(request.reason, "reason", {text::Lines::Single, false, 0, kMaxReasonChars}, errors);
  if (!errors.empty()) throw api::ApiError::invalidForm(std::move(errors));
  if (reason.empty()) throw api::ApiError(422, "reason_required");
  return reason;
}

template <class Rows>
void refuseTooMany(const Rows& rows) {
  if (rows.size() > kMaxExportRows)
    throw api::ApiError(422, "export_too_large", "more than " + std::to_string(kMaxExportRows) + " rows");
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : "; ") + item;
  return text;
}

Table reportTable(storage::Connection& connection, const std::string& area, const Period& period, bool personal,
                  std::int64_t closedBefore) {
  const auto reports = storage::reportsFiledInArea(connection, area, period.range, kMaxExportRows + 1);
  refuseTooMany(reports);
  Table table;
  table.columns = {"tracking_code", "filed_at", "incident_at", "category", "status", "title", "village_code",
                   "latitude", "longitude", "assigned_officer_nrp", "updated_at"};
  std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> reporters;
  if (personal) {
    table.columns.insert(table.columns.end(), {"description", "reporter_names", "reporter_phones"});
    for (auto& reporter : storage::identifiedReportersInArea(connection, area, period.range, closedBefore)) {
      auto& [names, phones] = reporters[reporter.trackingCode];
      if (!reporter.name.empty()) names.push_back(std::move(reporter.name));
      if (!reporter.phoneE164.empty()) phones.push_back(std::move(reporter.phoneE164));
    }
  }
  const int zone = period.utcOffsetMinutes;
  for (const storage::StoredReport& stored : reports) {
    const report::ReportDetails& details = stored.report.details();
    std::vector<Cell> row = {plain(details.trackingCode),
                             plain(open311::formatW3cDateTime(stored.createdAtUnixMs, zone)),
                             plain(open311::formatW3cDateTime(details.incidentAtUnixMs, zone)),
                             plain(std::string(report::categoryCode(details.category))),
                             plain(std::string(report::statusCode(stored.report.status()))),
                             text(details.title),
                             plain(details.villageCode),
                             number(details.position.latDeg),
                             number(details.position.lonDeg),
                             plain(stored.report.assignedOfficerNrp()),
                             plain(open311::formatW3cDateTime(stored.updatedAtUnixMs, zone))};
    if (personal) {
      const auto& [names, phones] = reporters[details.trackingCode];
      row.insert(row.end(), {text(details.description), text(joined(names)), text(joined(phones))});
    }
    table.rows.push_back(std::move(row));
    table.positions.push_back(details.position);
  }
  return table;
}

std::string topicsText(const std::vector<domain::VisitTopic>& topics) {
  std::vector<std::string> codes;
  for (domain::VisitTopic topic : topics) codes.emplace_back(domain::topicCode(topic));
  return joined(codes);
}

Table visitTable(storage::Connection& connection, const std::string& area, const Period& period, bool personal) {
  const auto visits = storage::visitsInArea(connection, area, period.range, kMaxExportRows + 1);
  refuseTooMany(visits);
  Table table;
  table.columns = {"visit_id", "visited_at", "officer_nrp", "latitude", "longitude", "place", "topics"};
  if (personal) table.columns.push_back("notes");
  for (const storage::StoredVisit& stored : visits) {
    const domain::SambangVisit& visit = stored.visit;
    std::vector<Cell> row = {plain(stored.visitId),
                             plain(open311::formatW3cDateTime(visit.visitedAtUnixMs, period.utcOffsetMinutes)),
                             plain(visit.officerNrp),
                             number(visit.position.latDeg),
                             number(visit.position.lonDeg),
                             text(visit.place),
                             plain(topicsText(visit.topics))};
    if (personal) row.push_back(text(visit.notes));
    table.rows.push_back(std::move(row));
    table.positions.push_back(visit.position);
  }
  return table;
}

std::string csvOf(const Table& table) {
  wire::CsvWriter out(table.columns);
  for (const std::vector<Cell>& row : table.rows) {
    for (const Cell& cell : row) {
      switch (cell.kind) {
        case Cell::Kind::Text: out.text(cell.text); break;
        case Cell::Kind::Plain: out.plain(cell.text); break;
        case Cell::Kind::Number: out.number(cell.number); break;
      }
    }
    out.endRow();
  }
  return out.str();
}

std::string geoJsonOf(const Table& table) {
  json::JsonWriter out;
  out.beginObject().member("type", "FeatureCollection").key("features").beginArray();
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    out.beginObject().member("type", "Feature").key("geometry").beginObject().member("type", "Point");
    out.key("coordinates").beginArray().value(table.positions[i].lonDeg).value(table.positions[i].latDeg).endArray();
    out.endObject().key("properties").beginObject();
    for (std::size_t column = 0; column < table.columns.size(); ++column) {
      const Cell& cell = table.rows[i][column];
      out.key(table.columns[column]);
      if (cell.kind == Cell::Kind::Number) {
        out.value(cell.number);
      } else {
        out.value(cell.text);
      }
    }
    out.endObject().endObject();
  }
  out.endArray().endObject();
  return out.str();
}

std::string fileName(const ExportRequest& request, const std::string& area) {
  return std::string(request.data == ExportData::Reports ? "reports-" : "visits-") + (area.empty() ? "all" : area) +
         "-" + request.from + "-" + request.to + (request.format == ExportFormat::Csv ? ".csv" : ".geojson");
}

}  // namespace

ExportFile Exports::run(const Principal& caller, const ExportRequest& request) {
  const std::string area = managedArea(caller);
  const std::int64_t now = backend_.now();
  const Period period = periodOf(request, area, now);
  const std::string reason = request.personalData ? checkedReason(request) : "";
  const std::int64_t closedBefore = now - backend_.settings().reporterIdentityRetentionMs;
  ExportFile file;
  file.fileName = fileName(request, area);
  file.utcOffsetMinutes = period.utcOffsetMinutes;
  // Durable only when an audit row is written; the row commits before the file leaves the server.
  const auto durability = request.personalData ? storage::Durability::Durable : storage::Durability::ReadOnly;
  const Table table = storage::inTransaction(backend_.pool(), durability, [&](storage::Connection& connection) {
    Table read = request.data == ExportData::Reports
                     ? reportTable(connection, area, period, request.personalData, closedBefore)
                     : visitTable(connection, area, period, request.personalData);
    if (request.personalData) {
      storage::insertAuditEntry(connection, {domain::regencyOf(area).value_or(area), storage::newAuditEntryId(), now,
                                             caller.account.nrp, "export_personal_data",
                                             file.fileName + " rows=" + std::to_string(read.rows.size()) + " reason: " + reason});
    }
    return read;
  });
  file.rows = table.rows.size();
  if (request.format == ExportFormat::Csv) {
    file.contentType = "application/octet-stream";  // not text/csv: see http/export_routes.cpp
    file.body = csvOf(table);
  } else {
    file.contentType = "application/geo+json";
    file.body = geoJsonOf(table);
  }
  return file;
}

}  // namespace bhabin::server::service
