#include "ui/officer_desk.h"

#include <algorithm>

#include "core/domain/local_time.h"
#include "core/stats/period.h"
#include "core/report/report_validation.h"
#include "core/sync/change.h"
#include "core/wire/api_requests.h"
#include "ui/api_problem.h"

namespace bhabin::ui {

// Sends a request and hands a 2xx body to `done`; a 401 ends the session here too; anything else becomes
// problem(). `busy()` is true while any call is on its way.
template <typename Done>
void OfficerDesk::call(HttpRequest request, Done done) {
  ++pending_;
  platform_.send(request, [this, done = std::move(done)](const HttpResponse& response) {
    --pending_;
    if (response.status >= 200 && response.status < 300) {
      problem_.clear();
      done(response.body);
      return;
    }
    problem_ = problemOf(response);
    if (response.status == 401) signedOut();
  });
}

void OfficerDesk::restoreSession() {
  platform_.load(kSignedInKey, [this](std::optional<std::string> flag) {
    if (!flag || *flag != "1") return;
    call(getRequest("/api/v1/session"), [this](const std::string& body) {
      auto decoded = wire::decodeSession(body);
      if (auto* session = std::get_if<wire::SessionView>(&decoded)) signedIn(*session);
    });
  });
}

void OfficerDesk::login(const std::string& nrp, const std::string& password) {
  call(bodyRequest("POST", "/api/v1/session", wire::encodeLoginRequest(nrp, password)), [this](const std::string& body) {
    auto decoded = wire::decodeSession(body);
    if (auto* session = std::get_if<wire::SessionView>(&decoded)) signedIn(*session);
  });
}

void OfficerDesk::logout() {
  call(bodyRequest("DELETE", "/api/v1/session", ""), [](const std::string&) {});
  signedOut();
}

void OfficerDesk::signedIn(const wire::SessionView& session) {
  session_ = session;
  platform_.save(kSignedInKey, "1", [](bool) {});
  outbox_.unblock();
  refreshWorklist();
  if (session.role != "officer") {
    loadDashboard(dashboardDays_);
    return;
  }
  loadStatus();
  loadVisits();
}

void OfficerDesk::signedOut() {
  if (session_) platform_.save(kSignedInKey, "0", [](bool) {});
  session_.reset();
  worklist_.clear();
  ++worklistGeneration_;
  worklistFetchedAt_ = 0;
  opened_.reset();
  candidates_.clear();
  recentVisits_.clear();
  dashboard_.reset();
  ++dashboardGeneration_;
  onDuty_.reset();
  sharePosition_ = false;
}

void OfficerDesk::tick() {
  if (!session_) return;
  const std::int64_t now = platform_.nowUnixMs();
  if (!worklistRequested_ && now - worklistFetchedAt_ > kWorklistRefreshMs) refreshWorklist();
  if (sharePosition_ && onDuty_.value_or(false) && now - lastPositionAt_ > kPositionIntervalMs) sharePositionNow();
}

void OfficerDesk::refreshWorklist() {
  worklistRequested_ = true;
  HttpRequest request = getRequest("/api/v1/worklist");
  ++pending_;
  platform_.send(request, [this](const HttpResponse& response) {
    --pending_;
    worklistRequested_ = false;
    // A failed refresh keeps the last list (shown with its age) and tries again after the usual interval.
    if (response.status != 200) {
      worklistFetchedAt_ = std::max<std::int64_t>(worklistFetchedAt_, platform_.nowUnixMs() - kWorklistRefreshMs + 5000);
      problem_ = problemOf(response);
      if (response.status == 401) signedOut();
      return;
    }
    auto decoded = wire::decodeWorklist(response.body);
    if (auto* reports = std::get_if<std::vector<wire::StaffReportView>>(&decoded)) {
      worklist_ = std::move(*reports);
      ++worklistGeneration_;
      worklistFetchedAt_ = platform_.nowUnixMs();
      problem_.clear();
    } else {
      problem_ = std::get<wire::ParseError>(decoded).message;
    }
  });
}

void OfficerDesk::open(const std::string& trackingCode) {
  candidates_.clear();
  for (const auto& item : worklist_) {
    if (item.report.details().trackingCode == trackingCode) opened_ = item;  // shown at once, refreshed below
  }
  call(getRequest("/api/v1/reports/" + trackingCode), [this](const std::string& body) {
    auto decoded = wire::decodeStaffReport(body);
    if (auto* report = std::get_if<wire::StaffReportView>(&decoded)) {
      opened_ = std::move(*report);
      replaceInWorklist(*opened_);
    }
  });
}

void OfficerDesk::loadHandOverCandidates() {
  if (!opened_) return;
  call(getRequest("/api/v1/reports/" + opened_->report.details().trackingCode + "/handover-candidates"),
       [this](const std::string& body) {
         auto decoded = wire::decodeHandOverCandidates(body);
         if (auto* list = std::get_if<std::vector<wire::HandOverCandidate>>(&decoded)) candidates_ = std::move(*list);
       });
}

std::vector<report::ValidationError> OfficerDesk::move(report::Action action, const std::string& note,
                                                       const std::string& handOverToNrp) {
  if (!opened_ || !session_) return {};
  auto validated = report::validateNote(note, report::noteRequired(action));
  if (!validated.ok()) return validated.errors;
  sync::Change change = officerChange(sync::ChangeKind::ApplyMove);
  change.reportId = opened_->report.details().trackingCode;
  change.action = action;
  change.note = *validated.value;
  change.handOverToNrp = handOverToNrp;
  outbox_.queue(std::move(change));
  return {};
}

void OfficerDesk::moveApplied(const std::string&, const wire::StaffReportView& report) {
  replaceInWorklist(report);
  if (!opened_ || opened_->report.details().trackingCode != report.report.details().trackingCode) return;
  // A move's answer leaves the reporters out (reading them is audited); keep the ones already shown.
  std::vector<wire::ReporterView> reporters = std::move(opened_->reporters);
  opened_ = report;
  if (opened_->reporters.empty()) opened_->reporters = std::move(reporters);
}

void OfficerDesk::replaceInWorklist(const wire::StaffReportView& report) {
  for (auto& item : worklist_) {
    if (item.report.details().trackingCode == report.report.details().trackingCode) item = report;
  }
  ++worklistGeneration_;
}

std::size_t OfficerDesk::waitingMoves(const std::string& trackingCode) const {
  const auto& pending = outbox_.outbox().pending();
  return static_cast<std::size_t>(std::count_if(pending.begin(), pending.end(), [&](const sync::Change& change) {
    return change.kind == sync::ChangeKind::ApplyMove && change.reportId == trackingCode;
  }));
}

void OfficerDesk::logVisit(report::VisitForm form) {
  if (!session_ || visit_.state == VisitResult::State::Locating) return;
  visit_ = {VisitResult::State::Locating, {}, false};
  platform_.locate([this, form = std::move(form)](const GeolocationResult& located) mutable {
    if (!session_) return;
    if (!located.position) {
      visit_ = {VisitResult::State::Refused, {}, true};
      return;
    }
    form.officerNrp = session_->nrp;
    form.visitedAtUnixMs = platform_.nowUnixMs();
    form.latDeg = located.position->latDeg;
    form.lonDeg = located.position->lonDeg;
    auto validated = report::validateVisitForm(form, platform_.nowUnixMs());
    if (!validated.ok()) {
      visit_ = {VisitResult::State::Refused, validated.errors, false};
      return;
    }
    sync::Change change = officerChange(sync::ChangeKind::LogVisit);
    change.visit = std::move(*validated.value);
    outbox_.queue(std::move(change));
    visit_ = {VisitResult::State::Saved, {}, false};
  });
}

// A change by the signed-in officer, made now, with a key of its own.
sync::Change OfficerDesk::officerChange(sync::ChangeKind kind) {
  sync::Change change;
  change.idempotencyKey = sync::makeIdempotencyKey(randomArray<sync::kIdempotencyKeyBytes>(platform_));
  change.kind = kind;
  change.actor = {report::Role::Officer, session_->nrp};
  change.createdAtUnixMs = platform_.nowUnixMs();
  return change;
}

std::size_t OfficerDesk::waitingVisits() const {
  const auto& pending = outbox_.outbox().pending();
  return static_cast<std::size_t>(std::count_if(pending.begin(), pending.end(), [](const sync::Change& change) {
    return change.kind == sync::ChangeKind::LogVisit;
  }));
}

void OfficerDesk::loadStatus() {
  call(getRequest("/api/v1/officer/status"), [this](const std::string& body) {
    auto decoded = wire::decodeOfficerStatus(body);
    if (auto* status = std::get_if<wire::OfficerStatusView>(&decoded)) onDuty_ = status->onDuty;
  });
}

void OfficerDesk::loadVisits() {
  call(getRequest("/api/v1/visits"), [this](const std::string& body) {
    auto decoded = wire::decodeVisitList(body);
    if (auto* visits = std::get_if<std::vector<domain::SambangVisit>>(&decoded)) recentVisits_ = std::move(*visits);
  });
}

void OfficerDesk::visitLogged() {
  ++visitsLogged_;
  if (session_) loadVisits();
}

void OfficerDesk::loadDashboard(int days) {
  if (!session_) return;
  dashboardDays_ = days;
  // The period is counted in local days of the area's zone, as the server counts them.
  const stats::Period period = stats::lastDays(days, domain::zoneOfArea(session_->areaCode), platform_.nowUnixMs());
  const std::string path =
      "/api/v1/area/dashboard?from=" + domain::isoDate(period.firstDay) + "&to=" + domain::isoDate(period.lastDay);
  call(getRequest(path), [this](const std::string& body) {
    auto decoded = wire::decodeAreaDashboard(body);
    if (auto* view = std::get_if<wire::AreaDashboardView>(&decoded)) {
      dashboard_ = std::move(*view);
      ++dashboardGeneration_;
    }
  });
}

void OfficerDesk::setDuty(bool onDuty) {
  call(bodyRequest("PUT", "/api/v1/officer/duty", wire::encodeDutyRequest(onDuty)), [this](const std::string& body) {
    auto decoded = wire::decodeOfficerStatus(body);
    if (auto* status = std::get_if<wire::OfficerStatusView>(&decoded)) onDuty_ = status->onDuty;
  });
}

void OfficerDesk::sharePositionNow() {
  lastPositionAt_ = platform_.nowUnixMs();
  platform_.locate([this](const GeolocationResult& located) {
    if (!located.position || !session_ || !onDuty_.value_or(false)) return;
    call(bodyRequest("PUT", "/api/v1/officer/position", wire::encodePositionRequest(*located.position)),
         [this](const std::string&) { lastPositionSentAt_ = platform_.nowUnixMs(); });
  });
}

}  // namespace bhabin::ui
