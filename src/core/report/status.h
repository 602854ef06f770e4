// The vocabulary of a report's life: its statuses, the moves between them and who makes them, with stable
// snake_case codes for the wire and for tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bhabin::report {

enum class Status {
  Submitted,   // filed by a citizen, not yet acknowledged
  Received,    // the assigned officer has acknowledged it
  InProcess,   // being worked on
  HandedOver,  // passed to another officer, waiting for their acknowledgement
  Resolved,    // done by the officer; the citizen may confirm or reopen it within the confirmation window
  Rejected,    // final, with a reason (a supervisor may reopen)
  Closed,      // final: confirmed by the citizen or closed by the server when the window passed
};

// Appended only: the stored binary format numbers statuses, actions and roles by their position here.
enum class Action {
  Submit,
  Receive,
  Start,
  Resolve,
  Reject,
  HandOver,
  Reopen,
  Note,
  Confirm,    // the citizen agrees it is resolved, optionally rating the work 1-5
  AutoClose,  // the server closes a resolved report nobody answered within the confirmation window
  Escalate,   // the server tells the supervisor a deadline passed; status unchanged, the note names the deadline
};

enum class Role {
  Citizen,     // the reporter, identified by holding the tracking code
  Officer,     // a Bhabinkamtibmas; may change a report only while it is assigned to them
  Supervisor,  // Polsek/Polres/Polda
  System,      // the server itself, on its own schedule (deadlines, closing after the window)
};

struct Actor {
  Role role = Role::Citizen;
  std::string id;  // the NRP of an officer or supervisor; empty or a device id for a citizen
};

inline bool operator==(const Actor& a, const Actor& b) { return a.role == b.role && a.id == b.id; }

inline constexpr Status kAllStatuses[] = {Status::Submitted, Status::Received, Status::InProcess,
                                          Status::HandedOver, Status::Resolved, Status::Rejected,
                                          Status::Closed};
inline constexpr Action kAllActions[] = {Action::Submit, Action::Receive,  Action::Start,  Action::Resolve,
                                         Action::Reject, Action::HandOver, Action::Reopen, Action::Note,
                                         Action::Confirm, Action::AutoClose, Action::Escalate};
inline constexpr Role kAllRoles[] = {Role::Citizen, Role::Officer, Role::Supervisor, Role::System};

std::string_view statusCode(Status status);  // "in_process"
std::string_view actionCode(Action action);  // "hand_over"
std::string_view roleCode(Role role);        // "supervisor"
std::optional<Status> statusFromCode(std::string_view code);
std::optional<Action> actionFromCode(std::string_view code);
std::optional<Role> roleFromCode(std::string_view code);

bool isFinal(Status status);  // Resolved, Rejected or Closed: no officer works it any more

}  // namespace bhabin::report
