// The rules of a report's life: which move is legal in which status, and who may make it.
//
//   submitted ─receive─▶ received ─start─▶ in_process ─resolve─▶ resolved
//   submitted, received, in_process, handed_over ─reject (reason)─▶ rejected
//   submitted, received, in_process, handed_over ─hand_over (to NRP)─▶ handed_over ─receive─▶ received
//   resolved ─confirm (citizen, rating 0-5) or auto_close (system)─▶ closed
//   resolved ─reopen (citizen, reason)─▶ received
//   resolved, rejected, closed ─reopen (reason, supervisor)─▶ received
//   note: any open status, status unchanged; escalate (system, names the deadline): same
//
// Officers act only on reports assigned to them; supervisors may make every staff move but submit; citizens
// submit, add notes, and confirm or reopen a resolved report; the system only escalates and auto-closes. How
// long a citizen may still answer is the server's policy (core/report/deadlines.h), not a rule of the history.
// Every accepted move appends one event; nothing already in the timeline changes.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/report/report.h"

namespace bhabin::report {

struct Move {
  Action action = Action::Note;
  Actor actor;
  std::int64_t atUnixMs = 0;  // when it is applied; must not precede the last event
  std::string note;           // required for reject and reopen (the reason) and for note
  std::string handOverToNrp;  // hand_over only: the officer who takes the report over
  std::uint32_t rating = 0;   // confirm only: 1-5, or 0 for none
};

enum class MoveErrorCode {
  IllegalInStatus,     // the action does not exist from the current status
  NotPermitted,        // the actor's role may not make this move
  NotAssignedOfficer,  // an officer acting on a report assigned to someone else
  ReasonRequired,      // reject, reopen or note without text
  TargetRequired,      // hand_over without a valid NRP, or to the officer who already has it
  TimeGoesBackwards,   // earlier than the last event
  NotASubmission,      // a timeline that does not start with exactly one submit
  InvalidRating,       // a rating outside 1-5, or a rating on anything but confirm
};

struct MoveError {
  MoveErrorCode code = MoveErrorCode::IllegalInStatus;
  Status current = Status::Submitted;
  std::vector<Action> allowed;  // what this actor may do now, in kAllActions order
  std::string message;          // English, names the status and the allowed moves
};

class StatusMachine {
 public:
  // A new report; the first event is the submit by `actor` (citizen, or an officer filing on their behalf).
  // `note` records why the report went to `assignedNrp` (an assignment reason code from the matching).
  static Report submit(ReportDetails details, Actor actor, std::int64_t atUnixMs, std::string assignedNrp,
                       std::string note = {});

  // Applies `move` and appends its event, or leaves the report untouched and says why not.
  static std::optional<MoveError> apply(Report& report, const Move& move);

  // The moves `actor` may make on `report` now (never Submit).
  static std::vector<Action> allowedMoves(const Report& report, const Actor& actor);

  // Rebuilds a stored report by replaying its timeline through the rules, so a decoded report can only hold
  // a legal history; each event's recorded status and assignee must match the replay.
  static std::variant<Report, MoveError> restore(ReportDetails details, const std::vector<TimelineEvent>& timeline);
};

}  // namespace bhabin::report
