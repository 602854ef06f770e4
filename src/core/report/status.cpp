#include "core/report/status.h"

namespace bhabin::report {

namespace {

template <class Enum, std::size_t N>
std::optional<Enum> fromCode(const Enum (&all)[N], std::string_view (*codeOf)(Enum), std::string_view code) {
  for (Enum value : all) {
    if (codeOf(value) == code) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view statusCode(Status status) {
  switch (status) {
    case Status::Submitted: return "submitted";
    case Status::Received: return "received";
    case Status::InProcess: return "in_process";
    case Status::HandedOver: return "handed_over";
    case Status::Resolved: return "resolved";
    case Status::Rejected: return "rejected";
    case Status::Closed: return "closed";
  }
  return "submitted";
}

std::string_view actionCode(Action action) {
  switch (action) {
    case Action::Submit: return "submit";
    case Action::Receive: return "receive";
    case Action::Start: return "start";
    case Action::Resolve: return "resolve";
    case Action::Reject: return "reject";
    case Action::HandOver: return "hand_over";
    case Action::Reopen: return "reopen";
    case Action::Note: return "note";
    case Action::Confirm: return "confirm";
    case Action::AutoClose: return "auto_close";
    case Action::Escalate: return "escalate";
  }
  return "note";
}

std::string_view roleCode(Role role) {
  switch (role) {
    case Role::Citizen: return "citizen";
    case Role::Officer: return "officer";
    case Role::Supervisor: return "supervisor";
    case Role::System: return "system";
  }
  return "citizen";
}

std::optional<Status> statusFromCode(std::string_view code) { return fromCode(kAllStatuses, statusCode, code); }
std::optional<Action> actionFromCode(std::string_view code) { return fromCode(kAllActions, actionCode, code); }
std::optional<Role> roleFromCode(std::string_view code) { return fromCode(kAllRoles, roleCode, code); }

bool isFinal(Status status) {
  return status == Status::Resolved || status == Status::Rejected || status == Status::Closed;
}

}  // namespace bhabin::report
