#include "ui/citizen_reports.h"

#include <algorithm>

#include "core/domain/region_code.h"
#include "core/sync/change.h"
#include "core/tracking/tracking_code.h"
#include "ui/api_problem.h"

namespace bhabin::ui {

std::optional<std::string> canonicalTrackingCode(const std::string& typed) {
  auto parsed = tracking::parseTrackingCode(typed);
  if (auto* code = std::get_if<tracking::TrackingCode>(&parsed)) return code->text;
  return std::nullopt;
}

void CitizenReports::restore() {
  platform_.load(kStorageKey, [this](std::optional<std::string> bytes) {
    if (bytes) {
      auto decoded = wire::decodeTrackedReports(*bytes);
      if (auto* stored = std::get_if<std::vector<wire::TrackedReport>>(&decoded)) {
        for (auto& report : *stored) {
          if (!trackedReport(report.trackingCode)) tracked_.push_back(std::move(report));
        }
      }
    }
    restored_ = true;
    adoptQueuedReports();
    if (changedBeforeRestore_) persist();
  });
}

void CitizenReports::adoptQueuedReports() {
  bool adopted = false;
  for (const sync::Change& change : outbox_.outbox().pending()) {
    if (change.kind == sync::ChangeKind::ApplyMove || trackedReport(change.reportId)) continue;
    tracked_.push_back({change.reportId, "", change.details.title, change.createdAtUnixMs});
    adopted = true;
  }
  if (!adopted) return;
  std::stable_sort(tracked_.begin(), tracked_.end(), [](const wire::TrackedReport& a, const wire::TrackedReport& b) {
    return a.createdAtUnixMs > b.createdAtUnixMs;
  });
  persist();
}

std::optional<std::string> CitizenReports::submit(report::ReportDetails details, std::optional<std::string> photo,
                                                  std::function<void(bool)> photoSaved) {
  const auto regency = domain::regencyOf(details.villageCode);
  if (!regency) return std::nullopt;
  const auto code = tracking::makeTrackingCode(*regency, randomArray<tracking::kRandomBytes>(platform_));
  if (!code) return std::nullopt;
  details.trackingCode = code->text;
  const std::int64_t now = platform_.nowUnixMs();
  tracked_.insert(tracked_.begin(), {code->text, "", details.title, now});
  persist();

  sync::Change change = citizenChange(sync::ChangeKind::SubmitReport, code->text, now);
  change.details = std::move(details);
  change.details.photoRef.clear();  // filled in by the outbox once the photo is uploaded
  // Stored before the change is queued: device storage applies writes in order, so the outbox never finds
  // the report without its photo.
  if (photo) platform_.save(OutboxSender::photoStorageKey(change.idempotencyKey), *photo, std::move(photoSaved));
  outbox_.queue(std::move(change));
  return code->text;
}

void CitizenReports::join(const wire::DuplicateView& other, const report::Reporter& joiner) {
  const std::int64_t now = platform_.nowUnixMs();
  if (!trackedReport(other.trackingCode)) {
    tracked_.insert(tracked_.begin(), {other.trackingCode, "", other.title, now});
    persist();
  }
  sync::Change change = citizenChange(sync::ChangeKind::JoinReport, other.trackingCode, now);
  change.details.trackingCode = other.trackingCode;
  change.details.title = other.title;
  change.details.reporter = joiner;
  outbox_.queue(std::move(change));
}

void CitizenReports::created(const sync::Change& change, const wire::CreationAnswer& answer) {
  auto found = std::find_if(tracked_.begin(), tracked_.end(),
                            [&](const wire::TrackedReport& r) { return r.trackingCode == change.reportId; });
  if (found == tracked_.end()) {
    tracked_.insert(tracked_.begin(), {answer.trackingCode, answer.secret, change.details.title, change.createdAtUnixMs});
  } else {
    found->secret = answer.secret;
  }
  persist();
}

void CitizenReports::track(const std::string& typedCode, const std::string& secret) {
  const auto code = canonicalTrackingCode(typedCode);
  if (!code) return;
  results_[*code].state = TrackResult::State::Loading;
  HttpRequest request;
  request.path = "/api/v1/track/" + *code;
  request.headers["X-Report-Secret"] = secret;
  platform_.send(request, [this, code = *code](const HttpResponse& response) {
    if (keepPublicView(code, response)) return;
    TrackResult& result = results_[code];
    result.problem = problemOf(response);
    // A failed refresh keeps the last report shown, with its age.
    result.state = response.status == 404 ? TrackResult::State::NotFound : TrackResult::State::Failed;
  });
}

bool CitizenReports::keepPublicView(const std::string& code, const HttpResponse& response) {
  TrackResult& result = results_[code];
  result.fetchedAtUnixMs = platform_.nowUnixMs();
  if (response.status != 200) return false;
  auto decoded = wire::decodePublicReport(response.body);
  if (auto* view = std::get_if<wire::PublicReportView>(&decoded)) {
    result.report = std::move(*view);
    result.state = TrackResult::State::Found;
    result.problem.clear();
  } else {
    result.problem = std::get<wire::ParseError>(decoded).message;
    result.state = TrackResult::State::Failed;
  }
  return true;
}

void CitizenReports::confirm(const std::string& code, const std::string& secret, std::uint32_t rating) {
  answer(code, secret, "confirm", wire::encodeConfirmRequest(rating));
}

void CitizenReports::reopen(const std::string& code, const std::string& secret, const std::string& reason) {
  answer(code, secret, "reopen", wire::encodeReopenRequest(reason));
}

void CitizenReports::answer(const std::string& code, const std::string& secret, const char* what, std::string body) {
  TrackResult& result = results_[code];
  if (result.answering) return;
  result.answering = true;
  result.answerFailed = false;
  HttpRequest request;
  request.method = "POST";
  request.path = "/api/v1/track/" + code + "/" + what;
  request.headers["X-Report-Secret"] = secret;
  request.headers["Idempotency-Key"] = sync::makeIdempotencyKey(randomArray<sync::kIdempotencyKeyBytes>(platform_));
  request.headers["Content-Type"] = "application/json";
  request.body = std::move(body);
  platform_.send(request, [this, code](const HttpResponse& response) {
    TrackResult& answered = results_[code];
    answered.answering = false;
    answered.answerFailed = !keepPublicView(code, response);
    answered.answerProblem = answered.answerFailed ? problemOf(response) : std::string();
  });
}

const TrackResult* CitizenReports::trackResult(const std::string& code) const {
  const auto found = results_.find(code);
  return found == results_.end() ? nullptr : &found->second;
}

const wire::TrackedReport* CitizenReports::trackedReport(const std::string& code) const {
  for (const auto& report : tracked_) {
    if (report.trackingCode == code) return &report;
  }
  return nullptr;
}

// A change by this device's citizen (anonymous to the sync: who they are travels in the report), with a key
// of its own.
sync::Change CitizenReports::citizenChange(sync::ChangeKind kind, const std::string& trackingCode, std::int64_t nowUnixMs) {
  sync::Change change;
  change.idempotencyKey = sync::makeIdempotencyKey(randomArray<sync::kIdempotencyKeyBytes>(platform_));
  change.kind = kind;
  change.actor = {report::Role::Citizen, ""};
  change.createdAtUnixMs = nowUnixMs;
  change.reportId = trackingCode;
  return change;
}

// Until the stored list has been read, saving would replace it: the save waits for restore() to merge.
void CitizenReports::persist() {
  if (!restored_) {
    changedBeforeRestore_ = true;
    return;
  }
  platform_.save(kStorageKey, wire::encodeTrackedReports(tracked_), [](bool) {});
}

}  // namespace bhabin::ui
