#include "server/service/reports.h"

#include <algorithm>
#include <cmath>
#include <variant>

#include "core/domain/region_code.h"
#include "core/geo/haversine.h"
#include "core/report/report_validation.h"
#include "core/report/status_machine.h"
#include "core/report/worklist_order.h"
#include "core/sync/sync_server.h"
#include "core/tracking/tracking_code.h"
#include "core/wire/form_json.h"
#include "server/api/api_error.h"
#include "server/api/report_views.h"
#include "server/json/json_body.h"
#include "server/service/rate_limits.h"
#include "server/storage/audit_rows.h"
#include "server/storage/counters.h"
#include "server/storage/officer_rows.h"
#include "server/storage/outcome_rows.h"
#include "server/storage/region_rows.h"

namespace bhabin::server::service {

namespace {

constexpr std::size_t kSecretBytes = 12;  // 96 bits on top of the tracking code's 75
constexpr std::size_t kMaxDuplicates = 5;
constexpr double kKmPerDegreeLat = 111.2;

report::Actor actorFor(const Principal& principal) {
  const bool officer = principal.account.role == storage::AccountRole::Officer;
  return {officer ? report::Role::Officer : report::Role::Supervisor, principal.account.nrp};
}

// Who may see and work a report: its assigned officer, and supervisors whose area holds its village.
bool mayWork(const Principal& principal, const report::Report& report) {
  switch (principal.account.role) {
    case storage::AccountRole::Officer: return report.assignedOfficerNrp() == principal.account.nrp;
    case storage::AccountRole::Supervisor: return storage::isWithinArea(report.details().villageCode, principal.account.areaCode);
    case storage::AccountRole::Admin: return true;
  }
  return false;
}

// The reports a principal works: an officer's assigned ones, a supervisor's (or admin's) area.
storage::ReportFilter filterFor(const Principal& principal) {
  storage::ReportFilter filter;
  const bool officer = principal.account.role == storage::AccountRole::Officer;
  filter.scope = officer ? storage::ReportScope::AssignedTo : storage::ReportScope::InArea;
  filter.subject = officer ? principal.account.nrp : principal.account.areaCode;
  return filter;
}

std::vector<report::Deadline> deadlinesOf(const report::Report& report, const Backend& backend) {
  const report::DeadlinePolicy& policy = backend.settings().deadlines.forCategory(report.details().category);
  return report::runningDeadlines(report, policy, report::areaUtcOffsetMinutes(report.details().villageCode),
                                  backend.now());
}

ReportForStaff staffView(const Backend& backend, storage::StoredReport stored, const Principal& principal,
                         std::vector<storage::ReporterRow> reporters = {}) {
  ReportForStaff view{std::move(stored), std::move(reporters), {}, {}};
  view.allowedMoves = report::StatusMachine::allowedMoves(view.stored.report, actorFor(principal));
  view.deadlines = deadlinesOf(view.stored.report, backend);
  return view;
}

// The officer whose load a report counts towards: its assignee while it is open.
std::string loadHolder(const report::Report& report) {
  return report::isFinal(report.status()) ? std::string() : report.assignedOfficerNrp();
}

void moveLoad(storage::Connection& connection, const std::string& before, const std::string& after) {
  if (before == after) return;
  storage::addOpenReports(connection, before, -1);
  storage::addOpenReports(connection, after, +1);
}

std::string canonicalCode(const std::string& typed) {
  const auto parsed = tracking::parseTrackingCode(typed);
  if (const auto* code = std::get_if<tracking::TrackingCode>(&parsed)) return code->text;
  throw api::ApiError(400, "invalid_tracking_code", std::string(tracking::trackingCodeErrorName(std::get<tracking::TrackingCodeError>(parsed))));
}

StoredAnswer replayOrRefuse(const storage::IdempotencyRecord& record, const std::string& requestHash, int httpStatus) {
  // The retention purge blanks the hashes of creations and joins whose bodies named a reporter: a late retry
  // still gets its first answer, which names no reporter.
  if (!record.requestHash.empty() && record.requestHash != requestHash) throw api::ApiError(422, "idempotency_key_reused");
  return {httpStatus, record.response, true};
}

report::ReportForm decodeForm(const std::string& body) {
  auto decoded = wire::decodeReportForm(body);
  if (auto* error = std::get_if<wire::ParseError>(&decoded)) throw api::ApiError(400, "invalid_json", error->message);
  return std::get<report::ReportForm>(std::move(decoded));
}

// The device may have made the tracking code itself (offline): it must be valid and name the village's regency.
std::string chooseTrackingCode(const std::optional<std::string>& proposed, const std::string& villageCode) {
  const std::string regency = domain::regencyOf(villageCode).value_or("");
  if (!proposed) {
    tracking::RandomBytes random{};
    const std::string bytes = auth::randomBytes(random.size());
    std::copy(bytes.begin(), bytes.end(), random.begin());
    return tracking::makeTrackingCode(regency, random)->text;
  }
  const std::string code = canonicalCode(*proposed);
  if (storage::regencyOfTrackingCode(code) != regency) {
    throw api::ApiError(422, "invalid_tracking_code", "the code's regency prefix differs from the village's regency " + regency);
  }
  return code;
}

std::vector<std::pair<storage::StoredReport, double>> openReportsNearby(storage::Connection& connection, report::Category category,
                                                                        const geo::LatLon& at, double radiusKm) {
  const double dLat = radiusKm / kKmPerDegreeLat;
  const double dLon = radiusKm / (kKmPerDegreeLat * std::max(0.01, std::cos(at.latDeg * M_PI / 180.0)));
  storage::NearbyFilter filter{std::string(report::categoryCode(category)), at.latDeg - dLat, at.latDeg + dLat,
                               at.lonDeg - dLon, at.lonDeg + dLon};
  std::vector<std::pair<storage::StoredReport, double>> nearby;
  for (auto& stored : storage::openReportsInBox(connection, filter)) {
    const double km = geo::haversineKm(at, stored.report.details().position);
    if (km <= radiusKm) nearby.emplace_back(std::move(stored), km);
  }
  std::stable_sort(nearby.begin(), nearby.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (nearby.size() > kMaxDuplicates) nearby.erase(nearby.begin() + static_cast<std::ptrdiff_t>(kMaxDuplicates), nearby.end());
  return nearby;
}

// What a citizen may see of another's open report before joining it: no reporter, no description.
void writeOpenReports(json::JsonWriter& out, const std::vector<std::pair<storage::StoredReport, double>>& reports) {
  out.beginArray();
  for (const auto& [stored, km] : reports) {
    const report::Report& other = stored.report;
    out.beginObject()
        .member("trackingCode", other.details().trackingCode)
        .member("category", report::categoryCode(other.details().category))
        .member("title", other.details().title)
        .member("status", report::statusCode(other.status()))
        .member("distanceKm", km)
        .member("createdAtUnixMs", other.timeline().front().atUnixMs)
        .endObject();
  }
  out.endArray();
}

std::string creationAnswer(const report::Report& report, const std::string& secret,
                           const matching::MyOfficerResult& match,
                           const std::vector<std::pair<storage::StoredReport, double>>& duplicates) {
  json::JsonWriter out;
  out.beginObject()
      .member("trackingCode", report.details().trackingCode)
      .member("secret", secret)
      .member("status", report::statusCode(report.status()))
      .member("villageCode", report.details().villageCode)
      .member("assignmentReason", match.answer.assignmentReason());
  out.key("assignedOfficer");
  api::writeOfficerCard(out, match.assignee);
  out.key("duplicates");
  writeOpenReports(out, duplicates);
  out.endObject();
  return out.str();
}

std::string moveAnswer(const sync::ChangeResult& result, const ReportForStaff& view,
                       const std::optional<matching::OfficerCard>& assigned) {
  json::JsonWriter out;
  out.beginObject().member("outcome", sync::outcomeCode(result.outcome)).member("message", result.message).key("report");
  api::writeStaffReport(out, view, assigned);
  out.endObject();
  return out.str();
}

// Guessing tracking codes, through track or join, draws on one per-address budget of failures.
std::string guessSubject(const std::string& clientAddress) { return "track-ip:" + clientAddress; }

void refuseWhileGuessing(Backend& backend, const std::string& clientAddress) {
  const RateLimit& limit = backend.settings().trackingFailuresPerAddress;
  const bool blocked = storage::inTransaction(backend.pool(), storage::Durability::ReadOnly, [&](storage::Connection& c) {
    return storage::currentHits(c, guessSubject(clientAddress), backend.now(), limit.windowMs) >= limit.maxHits;
  });
  if (blocked) throw api::ApiError::tooManyRequests(static_cast<int>(limit.windowMs / 1000));
}

void countGuess(Backend& backend, const std::string& clientAddress) {
  limitHits(backend, guessSubject(clientAddress), backend.settings().trackingFailuresPerAddress);
}

// The canonical code when `secret` is that report's; otherwise counts a guess and answers report_not_found.
std::string holderOfSecret(Backend& backend, const std::string& typedCode, const std::string& secret,
                           const std::string& clientAddress) {
  refuseWhileGuessing(backend, clientAddress);
  const std::string code = canonicalCode(typedCode);
  if (!auth::constantTimeEquals(secret, reportSecret(backend.reportSecretKey(), code))) {
    countGuess(backend, clientAddress);
    throw api::ApiError(404, "report_not_found");
  }
  return code;
}

// The public view with the roster as last refreshed (refresh it first, outside any transaction).
std::string publicAnswer(Backend& backend, const report::Report& report) {
  json::JsonWriter out;
  api::writePublicReport(out, report, backend.roster().card(report.assignedOfficerNrp()),
                         report::confirmWindowEnd(report, backend.settings().confirmWindowMs));
  return out.str();
}

}  // namespace

std::string reportSecret(const std::string& key, const std::string& trackingCode) {
  const std::string mac = auth::hmacSha256(key, "report-secret:" + trackingCode).substr(0, kSecretBytes);
  std::string hex = auth::toHex(mac);
  return hex.substr(0, 8) + "-" + hex.substr(8, 8) + "-" + hex.substr(16, 8);
}

void checkIdempotencyKey(const std::string& key) {
  if (key.empty()) throw api::ApiError(400, "idempotency_key_required");
  const bool shapeOk = key.size() >= 16 && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
  });
  if (!shapeOk) throw api::ApiError(400, "idempotency_key_invalid");
}

StoredAnswer Reports::create(const CreateReportRequest& request) {
  checkIdempotencyKey(request.idempotencyKey);
  const BackendSettings& settings = backend_.settings();
  report::ReportForm form = decodeForm(request.body);
  const auto proposedCode = json::JsonBody::parse(request.body).text("trackingCode");

  backend_.refreshRoster();
  matching::OfficerRoster& roster = backend_.roster();
  if (form.villageCode.empty() && form.latDeg && form.lonDeg && geo::isValid({*form.latDeg, *form.lonDeg})) {
    form.villageCode = roster.myOfficer({*form.latDeg, *form.lonDeg}, std::nullopt).answer.villageCode.value_or("");
  }
  const std::int64_t now = backend_.now();
  auto validated = report::validateReportForm(form, now, settings.validation);
  if (!validated.ok()) throw api::ApiError::invalidForm(validated.errors);
  report::ReportDetails details = std::move(*validated.value);
  if (!roster.knowsVillage(details.villageCode)) {
    throw api::ApiError::invalidForm({{"villageCode", report::ErrorCode::InvalidVillageCode}});
  }
  details.trackingCode = chooseTrackingCode(proposedCode, details.villageCode);
  const std::string regency = storage::regencyOfTrackingCode(details.trackingCode);
  const std::string requestHash = auth::sha256Hex(request.body);

  const matching::MyOfficerResult match = roster.myOfficer(details.position, details.villageCode);
  const std::string assignee = match.assignee ? match.assignee->nrp : std::string();
  // The identity goes to its own table, readable only by the assigned officer and supervisors (audited).
  const storage::ReporterRow reporter{details.reporter.anonymous, details.reporter.name, details.reporter.phoneE164, now};
  details.reporter.name.clear();
  details.reporter.phoneE164.clear();
  const report::Report report =
      report::StatusMachine::submit(details, {report::Role::Citizen, ""}, now, assignee, match.answer.assignmentReason());
  const std::string secret = reportSecret(backend_.reportSecretKey(), details.trackingCode);

  const auto storeOnce = [&](storage::Connection& connection) -> StoredAnswer {
    if (auto seen = storage::findReportCreation(connection, regency, request.idempotencyKey)) {
      return replayOrRefuse(*seen, requestHash, 201);
    }
    // Counted with the report itself: a retry is not counted twice, a refusal is rolled back with the rest.
    refuseOverLimit(connection, backend_, "write-ip:" + request.clientAddress, settings.anonymousWritesPerAddress);
    const auto duplicates = openReportsNearby(connection, report.details().category, report.details().position, settings.duplicateRadiusKm);
    storage::NewReportRow row{request.idempotencyKey, requestHash, creationAnswer(report, secret, match, duplicates),
                              storage::nextCounterValue(connection, storage::kChangesCounter), now};
    storage::insertReport(connection, report, row);
    storage::insertReporter(connection, report.details().trackingCode, reporter);
    storage::addOpenReports(connection, assignee, +1);
    return {201, row.response, false};
  };
  try {
    return storage::inTransaction(backend_.pool(), storage::Durability::Durable, storeOnce);
  } catch (const storage::DatabaseError& error) {
    if (error.kind() != storage::DatabaseErrorKind::UniqueViolation) throw;
    // Either the same request raced us (its answer is now stored) or the device reused a tracking code.
    auto seen = storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly, [&](storage::Connection& c) {
      return storage::findReportCreation(c, regency, request.idempotencyKey);
    });
    if (seen) return replayOrRefuse(*seen, requestHash, 201);
    throw api::ApiError(409, "tracking_code_taken");
  }
}

StoredAnswer Reports::join(const std::string& trackingCode, const std::string& body, const std::string& idempotencyKey,
                           const std::string& clientAddress) {
  checkIdempotencyKey(idempotencyKey);
  const std::string code = canonicalCode(trackingCode);
  const report::ReportForm form = decodeForm(body);
  auto validated = report::validateReporter(form, backend_.settings().validation);
  if (!validated.ok()) throw api::ApiError::invalidForm(validated.errors);
  const std::string requestHash = auth::sha256Hex(code + "\n" + body);
  const std::string secret = reportSecret(backend_.reportSecretKey(), code);
  const std::int64_t now = backend_.now();
  // Joining answers the secret: without this budget, joins would let anyone try codes without limit (a refused
  // join rolls its write-limit hit back with the rest of its transaction).
  refuseWhileGuessing(backend_, clientAddress);
  const auto joinOnce = [&](storage::Connection& connection) {
    if (auto seen = storage::findAppliedChange(connection, storage::regencyOfTrackingCode(code), idempotencyKey)) {
      return replayOrRefuse(*seen, requestHash, 200);
    }
    refuseOverLimit(connection, backend_, "write-ip:" + clientAddress, backend_.settings().anonymousWritesPerAddress);
    const auto stored = storage::loadReport(connection, code, true);
    if (!stored) throw api::ApiError(404, "report_not_found");
    if (report::isFinal(stored->report.status())) throw api::ApiError(409, "move_not_allowed", "the report is closed");
    storage::insertReporter(connection, code, {validated.value->anonymous, validated.value->name, validated.value->phoneE164, now});
    json::JsonWriter out;
    out.beginObject().member("trackingCode", code).member("secret", secret).endObject();
    storage::insertAppliedChange(connection, idempotencyKey, {code, requestHash, out.str()}, now);
    return StoredAnswer{200, out.str(), false};
  };
  try {
    return storage::inTransaction(backend_.pool(), storage::Durability::Durable, joinOnce);
  } catch (const api::ApiError& error) {
    if (error.code() == "report_not_found") countGuess(backend_, clientAddress);
    throw;
  }
}

std::string Reports::openNearby(report::Category category, const geo::LatLon& at, const std::string& clientAddress) {
  limitHits(backend_, "nearby-ip:" + clientAddress, backend_.settings().nearbyLookupsPerAddress);
  const auto nearby = storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly, [&](storage::Connection& c) {
    return openReportsNearby(c, category, at, backend_.settings().duplicateRadiusKm);
  });
  json::JsonWriter out;
  out.beginObject().key("reports");
  writeOpenReports(out, nearby);
  out.endObject();
  return out.str();
}

std::string Reports::track(const std::string& typedCode, const std::string& secret, const std::string& clientAddress) {
  const std::string code = holderOfSecret(backend_, typedCode, secret, clientAddress);
  auto stored = storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly,
                                       [&](storage::Connection& c) { return storage::loadReport(c, code, false); });
  if (!stored) {
    countGuess(backend_, clientAddress);
    throw api::ApiError(404, "report_not_found");
  }
  backend_.refreshRoster();
  return publicAnswer(backend_, stored->report);
}

StoredAnswer Reports::answerResolution(const CitizenAnswer& asked) {
  checkIdempotencyKey(asked.idempotencyKey);
  const std::string code = holderOfSecret(backend_, asked.trackingCode, asked.secret, asked.clientAddress);
  const BackendSettings& settings = backend_.settings();
  const bool reopen = asked.action == report::Action::Reopen;
  auto reason = report::validateNote(reopen ? asked.reason : std::string(), reopen, settings.validation);
  for (report::ValidationError& error : reason.errors) error.field = "reason";  // the citizen's body names it so
  if (!reason.ok()) throw api::ApiError::invalidForm(reason.errors);
  const std::string requestHash = auth::sha256Hex(code + "\n" + asked.requestBody);
  const std::int64_t now = backend_.now();
  backend_.refreshRoster();
  return storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& connection) {
    if (auto seen = storage::findAppliedChange(connection, storage::regencyOfTrackingCode(code), asked.idempotencyKey)) {
      return replayOrRefuse(*seen, requestHash, 200);
    }
    auto stored = storage::loadReport(connection, code, true);
    if (!stored) throw api::ApiError(404, "report_not_found");
    if (stored->report.status() != report::Status::Resolved) throw api::ApiError(409, "report_not_resolved");
    if (!report::withinConfirmWindow(stored->report, settings.confirmWindowMs, now)) {
      throw api::ApiError(409, "confirm_window_passed");
    }
    const std::string loadBefore = loadHolder(stored->report);
    report::Move move;
    move.action = asked.action;
    move.actor.role = report::Role::Citizen;
    move.atUnixMs = now;
    move.note = *reason.value;
    move.rating = asked.rating;
    if (auto refused = report::StatusMachine::apply(stored->report, move)) {
      throw api::ApiError(409, "move_not_allowed", refused->message);
    }
    storage::updateReport(connection, stored->report, storage::nextCounterValue(connection, storage::kChangesCounter), now);
    moveLoad(connection, loadBefore, loadHolder(stored->report));
    storage::recordOutcome(connection, stored->report);
    const std::string answer = publicAnswer(backend_, stored->report);
    storage::insertAppliedChange(connection, asked.idempotencyKey, {code, requestHash, answer}, now);
    return StoredAnswer{200, answer, false};
  });
}

ReportForStaff Reports::forStaff(const Principal& principal, const std::string& trackingCode) {
  const std::string code = canonicalCode(trackingCode);
  return storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& connection) {
    auto stored = storage::loadReport(connection, code, false);
    // Someone else's report looks exactly like a report that does not exist.
    if (!stored || !mayWork(principal, stored->report)) throw api::ApiError(404, "report_not_found");
    ReportForStaff view = staffView(backend_, std::move(*stored), principal, storage::reportersOf(connection, code));
    // A reporter erased by the retention purge shows nothing, so showing them is not audited.
    const bool identityShown = std::any_of(view.reporters.begin(), view.reporters.end(), [](const storage::ReporterRow& r) {
      return !r.anonymous && (!r.name.empty() || !r.phoneE164.empty());
    });
    if (identityShown) {
      storage::insertAuditEntry(connection, {view.stored.regencyCode, storage::newAuditEntryId(), backend_.now(),
                                             principal.account.nrp, "view_reporter", code});
    }
    return view;
  });
}

storage::StoredReport Reports::visible(const Principal& principal, const std::string& trackingCode) {
  const std::string code = canonicalCode(trackingCode);
  auto stored = storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly,
                                       [&](storage::Connection& c) { return storage::loadReport(c, code, false); });
  if (!stored || !mayWork(principal, stored->report)) throw api::ApiError(404, "report_not_found");
  return std::move(*stored);
}

std::vector<ReportForStaff> Reports::worklist(const Principal& principal, bool openOnly) {
  storage::ReportFilter filter = filterFor(principal);
  filter.openOnly = openOnly;
  auto stored = storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly,
                                       [&](storage::Connection& c) { return storage::listReports(c, filter); });
  std::vector<ReportForStaff> list;
  for (auto& item : stored) list.push_back(staffView(backend_, std::move(item), principal));
  std::sort(list.begin(), list.end(), [](const ReportForStaff& a, const ReportForStaff& b) {
    return report::comesFirstInWorklist(a.stored.report, b.stored.report);
  });
  return list;
}

StoredAnswer Reports::move(const Principal& principal, const std::string& trackingCode, const NewMove& asked,
                           const std::string& idempotencyKey, const std::string& requestBody) {
  checkIdempotencyKey(idempotencyKey);
  const std::string code = canonicalCode(trackingCode);
  const BackendSettings& settings = backend_.settings();
  auto note = report::validateNote(asked.note, report::noteRequired(asked.action), settings.validation);
  if (!note.ok()) throw api::ApiError::invalidForm(note.errors);
  backend_.refreshRoster();
  if (asked.action == report::Action::HandOver && !backend_.roster().card(asked.handOverToNrp)) {
    throw api::ApiError::invalidForm({{"handOverToNrp", report::ErrorCode::InvalidNrp}});
  }
  const std::string requestHash = auth::sha256Hex(code + "\n" + requestBody);
  const std::int64_t now = backend_.now();
  return storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& connection) {
    if (auto seen = storage::findAppliedChange(connection, storage::regencyOfTrackingCode(code), idempotencyKey)) {
      return replayOrRefuse(*seen, requestHash, 200);
    }
    auto stored = storage::loadReport(connection, code, true);
    if (!stored || !mayWork(principal, stored->report)) throw api::ApiError(404, "report_not_found");
    sync::Change change;
    change.idempotencyKey = idempotencyKey;
    change.kind = sync::ChangeKind::ApplyMove;
    change.actor = actorFor(principal);
    change.createdAtUnixMs = now;
    change.reportId = code;
    change.action = asked.action;
    change.note = *note.value;
    change.handOverToNrp = asked.handOverToNrp;
    const std::string loadBefore = loadHolder(stored->report);
    const sync::ChangeResult result = sync::applyMoveChange(stored->report, change, now);
    if (result.outcome != sync::Outcome::Refused) {
      stored->changeSeq = storage::nextCounterValue(connection, storage::kChangesCounter);
      storage::updateReport(connection, stored->report, stored->changeSeq, now);
      moveLoad(connection, loadBefore, loadHolder(stored->report));
    }
    const ReportForStaff view = staffView(backend_, std::move(*stored), principal);
    const std::string answer = moveAnswer(result, view, backend_.roster().card(view.stored.report.assignedOfficerNrp()));
    const int status = result.outcome == sync::Outcome::Refused ? 409 : 200;
    storage::insertAppliedChange(connection, idempotencyKey, {code, requestHash, answer}, now);
    return StoredAnswer{status, answer, false};
  });
}

std::vector<storage::AuditEntry> Reports::audit(const Principal& principal, const std::string& trackingCode) {
  const std::string code = visible(principal, trackingCode).report.details().trackingCode;
  return storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly,
                                [&](storage::Connection& c) { return storage::auditEntriesFor(c, code); });
}

PullAnswer Reports::pull(const Principal& principal, std::int64_t sinceCursor, std::size_t limit) {
  storage::ReportFilter filter = filterFor(principal);
  filter.sinceChangeSeq = sinceCursor;
  filter.inChangeOrder = true;
  filter.limit = limit + 1;
  PullAnswer answer;
  storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly, [&](storage::Connection& connection) {
    // Read first: every change numbered up to it is committed, so the cursor never skips one.
    const std::int64_t committed = storage::currentCounterValue(connection, storage::kChangesCounter);
    auto stored = storage::listReports(connection, filter);
    answer.more = stored.size() > limit;
    if (answer.more) stored.erase(stored.begin() + static_cast<std::ptrdiff_t>(limit), stored.end());
    answer.cursor = answer.more ? stored.back().changeSeq
                                : std::max(std::max(committed, sinceCursor), stored.empty() ? 0 : stored.back().changeSeq);
    for (auto& item : stored) answer.reports.push_back(staffView(backend_, std::move(item), principal));
  });
  return answer;
}

}  // namespace bhabin::server::service
