#include "ui/outbox_sender.h"

#include <algorithm>

#include "core/report/photo.h"
#include "core/wire/api_requests.h"
#include "core/wire/sync_codec.h"
#include "ui/api_problem.h"

namespace bhabin::ui {

namespace {

bool isPermanentRefusal(int status) { return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429; }

}  // namespace

OutboxSender::OutboxSender(Platform& platform, OutboxListener listener)
    : platform_(platform), listener_(std::move(listener)) {}

void OutboxSender::restore() {
  platform_.load(kStorageKey, [this](std::optional<std::string> bytes) {
    if (bytes) {
      auto decoded = wire::decodeOutboxBinary(*bytes);
      if (auto* stored = std::get_if<sync::Outbox>(&decoded)) {
        // Changes queued while the storage was being read go after the stored ones, in the order made.
        sync::Outbox merged = std::move(*stored);
        for (const sync::Change& change : outbox_.pending()) merged.enqueue(change);
        outbox_ = std::move(merged);
      } else {
        lastProblem_ = "outbox on this device was damaged: " + std::get<wire::ParseError>(decoded).message;
      }
    }
    restored_ = true;
    // Changes queued meanwhile were held back from storage (a save then would have replaced the stored ones).
    if (!savesWaitingForRestore_.empty()) {
      persist([callbacks = std::move(savesWaitingForRestore_)](bool ok) {
        for (const auto& saved : callbacks) {
          if (saved) saved(ok);
        }
      });
      savesWaitingForRestore_.clear();
    }
    if (listener_.restored) listener_.restored();
  });
}

void OutboxSender::queue(sync::Change change, std::function<void(bool)> saved) {
  if (!outbox_.enqueue(std::move(change))) {
    if (saved) saved(true);  // the same change is already queued
    return;
  }
  if (!restored_) {
    savesWaitingForRestore_.push_back(std::move(saved));
    return;
  }
  persist(std::move(saved));
}

void OutboxSender::persist(std::function<void(bool)> done) {
  ++savesInFlight_;
  platform_.save(kStorageKey, wire::encodeOutboxBinary(outbox_), [this, done = std::move(done)](bool ok) {
    --savesInFlight_;
    if (done) done(ok);
  });
}

HttpRequest OutboxSender::requestFor(const sync::Change& change) const {
  HttpRequest request;
  request.method = "POST";
  request.headers["Content-Type"] = "application/json";
  request.headers["Idempotency-Key"] = change.idempotencyKey;
  if (change.kind == sync::ChangeKind::SubmitReport) {
    request.path = "/api/v1/reports";
    request.body = wire::encodeCreateReportRequest(change.details);
  } else if (change.kind == sync::ChangeKind::JoinReport) {
    request.path = "/api/v1/reports/" + change.reportId + "/reporters";
    request.body = wire::encodeJoinRequest(change.details.reporter);
  } else if (change.kind == sync::ChangeKind::LogVisit) {
    request.path = "/api/v1/visits";
    request.body = wire::encodeVisitRequest(change.visit);
  } else {
    request.path = "/api/v1/reports/" + change.reportId + "/moves";
    request.body = wire::encodeMoveRequest(change.action, change.note, change.handOverToNrp);
  }
  return request;
}

void OutboxSender::pump() {
  const sync::Change* head = outbox_.head();
  if (!restored_ || blocked_ || inFlight_ || !head) return;
  if (platform_.nowUnixMs() < nextAttemptAtUnixMs_) return;
  inFlight_ = head->idempotencyKey;
  const sync::Change change = *head;
  if (change.kind == sync::ChangeKind::SubmitReport && change.details.photoRef.empty()) {
    platform_.load(photoStorageKey(change.idempotencyKey), [this, change](std::optional<std::string> photo) {
      if (photo) {
        uploadPhoto(change, *photo);
      } else {
        sendChange(change);
      }
    });
    return;
  }
  sendChange(change);
}

void OutboxSender::sendChange(const sync::Change& change) {
  platform_.send(requestFor(change), [this, change](const HttpResponse& response) { answered(change, response); });
}

void OutboxSender::uploadPhoto(const sync::Change& change, const std::string& photo) {
  HttpRequest request;
  request.method = "POST";
  request.path = "/api/v1/photos";
  const auto type = report::detectPhotoType(photo);
  request.headers["Content-Type"] = std::string(report::photoMimeType(type.value_or(report::PhotoType::Jpeg)));
  request.body = photo;
  platform_.send(request, [this, change](const HttpResponse& response) { photoAnswered(change, response); });
}

void OutboxSender::photoAnswered(const sync::Change& change, const HttpResponse& response) {
  if (response.status >= 200 && response.status < 300) {
    auto ref = wire::decodePhotoRef(response.body);
    if (auto* photoRef = std::get_if<std::string>(&ref)) {
      if (sync::Change* queued = outbox_.find(change.idempotencyKey)) queued->details.photoRef = *photoRef;
      // The report is sent only once the outbox remembers the ref: a report re-sent after a restart with
      // another ref would no longer match its idempotency key.
      persist([this](bool) { inFlight_.reset(); });
      return;
    }
    inFlight_.reset();
    scheduleRetry(std::get<wire::ParseError>(ref).message, 0);
    return;
  }
  if (isPermanentRefusal(response.status)) {
    // The photo, not the report, was refused: the report goes on without it.
    wire::ApiErrorView error = apiErrorOf(response);
    error.code = "photo_refused";
    if (listener_.refused) listener_.refused({change, error});
    platform_.remove(photoStorageKey(change.idempotencyKey), [this](bool) { inFlight_.reset(); });
    return;
  }
  inFlight_.reset();
  scheduleRetry(problemOf(response), response.retryAfterSeconds);
}

void OutboxSender::answered(const sync::Change& change, const HttpResponse& response) {
  inFlight_.reset();
  if (response.status >= 200 && response.status < 300) {
    deliverAnswer(change, response.body);
    settle(change);
    return;
  }
  if (response.status == 401) {
    blocked_ = true;
    lastProblem_ = problemOf(response);
    return;
  }
  if (response.status == 409 && change.kind == sync::ChangeKind::ApplyMove) {
    // The move is no longer possible (someone else moved the report on): the answer says why and shows the
    // report as it stands.
    auto answer = wire::decodeMoveAnswer(response.body);
    if (auto* moved = std::get_if<wire::MoveAnswer>(&answer)) {
      if (listener_.moveApplied) listener_.moveApplied(change, moved->outcome, moved->report);
      const RefusedChange refused{change, {"move_refused", moved->message, {}}};
      settle(change);
      if (listener_.refused) listener_.refused(refused);
      return;
    }
  }
  if (isPermanentRefusal(response.status)) {
    const RefusedChange refused{change, apiErrorOf(response)};
    settle(change);
    if (listener_.refused) listener_.refused(refused);
    return;
  }
  scheduleRetry(problemOf(response), response.retryAfterSeconds);
}

void OutboxSender::deliverAnswer(const sync::Change& change, const std::string& body) {
  switch (change.kind) {
    case sync::ChangeKind::SubmitReport:
    case sync::ChangeKind::JoinReport: {
      auto answer = wire::decodeCreationAnswer(body);
      if (auto* created = std::get_if<wire::CreationAnswer>(&answer); created && listener_.reportCreated) {
        listener_.reportCreated(change, *created);
      }
      return;
    }
    case sync::ChangeKind::ApplyMove: {
      auto answer = wire::decodeMoveAnswer(body);
      if (auto* moved = std::get_if<wire::MoveAnswer>(&answer); moved && listener_.moveApplied) {
        listener_.moveApplied(change, moved->outcome, moved->report);
      }
      return;
    }
    case sync::ChangeKind::LogVisit:
      if (listener_.visitLogged) listener_.visitLogged(change);
      return;
  }
}

void OutboxSender::settle(const sync::Change& change) {
  outbox_.acknowledge(change.idempotencyKey);
  backoffMs_ = 0;
  nextAttemptAtUnixMs_ = 0;
  lastProblem_.clear();
  persist({});
  if (change.kind == sync::ChangeKind::SubmitReport) platform_.remove(photoStorageKey(change.idempotencyKey), {});
}

// Exponential backoff, doubled per failure up to a minute, and never sooner than the server asked.
void OutboxSender::scheduleRetry(const std::string& problem, int retryAfterSeconds) {
  backoffMs_ = backoffMs_ == 0 ? kFirstRetryMs : std::min(kMaxRetryMs, backoffMs_ * 2);
  const std::int64_t wait = std::max<std::int64_t>(backoffMs_, std::int64_t{retryAfterSeconds} * 1000);
  nextAttemptAtUnixMs_ = platform_.nowUnixMs() + wait;
  lastProblem_ = problem;
}

void OutboxSender::retryNow() {
  nextAttemptAtUnixMs_ = 0;
  backoffMs_ = 0;
}

void OutboxSender::unblock() {
  blocked_ = false;
  retryNow();
}

SyncStatus OutboxSender::status() const {
  SyncStatus status;
  status.waiting = outbox_.pending().size();
  status.lastProblem = lastProblem_;
  status.nextAttemptAtUnixMs = nextAttemptAtUnixMs_;
  status.saving = savesInFlight_ > 0 || !savesWaitingForRestore_.empty();
  if (!restored_) {
    status.phase = SyncPhase::Loading;
  } else if (blocked_ && status.waiting > 0) {
    status.phase = SyncPhase::Blocked;
  } else if (inFlight_) {
    status.phase = SyncPhase::Sending;
  } else {
    status.phase = status.waiting == 0 ? SyncPhase::Idle : SyncPhase::Waiting;
  }
  return status;
}

}  // namespace bhabin::ui
