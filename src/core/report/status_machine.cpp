#include "core/report/status_machine.h"

#include "core/domain/officer.h"
#include "core/text/utf8.h"

namespace bhabin::report {

namespace {

// The status an action leads to from `from`, when the action exists there at all.
std::optional<Status> targetOf(Action action, Status from) {
  const bool open = !isFinal(from);
  switch (action) {
    case Action::Submit: return std::nullopt;
    case Action::Receive:
      if (from == Status::Submitted || from == Status::HandedOver) return Status::Received;
      return std::nullopt;
    case Action::Start:
      if (from == Status::Received) return Status::InProcess;
      return std::nullopt;
    case Action::Resolve:
      if (from == Status::InProcess) return Status::Resolved;
      return std::nullopt;
    case Action::Reject:
      if (open) return Status::Rejected;
      return std::nullopt;
    case Action::HandOver:
      if (open) return Status::HandedOver;
      return std::nullopt;
    case Action::Reopen:
      if (!open) return Status::Received;
      return std::nullopt;
    case Action::Note:
    case Action::Escalate:
      if (open) return from;
      return std::nullopt;
    case Action::Confirm:
    case Action::AutoClose:
      if (from == Status::Resolved) return Status::Closed;
      return std::nullopt;
  }
  return std::nullopt;
}

bool isSystemAction(Action action) { return action == Action::AutoClose || action == Action::Escalate; }

bool rolePermits(Role role, Action action, Status from) {
  switch (role) {
    case Role::Citizen:
      return action == Action::Note || action == Action::Confirm ||
             (action == Action::Reopen && from == Status::Resolved);
    case Role::Officer:
      return action != Action::Submit && action != Action::Reopen && action != Action::Confirm &&
             !isSystemAction(action);
    case Role::Supervisor: return action != Action::Submit && action != Action::Confirm && !isSystemAction(action);
    case Role::System: return isSystemAction(action);
  }
  return false;
}

bool ratingFits(const Move& move) {
  if (move.action == Action::Confirm) return move.rating <= 5;
  return move.rating == 0;
}

bool needsReason(Action action) {
  return action == Action::Reject || action == Action::Reopen || action == Action::Note || action == Action::Escalate;
}

bool actsForAssignee(const Report& report, const Actor& actor) {
  return actor.role != Role::Officer || (!actor.id.empty() && actor.id == report.assignedOfficerNrp());
}

std::string describe(const Actor& actor) {
  std::string text(roleCode(actor.role));
  if (!actor.id.empty()) text += " " + actor.id;
  return text;
}

std::string listActions(const std::vector<Action>& actions) {
  if (actions.empty()) return "none";
  std::string text;
  for (Action action : actions) {
    if (!text.empty()) text += ", ";
    text += actionCode(action);
  }
  return text;
}

MoveError errorFor(const Report& report, const Move& move, MoveErrorCode code, const std::string& why) {
  MoveError error;
  error.code = code;
  error.current = report.status();
  error.allowed = StatusMachine::allowedMoves(report, move.actor);
  error.message = "cannot " + std::string(actionCode(move.action)) + " a report that is " +
                  std::string(statusCode(error.current)) + ": " + why + "; allowed for " + describe(move.actor) +
                  ": " + listActions(error.allowed);
  return error;
}

}  // namespace

Report StatusMachine::submit(ReportDetails details, Actor actor, std::int64_t atUnixMs, std::string assignedNrp,
                            std::string note) {
  TimelineEvent event;
  event.action = Action::Submit;
  event.status = Status::Submitted;
  event.actor = std::move(actor);
  event.atUnixMs = atUnixMs;
  event.assignedNrp = std::move(assignedNrp);
  event.note = std::move(note);
  return Report(std::move(details), std::move(event));
}

std::vector<Action> StatusMachine::allowedMoves(const Report& report, const Actor& actor) {
  std::vector<Action> allowed;
  const Status from = report.status();
  for (Action action : kAllActions) {
    if (targetOf(action, from) && rolePermits(actor.role, action, from) && actsForAssignee(report, actor)) {
      allowed.push_back(action);
    }
  }
  return allowed;
}

std::optional<MoveError> StatusMachine::apply(Report& report, const Move& move) {
  const std::optional<Status> target = targetOf(move.action, report.status());
  if (!target) return errorFor(report, move, MoveErrorCode::IllegalInStatus, "no such move from this status");
  if (!rolePermits(move.actor.role, move.action, report.status())) {
    return errorFor(report, move, MoveErrorCode::NotPermitted, "a " + describe(move.actor) + " may not do that");
  }
  if (!actsForAssignee(report, move.actor)) {
    return errorFor(report, move, MoveErrorCode::NotAssignedOfficer,
                    "the report is assigned to \"" + report.assignedOfficerNrp() + "\"");
  }
  if (needsReason(move.action) && text::trimWhitespace(move.note).empty()) {
    return errorFor(report, move, MoveErrorCode::ReasonRequired, "a note is required");
  }
  if (move.action == Action::HandOver &&
      (!domain::isValidNrp(move.handOverToNrp) || move.handOverToNrp == report.assignedOfficerNrp())) {
    return errorFor(report, move, MoveErrorCode::TargetRequired,
                    "hand over needs the 8-digit NRP of a different officer");
  }
  if (!ratingFits(move)) {
    return errorFor(report, move, MoveErrorCode::InvalidRating, "a rating is 1 to 5 and only given when confirming");
  }
  if (move.atUnixMs < report.timeline_.back().atUnixMs) {
    return errorFor(report, move, MoveErrorCode::TimeGoesBackwards, "its time precedes the last event");
  }
  TimelineEvent event;
  event.action = move.action;
  event.status = *target;
  event.actor = move.actor;
  event.atUnixMs = move.atUnixMs;
  event.note = move.note;
  event.rating = move.rating;
  event.assignedNrp = move.action == Action::HandOver ? move.handOverToNrp : report.assignedOfficerNrp();
  report.timeline_.push_back(std::move(event));
  return std::nullopt;
}

std::variant<Report, MoveError> StatusMachine::restore(ReportDetails details,
                                                        const std::vector<TimelineEvent>& timeline) {
  if (timeline.empty() || timeline.front().action != Action::Submit ||
      timeline.front().status != Status::Submitted) {
    MoveError error;
    error.code = MoveErrorCode::NotASubmission;
    error.message = "a timeline must start with one submit event in status submitted";
    return error;
  }
  const TimelineEvent& first = timeline.front();
  Report report = submit(std::move(details), first.actor, first.atUnixMs, first.assignedNrp, first.note);
  for (std::size_t i = 1; i < timeline.size(); ++i) {
    const TimelineEvent& event = timeline[i];
    const Move move{event.action, event.actor, event.atUnixMs, event.note,
                    event.action == Action::HandOver ? event.assignedNrp : std::string(), event.rating};
    if (auto error = apply(report, move)) {
      error->message = "timeline event " + std::to_string(i) + ": " + error->message;
      return *std::move(error);
    }
    if (report.status() != event.status || report.assignedOfficerNrp() != event.assignedNrp) {
      MoveError error;
      error.current = report.status();
      error.message = "timeline event " + std::to_string(i) + " records status " +
                      std::string(statusCode(event.status)) + " and officer \"" + event.assignedNrp +
                      "\", but the rules give " + std::string(statusCode(report.status())) + " and \"" +
                      report.assignedOfficerNrp() + "\"";
      return error;
    }
  }
  return report;
}

}  // namespace bhabin::report
