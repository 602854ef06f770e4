// The server's JSON answers as the browser app reads them. The server writes them (src/server/api); this is
// the other half of that contract, kept in the core so it compiles natively for tests. Every answer is
// hostile until decoded: the core's JSON limits first, then each member checked for its type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/domain/sambang_visit.h"
#include "core/geo/lat_lon.h"
#include "core/report/deadlines.h"
#include "core/report/report.h"
#include "core/stats/area_stats.h"
#include "core/stats/overdue_reports.h"
#include "core/wire/flat_json.h"

namespace bhabin::wire {

struct OfficerCardView {
  std::string nrp;
  std::string name;
  std::string phoneE164;  // may be empty
};

struct FieldErrorView {
  std::string field;
  std::string code;
  std::string message;
};

// {"error":{"code","message","fields":[…]}}: the message is already in the language the request asked for.
struct ApiErrorView {
  std::string code;
  std::string message;
  std::vector<FieldErrorView> fields;
};

// Another citizen's open report nearby, offered for "ikut melapor" (no reporters, no description).
struct DuplicateView {
  std::string trackingCode;
  std::string title;
  std::string status;
  double distanceKm = 0.0;
  std::int64_t createdAtUnixMs = 0;
};

// POST /reports and POST /reports/CODE/reporters.
struct CreationAnswer {
  std::string trackingCode;
  std::string secret;
  std::string assignmentReason;  // empty for a join
  std::optional<OfficerCardView> assignedOfficer;
  std::vector<DuplicateView> duplicates;
};

struct PublicTimelineEvent {
  report::Action action = report::Action::Submit;
  report::Status status = report::Status::Submitted;
  report::Role actorRole = report::Role::Citizen;
  std::int64_t atUnixMs = 0;
  std::string note;
  std::uint32_t rating = 0;  // confirm: the citizen's 1-5; 0 = none
};

// GET /track/CODE: what a citizen may see of a report (no identities).
struct PublicReportView {
  std::string trackingCode;
  report::Category category = report::Category::Other;
  std::string title;
  std::string description;
  report::Status status = report::Status::Submitted;
  std::int64_t incidentAtUnixMs = 0;
  geo::LatLon position;
  std::optional<OfficerCardView> assignedOfficer;
  std::vector<PublicTimelineEvent> timeline;
  std::optional<std::int64_t> confirmBeforeUnixMs;  // resolved: until when the citizen may confirm or reopen
};

struct SessionView {
  std::string nrp;
  std::string name;
  std::string role;      // "officer", "supervisor", "admin"
  std::string areaCode;
};

struct ReporterView {
  bool anonymous = true;
  std::string name;
  std::string phoneE164;
};

// A deadline running on a report, as the server's policy for its category gives it.
struct DeadlineView {
  report::DeadlineKind kind = report::DeadlineKind::Receive;
  std::int64_t dueAtUnixMs = 0;
  std::int64_t lateByMs = 0;  // 0 while on time
  bool escalated = false;     // the supervisor was told
};

// One report as staff see it (GET /reports/CODE, the worklist's items, a move's answer).
struct StaffReportView {
  report::Report report;
  std::optional<OfficerCardView> assignedOfficer;
  std::vector<ReporterView> reporters;
  std::vector<report::Action> allowedMoves;
  std::vector<DeadlineView> deadlines;  // none from a server that predates deadlines
};

// A move's answer: `outcome` is "applied", "applied_as_note" or "refused" (sync::Outcome codes; a refusal
// comes with status 409, the reason in `message`, and the report as it stands).
struct MoveAnswer {
  std::string outcome;
  std::string message;
  StaffReportView report;
};

struct OfficerStatusView {
  bool onDuty = false;
  std::int64_t openReports = 0;
};

// GET /area/dashboard: the core's area statistics for a period, with each officer's name and duty.
struct DashboardOfficerView {
  stats::OfficerRow figures;
  std::string name;
  bool onDuty = false;
};

struct AreaDashboardView {
  std::string areaCode;
  std::string timeZone;  // "WIB", "WITA" or "WIT"
  domain::LocalDate from;
  domain::LocalDate to;
  std::int64_t submitted = 0;
  std::int64_t escalatedInPeriod = 0;
  std::vector<stats::StatusCategoryCount> byStatusAndCategory;
  std::vector<stats::DayCounts> days;
  stats::DurationSummary submittedToReceived;
  stats::DurationSummary submittedToResolved;
  std::vector<DashboardOfficerView> officers;
  std::int64_t overdueTotal = 0;
  std::vector<stats::OverdueReport> overdue;  // the most late first, at most the server's limit
  std::vector<geo::LatLon> reportPoints;      // where the period's reports were filed (rounded to ~11 m)
};

struct HandOverCandidate {
  OfficerCardView officer;
  double distanceKm = 0.0;
};

std::variant<ApiErrorView, ParseError> decodeApiError(std::string_view json);
std::variant<CreationAnswer, ParseError> decodeCreationAnswer(std::string_view json);
std::variant<PublicReportView, ParseError> decodePublicReport(std::string_view json);
// GET /visits: {"visits":[{"visitId","visit":{…the visit codec's JSON…}}]}, newest first.
std::variant<std::vector<domain::SambangVisit>, ParseError> decodeVisitList(std::string_view json);
// POST /photos: {"photoRef","mediaType","bytes"}; the ref the report form names the photo by.
std::variant<std::string, ParseError> decodePhotoRef(std::string_view json);
// GET /reports/nearby: {"reports":[…]}, nearest first.
std::variant<std::vector<DuplicateView>, ParseError> decodeOpenReportsNearby(std::string_view json);
std::variant<SessionView, ParseError> decodeSession(std::string_view json);
std::variant<std::vector<StaffReportView>, ParseError> decodeWorklist(std::string_view json);  // {"reports":[…]}
std::variant<StaffReportView, ParseError> decodeStaffReport(std::string_view json);
std::variant<MoveAnswer, ParseError> decodeMoveAnswer(std::string_view json);  // {"outcome","message","report"}
std::variant<OfficerStatusView, ParseError> decodeOfficerStatus(std::string_view json);
std::variant<std::vector<HandOverCandidate>, ParseError> decodeHandOverCandidates(std::string_view json);
std::variant<AreaDashboardView, ParseError> decodeAreaDashboard(std::string_view json);

}  // namespace bhabin::wire
