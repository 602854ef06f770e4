// An officer's side of the app: the session, the worklist (kept, with its age, when the network drops), the
// open report with its reporters, moves through the outbox, duty, position sharing and hand-over candidates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/report/report.h"
#include "core/report/validation_error.h"
#include "core/report/visit_validation.h"
#include "core/wire/api_answers.h"
#include "ui/outbox_sender.h"
#include "ui/platform.h"

namespace bhabin::ui {

class OfficerDesk {
 public:
  static constexpr std::int64_t kWorklistRefreshMs = 30000;
  static constexpr std::int64_t kPositionIntervalMs = 120000;  // often enough for matching, easy on the battery

  OfficerDesk(Platform& platform, OutboxSender& outbox) : platform_(platform), outbox_(outbox) {}

  static constexpr const char* kSignedInKey = "signed_in";

  // When this device was signed in at its last visit, asks the server whether the session cookie (HttpOnly,
  // so invisible here) still holds; citizens' devices never ask.
  void restoreSession();
  void login(const std::string& nrp, const std::string& password);
  void logout();
  // Periodic work: worklist refresh, position sharing. Call every frame.
  void tick();

  const std::optional<wire::SessionView>& session() const { return session_; }
  bool busy() const { return pending_ > 0; }
  const std::string& problem() const { return problem_; }  // the last failure's message, translated

  void refreshWorklist();
  const std::vector<wire::StaffReportView>& worklist() const { return worklist_; }
  std::int64_t worklistFetchedAtUnixMs() const { return worklistFetchedAt_; }
  // Changes whenever the worklist's content may have changed (for redrawing the map's report layer).
  std::uint64_t worklistGeneration() const { return worklistGeneration_; }

  void open(const std::string& trackingCode);
  void close() { opened_.reset(); candidates_.clear(); }
  const std::optional<wire::StaffReportView>& opened() const { return opened_; }
  void loadHandOverCandidates();
  const std::vector<wire::HandOverCandidate>& candidates() const { return candidates_; }

  // Queues a move on the opened report after the core's note check; the check's errors when refused.
  std::vector<report::ValidationError> move(report::Action action, const std::string& note, const std::string& handOverToNrp = {});
  // The outbox's answer to one of this device's moves.
  void moveApplied(const std::string& outcome, const wire::StaffReportView& report);
  // Changes waiting in the outbox for this report.
  std::size_t waitingMoves(const std::string& trackingCode) const;

  // A sambang visit at the device's current position, now: checked by the core's visit rules once the
  // position is known, then queued in the outbox like a move, so it is kept offline and sent once. The
  // rules' verdict arrives in visitResult(); the server's refusal, if any, in the outbox's refusals.
  void logVisit(report::VisitForm form);
  struct VisitResult {
    enum class State { Idle, Locating, Saved, Refused } state = State::Idle;
    std::vector<report::ValidationError> errors;  // Refused by the core's rules
    bool noPosition = false;                      // Refused: the device gave no position
  };
  const VisitResult& visitResult() const { return visit_; }
  // The outbox's answer to a visit: the server stored it.
  void visitLogged();
  int visitsLogged() const { return visitsLogged_; }  // confirmed by the server since the app started
  // The officer's latest visits as the server has them, newest first (fetched at login and after each visit).
  const std::vector<domain::SambangVisit>& recentVisits() const { return recentVisits_; }
  std::size_t waitingVisits() const;

  std::optional<bool> onDuty() const { return onDuty_; }
  void setDuty(bool onDuty);
  bool sharingPosition() const { return sharePosition_; }
  void setSharePosition(bool share) { sharePosition_ = share; lastPositionAt_ = 0; }
  std::int64_t lastPositionSentAtUnixMs() const { return lastPositionSentAt_; }

  // A supervisor's dashboard: the area's figures for the last `days` local days (loaded at login with 30).
  void loadDashboard(int days);
  int dashboardDays() const { return dashboardDays_; }
  const std::optional<wire::AreaDashboardView>& dashboard() const { return dashboard_; }
  // Changes whenever dashboard() does (for redrawing the map's report layer).
  std::uint64_t dashboardGeneration() const { return dashboardGeneration_; }

 private:
  void signedIn(const wire::SessionView& session);
  void signedOut();
  void loadStatus();
  void loadVisits();
  void sharePositionNow();
  void replaceInWorklist(const wire::StaffReportView& report);
  sync::Change officerChange(sync::ChangeKind kind);
  template <typename Done>
  void call(HttpRequest request, Done done);

  Platform& platform_;
  OutboxSender& outbox_;
  std::optional<wire::SessionView> session_;
  int pending_ = 0;
  std::string problem_;
  std::vector<wire::StaffReportView> worklist_;
  std::int64_t worklistFetchedAt_ = 0;
  std::uint64_t worklistGeneration_ = 0;
  bool worklistRequested_ = false;
  std::optional<wire::StaffReportView> opened_;
  std::vector<wire::HandOverCandidate> candidates_;
  VisitResult visit_;
  int visitsLogged_ = 0;
  std::vector<domain::SambangVisit> recentVisits_;
  std::optional<bool> onDuty_;
  bool sharePosition_ = false;
  std::int64_t lastPositionAt_ = 0;
  std::int64_t lastPositionSentAt_ = 0;
  int dashboardDays_ = 30;
  std::optional<wire::AreaDashboardView> dashboard_;
  std::uint64_t dashboardGeneration_ = 0;
};

}  // namespace bhabin::ui
