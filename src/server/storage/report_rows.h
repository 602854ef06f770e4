// Reports as stored: the core's JSON of each report (its details and whole timeline) plus the columns the
// queries filter on, the reporters' identities apart from it, and the idempotency records of every change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/report/report.h"
#include "server/storage/database.h"

namespace bhabin::server::storage {

struct StoredReport {
  report::Report report;  // as recorded: the details carry no reporter name or phone
  std::string regencyCode;
  std::int64_t changeSeq = 0;
  std::int64_t createdAtUnixMs = 0;
  std::int64_t updatedAtUnixMs = 0;
};

// What a retried request with a known idempotency key gets back.
struct IdempotencyRecord {
  std::string trackingCode;
  std::string requestHash;
  std::string response;
};

// The columns to SELECT for decodeStoredReport, in its order, for queries written outside this file.
inline constexpr std::string_view kStoredReportColumns = "record, regency_code, change_seq, created_at, updated_at";
// One row of those columns as a report; throws DatabaseError when the stored JSON is damaged.
StoredReport decodeStoredReport(const Row& row);

// The regency a tracking code was issued for ("33.29" for "3329-..."): the report's distribution key.
std::string regencyOfTrackingCode(std::string_view trackingCode);

struct NewReportRow {
  std::string idempotencyKey;
  std::string requestHash;
  std::string response;
  std::int64_t changeSeq = 0;
  std::int64_t nowUnixMs = 0;
};

void insertReport(Connection& connection, const report::Report& report, const NewReportRow& row);
std::optional<IdempotencyRecord> findReportCreation(Connection& connection, const std::string& regencyCode,
                                                    const std::string& idempotencyKey);

// Loads and decodes a report; `forUpdate` locks its row until the transaction ends (PostgreSQL; SQLite's
// write transaction already excludes other writers). Throws DatabaseError when the stored JSON is damaged.
std::optional<StoredReport> loadReport(Connection& connection, const std::string& trackingCode, bool forUpdate);
void updateReport(Connection& connection, const report::Report& report, std::int64_t changeSeq, std::int64_t nowUnixMs);

enum class ReportScope { AssignedTo, InArea };
struct ReportFilter {
  ReportScope scope = ReportScope::AssignedTo;
  std::string subject;        // the officer's NRP, or the area code ('' = everywhere)
  bool openOnly = false;
  std::int64_t sinceChangeSeq = 0;
  bool inChangeOrder = false;  // oldest change first, for pulling pages behind a cursor; else newest report first
  std::size_t limit = 500;
};
std::vector<StoredReport> listReports(Connection& connection, const ReportFilter& filter);

// The reports of `area` a period's statistics read: those submitted before `toUnixMs` and changed since
// `fromUnixMs`, and every open one (officers' loads are counted now, whatever the period).
std::vector<StoredReport> reportsForPeriod(Connection& connection, const std::string& area, std::int64_t fromUnixMs,
                                           std::int64_t toUnixMs);

// Reports filed in [from, to) in villages of `area` ('' = all), oldest first, at most `limit`.
std::vector<StoredReport> reportsFiledInArea(Connection& connection, const std::string& area, const TimeRange& range,
                                             std::size_t limit);

struct NearbyFilter {
  std::string category;
  double minLatDeg = 0, maxLatDeg = 0, minLonDeg = 0, maxLonDeg = 0;
  std::size_t limit = 50;
};
std::vector<StoredReport> openReportsInBox(Connection& connection, const NearbyFilter& filter);

// A page of the reports the deadline sweep must look at, in tracking-code order after `afterCode`: open ones filed
// before `openFiledBefore` (no deadline can have passed for younger ones) and resolved ones last changed before
// `resolvedBefore` (their confirmation window may be over).
struct SweepFilter {
  std::int64_t openFiledBefore = 0;
  std::int64_t resolvedBefore = 0;
  std::string afterCode;
  std::size_t limit = 500;
};
std::vector<StoredReport> reportsToSweep(Connection& connection, const SweepFilter& filter);

struct ReporterRow {
  bool anonymous = true;
  std::string name;
  std::string phoneE164;
  std::int64_t joinedAtUnixMs = 0;
};
void insertReporter(Connection& connection, const std::string& trackingCode, const ReporterRow& reporter);
std::vector<ReporterRow> reportersOf(Connection& connection, const std::string& trackingCode);

struct IdentifiedReporter {
  std::string trackingCode;
  std::string name;
  std::string phoneE164;
};
// The named reporters of reportsFiledInArea's reports, by tracking code and then in joining order; none of a
// report closed before `closedBeforeUnixMs`, whose identity the retention purge erases (or is about to).
std::vector<IdentifiedReporter> identifiedReportersInArea(Connection& connection, const std::string& area,
                                                          const TimeRange& range, std::int64_t closedBeforeUnixMs);

// Reporters whose names and phones were blanked, per regency (the audit log's distribution key).
struct ErasedIdentities {
  std::string regencyCode;
  std::int64_t reports = 0;
  std::int64_t reporters = 0;
};
// Blanks the name and phone of every reporter of a report that was finished (resolved, rejected or closed) before
// `closedBeforeUnixMs`, keeping the rows (and whether each was anonymous) for the statistics. Rows already
// blank are not touched, so running it again changes nothing and answers nothing.
// The request hashes of the report's creation and joins go too: each hashes a body holding a name and phone,
// which a phone number's small space would let anyone reverse. Their stored answers name no reporter.
std::vector<ErasedIdentities> eraseReporterIdentities(Connection& connection, std::int64_t closedBeforeUnixMs);

std::optional<IdempotencyRecord> findAppliedChange(Connection& connection, const std::string& regencyCode,
                                                   const std::string& idempotencyKey);
void insertAppliedChange(Connection& connection, const std::string& idempotencyKey, const IdempotencyRecord& record,
                         std::int64_t nowUnixMs);

}  // namespace bhabin::server::storage
