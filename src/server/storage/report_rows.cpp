#include "server/storage/report_rows.h"

#include <map>
#include <set>
#include <variant>

#include "core/wire/report_codec.h"

namespace bhabin::server::storage {

namespace {

constexpr std::string_view kOpenStatuses = "('submitted', 'received', 'in_process', 'handed_over')";

std::vector<StoredReport> reportsFromRows(const std::vector<Row>& rows) {
  std::vector<StoredReport> reports;
  reports.reserve(rows.size());
  for (const Row& row : rows) reports.push_back(decodeStoredReport(row));
  return reports;
}

std::optional<IdempotencyRecord> idempotencyFromRows(const std::vector<Row>& rows) {
  if (rows.empty()) return std::nullopt;
  return IdempotencyRecord{rows[0].text(0), rows[0].text(1), rows[0].text(2)};
}

// "33.29" and below as a LIKE pattern that cannot match "33.290...": the code itself or anything under it.
std::string areaPattern(const std::string& area) { return area.empty() ? "%" : area + ".%"; }

// A finished report's updated_at is when it finished: only reopen (and, after resolve, the citizen's confirm
// or the server's auto_close, which finish it again) can change it afterwards.
const std::string kClosedBefore = "r.status IN ('resolved', 'rejected', 'closed') AND r.updated_at < $1";

}  // namespace

StoredReport decodeStoredReport(const Row& row) {
  auto decoded = wire::decodeReportJson(row.text(0));
  if (auto* error = std::get_if<wire::ParseError>(&decoded)) {
    throw DatabaseError(DatabaseErrorKind::Other, "a stored report cannot be read back: " + error->message);
  }
  return {std::move(std::get<report::Report>(decoded)), row.text(1), row.integer(2), row.integer(3), row.integer(4)};
}

std::string regencyOfTrackingCode(std::string_view trackingCode) {
  if (trackingCode.size() < 4) return "";
  return std::string(trackingCode.substr(0, 2)) + "." + std::string(trackingCode.substr(2, 2));
}

void insertReport(Connection& connection, const report::Report& report, const NewReportRow& row) {
  const report::ReportDetails& details = report.details();
  connection.query(
      "INSERT INTO reports (regency_code, tracking_code, idempotency_key, request_hash, response, category, status, "
      "assigned_nrp, village_code, lat, lon, created_at, updated_at, change_seq, record) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14)",
      {regencyOfTrackingCode(details.trackingCode), details.trackingCode, row.idempotencyKey, row.requestHash, row.response,
       std::string(report::categoryCode(details.category)), std::string(report::statusCode(report.status())),
       report.assignedOfficerNrp(), details.villageCode, details.position.latDeg, details.position.lonDeg, row.nowUnixMs,
       row.changeSeq, wire::encodeReportJson(report)});
}

std::optional<IdempotencyRecord> findReportCreation(Connection& connection, const std::string& regencyCode,
                                                    const std::string& idempotencyKey) {
  return idempotencyFromRows(connection.query(
      "SELECT tracking_code, request_hash, response FROM reports WHERE regency_code = $1 AND idempotency_key = $2",
      {regencyCode, idempotencyKey}));
}

std::optional<StoredReport> loadReport(Connection& connection, const std::string& trackingCode, bool forUpdate) {
  std::string sql = "SELECT " + std::string(kStoredReportColumns) + " FROM reports WHERE regency_code = $1 AND tracking_code = $2";
  if (forUpdate && connection.dialect() == Dialect::Postgres) sql += " FOR UPDATE";
  const auto rows = connection.query(sql, {regencyOfTrackingCode(trackingCode), trackingCode});
  if (rows.empty()) return std::nullopt;
  return decodeStoredReport(rows[0]);
}

void updateReport(Connection& connection, const report::Report& report, std::int64_t changeSeq, std::int64_t nowUnixMs) {
  const std::string& code = report.details().trackingCode;
  connection.query(
      "UPDATE reports SET status = $3, assigned_nrp = $4, updated_at = $5, change_seq = $6, record = $7 "
      "WHERE regency_code = $1 AND tracking_code = $2",
      {regencyOfTrackingCode(code), code, std::string(report::statusCode(report.status())), report.assignedOfficerNrp(),
       nowUnixMs, changeSeq, wire::encodeReportJson(report)});
}

std::vector<StoredReport> listReports(Connection& connection, const ReportFilter& filter) {
  std::string sql = "SELECT " + std::string(kStoredReportColumns) + " FROM reports WHERE change_seq > $2 AND ";
  sql += filter.scope == ReportScope::AssignedTo ? "assigned_nrp = $1" : "village_code LIKE $1";
  if (filter.openOnly) sql += " AND status IN " + std::string(kOpenStatuses);
  sql += filter.inChangeOrder ? " ORDER BY change_seq ASC" : " ORDER BY created_at DESC, tracking_code";
  sql += " LIMIT $3";
  const std::string subject = filter.scope == ReportScope::AssignedTo ? filter.subject : areaPattern(filter.subject);
  return reportsFromRows(
      connection.query(sql, {subject, filter.sinceChangeSeq, static_cast<std::int64_t>(filter.limit)}));
}

std::vector<StoredReport> reportsForPeriod(Connection& connection, const std::string& area, std::int64_t fromUnixMs,
                                           std::int64_t toUnixMs) {
  return reportsFromRows(connection.query(
      "SELECT " + std::string(kStoredReportColumns) + " FROM reports WHERE village_code LIKE $1 "
          "AND ((created_at < $3 AND updated_at >= $2) OR status IN " + std::string(kOpenStatuses) + ")",
      {areaPattern(area), fromUnixMs, toUnixMs}));
}

std::vector<StoredReport> openReportsInBox(Connection& connection, const NearbyFilter& filter) {
  return reportsFromRows(connection.query(
      "SELECT " + std::string(kStoredReportColumns) + " FROM reports WHERE category = $1 AND status IN " +
          std::string(kOpenStatuses) + " AND lat BETWEEN $2 AND $3 AND lon BETWEEN $4 AND $5 ORDER BY created_at DESC LIMIT $6",
      {filter.category, filter.minLatDeg, filter.maxLatDeg, filter.minLonDeg, filter.maxLonDeg,
       static_cast<std::int64_t>(filter.limit)}));
}

std::vector<StoredReport> reportsToSweep(Connection& connection, const SweepFilter& filter) {
  return reportsFromRows(connection.query(
      "SELECT " + std::string(kStoredReportColumns) + " FROM reports WHERE tracking_code > $1 AND ((status IN " +
          std::string(kOpenStatuses) + " AND created_at < $2) OR (status = 'resolved' AND updated_at < $3)) " +
          "ORDER BY tracking_code LIMIT $4",
      {filter.afterCode, filter.openFiledBefore, filter.resolvedBefore, static_cast<std::int64_t>(filter.limit)}));
}

void insertReporter(Connection& connection, const std::string& trackingCode, const ReporterRow& reporter) {
  const std::string regency = regencyOfTrackingCode(trackingCode);
  connection.query(
      "INSERT INTO report_reporters (regency_code, tracking_code, seq, anonymous, name, phone, joined_at) "
      "SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, $3, $4, $5, $6 FROM report_reporters WHERE regency_code = $1 AND tracking_code = $2",
      {regency, trackingCode, std::int64_t{reporter.anonymous ? 1 : 0}, reporter.name, reporter.phoneE164,
       reporter.joinedAtUnixMs});
}

std::vector<ReporterRow> reportersOf(Connection& connection, const std::string& trackingCode) {
  std::vector<ReporterRow> reporters;
  for (const Row& row : connection.query(
           "SELECT anonymous, name, phone, joined_at FROM report_reporters WHERE regency_code = $1 AND tracking_code = $2 ORDER BY seq",
           {regencyOfTrackingCode(trackingCode), trackingCode})) {
    reporters.push_back({row.integer(0) != 0, row.text(1), row.text(2), row.integer(3)});
  }
  return reporters;
}

std::vector<ErasedIdentities> eraseReporterIdentities(Connection& connection, std::int64_t closedBeforeUnixMs) {
  const auto rows = connection.query(
      "UPDATE report_reporters SET name = '', phone = '' "
      "WHERE (name <> '' OR phone <> '') AND EXISTS (SELECT 1 FROM reports r "
      "WHERE r.regency_code = report_reporters.regency_code AND r.tracking_code = report_reporters.tracking_code "
      "AND " + kClosedBefore + ") RETURNING regency_code, tracking_code",
      {closedBeforeUnixMs});
  connection.query("UPDATE reports AS r SET request_hash = '' WHERE r.request_hash <> '' AND " + kClosedBefore, {closedBeforeUnixMs});
  connection.query(
      "UPDATE applied_changes SET request_hash = '' WHERE request_hash <> '' AND EXISTS (SELECT 1 FROM reports r "
      "WHERE r.regency_code = applied_changes.regency_code "
      "AND r.tracking_code = applied_changes.tracking_code AND " + kClosedBefore + ")",
      {closedBeforeUnixMs});
  std::map<std::string, std::pair<std::set<std::string>, std::int64_t>> byRegency;
  for (const Row& row : rows) {
    auto& [reports, reporters] = byRegency[row.text(0)];
    reports.insert(row.text(1));
    ++reporters;
  }
  std::vector<ErasedIdentities> erased;
  for (const auto& [regency, counts] : byRegency) {
    erased.push_back({regency, static_cast<std::int64_t>(counts.first.size()), counts.second});
  }
  return erased;
}

std::optional<IdempotencyRecord> findAppliedChange(Connection& connection, const std::string& regencyCode,
                                                   const std::string& idempotencyKey) {
  return idempotencyFromRows(connection.query(
      "SELECT tracking_code, request_hash, response FROM applied_changes WHERE regency_code = $1 AND idempotency_key = $2",
      {regencyCode, idempotencyKey}));
}

void insertAppliedChange(Connection& connection, const std::string& idempotencyKey, const IdempotencyRecord& record,
                         std::int64_t nowUnixMs) {
  connection.query(
      "INSERT INTO applied_changes (regency_code, idempotency_key, tracking_code, request_hash, response, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {regencyOfTrackingCode(record.trackingCode), idempotencyKey, record.trackingCode, record.requestHash, record.response,
       nowUnixMs});
}

std::vector<StoredReport> reportsFiledInArea(Connection& connection, const std::string& area, const TimeRange& range,
                                             std::size_t limit) {
  return reportsFromRows(connection.query(
      "SELECT " + std::string(kStoredReportColumns) +
          " FROM reports WHERE village_code LIKE $1 AND created_at >= $2 AND created_at < $3 "
          "ORDER BY created_at, tracking_code LIMIT $4",
      {areaPattern(area), range.fromUnixMs, range.toUnixMs, static_cast<std::int64_t>(limit)}));
}

std::vector<IdentifiedReporter> identifiedReportersInArea(Connection& connection, const std::string& area,
                                                          const TimeRange& range, std::int64_t closedBeforeUnixMs) {
  std::vector<IdentifiedReporter> reporters;
  for (const Row& row : connection.query(
           "SELECT p.tracking_code, p.name, p.phone FROM report_reporters p JOIN reports r "
           "ON r.regency_code = p.regency_code AND r.tracking_code = p.tracking_code "
           "WHERE r.village_code LIKE $1 AND r.created_at >= $2 AND r.created_at < $3 AND p.anonymous = 0 "
           "AND (p.name <> '' OR p.phone <> '') AND NOT (r.status IN ('resolved', 'rejected') AND r.updated_at < $4) "
           "ORDER BY p.tracking_code, p.seq",
           {areaPattern(area), range.fromUnixMs, range.toUnixMs, closedBeforeUnixMs})) {
    reporters.push_back({row.text(0), row.text(1), row.text(2)});
  }
  return reporters;
}

}  // namespace bhabin::server::storage
