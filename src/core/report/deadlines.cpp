#include "core/report/deadlines.h"

#include <algorithm>
#include <initializer_list>

#include "core/text/utf8.h"

namespace bhabin::report {

namespace {

constexpr std::int64_t kMaxPeriodMs = 365 * kDayMs;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// 1970-01-01 was a Thursday: day 0 is weekday 4 counting from Sunday = 0.
bool isWeekend(std::int64_t localDay) {
  const std::int64_t weekday = ((localDay + 4) % 7 + 7) % 7;
  return weekday == 0 || weekday == 6;
}

std::optional<std::int64_t> parseDuration(std::string_view text) {
  if (text.size() < 2 || text.size() > 8) return std::nullopt;
  std::int64_t unitMs = 0;
  switch (text.back()) {
    case 'm': unitMs = kMinuteMs; break;
    case 'h': unitMs = 60 * kMinuteMs; break;
    case 'd': unitMs = kDayMs; break;
    default: return std::nullopt;
  }
  std::int64_t count = 0;
  for (char c : text.substr(0, text.size() - 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    count = count * 10 + (c - '0');
  }
  return count * unitMs;
}

std::optional<std::string> applyPolicyField(std::string_view field, DeadlinePolicy& policy) {
  if (field == "working_days" || field == "calendar_days") {
    policy.workingDaysOnly = field == "working_days";
    return std::nullopt;
  }
  const auto equals = field.find('=');
  const std::string_view key = field.substr(0, equals);
  std::int64_t* target = key == "receive"    ? &policy.receiveWithinMs
                         : key == "resolve"  ? &policy.resolveWithinMs
                         : key == "escalate" ? &policy.escalateAfterMs
                                             : nullptr;
  if (equals == std::string_view::npos || !target) {
    return "unknown setting \"" + std::string(field) +
           "\" (expected receive=, resolve=, escalate=, working_days or calendar_days)";
  }
  const auto duration = parseDuration(field.substr(equals + 1));
  if (!duration) return "\"" + std::string(field) + "\" needs a duration like 90m, 4h or 3d";
  *target = *duration;
  return std::nullopt;
}

std::optional<std::size_t> lastEventOf(const Report& report, std::initializer_list<Action> actions) {
  const auto& timeline = report.timeline();
  for (std::size_t i = timeline.size(); i-- > 0;) {
    if (std::find(actions.begin(), actions.end(), timeline[i].action) != actions.end()) return i;
  }
  return std::nullopt;
}

bool escalatedSince(const Report& report, DeadlineKind kind, std::size_t since) {
  const auto& timeline = report.timeline();
  return std::any_of(timeline.begin() + static_cast<std::ptrdiff_t>(since), timeline.end(),
                     [kind](const TimelineEvent& event) { return escalatedDeadline(event) == kind; });
}

Deadline deadlineFrom(const Report& report, DeadlineKind kind, std::size_t since, std::int64_t withinMs,
                      const DeadlinePolicy& policy, int utcOffsetMinutes, std::int64_t nowUnixMs) {
  Deadline deadline;
  deadline.kind = kind;
  deadline.sinceEvent = since;
  deadline.dueAtUnixMs =
      deadlineAfter(report.timeline()[since].atUnixMs, withinMs, utcOffsetMinutes, policy.workingDaysOnly);
  deadline.lateByMs = std::max<std::int64_t>(0, nowUnixMs - deadline.dueAtUnixMs);
  deadline.escalated = escalatedSince(report, kind, since);
  return deadline;
}

}  // namespace

std::string_view deadlineCode(DeadlineKind kind) {
  switch (kind) {
    case DeadlineKind::Receive: return "receive";
    case DeadlineKind::Resolve: return "resolve";
  }
  return "receive";
}

std::optional<DeadlineKind> deadlineFromCode(std::string_view code) {
  for (DeadlineKind kind : kAllDeadlineKinds) {
    if (deadlineCode(kind) == code) return kind;
  }
  return std::nullopt;
}

std::optional<std::string> policyProblem(const DeadlinePolicy& policy) {
  const auto inRange = [](std::int64_t ms) { return ms > 0 && ms <= kMaxPeriodMs; };
  if (!inRange(policy.receiveWithinMs) || !inRange(policy.resolveWithinMs)) {
    return "receive and resolve periods must be longer than zero and at most 365 days";
  }
  if (policy.escalateAfterMs < 0 || policy.escalateAfterMs > kMaxPeriodMs) {
    return "escalate must be between 0 and 365 days";
  }
  if (policy.receiveWithinMs > policy.resolveWithinMs) return "the receive period is longer than the resolve period";
  return std::nullopt;
}

const DeadlinePolicy& DeadlinePolicies::forCategory(Category category) const {
  const auto found = byCategory.find(category);
  return found == byCategory.end() ? fallback : found->second;
}

std::optional<std::string> applyDeadlineSetting(std::string_view setting, DeadlinePolicies& policies) {
  const auto colon = setting.find(':');
  if (colon == std::string_view::npos) return "expected CATEGORY:key=value,... but got \"" + std::string(setting) + "\"";
  const std::string_view name = setting.substr(0, colon);
  const auto category = categoryFromCode(name);
  if (!category && name != "default") return "\"" + std::string(name) + "\" is neither a category code nor default";
  DeadlinePolicy policy = category ? policies.forCategory(*category) : policies.fallback;
  std::string_view fields = setting.substr(colon + 1);
  while (!fields.empty()) {
    const auto comma = fields.find(',');
    if (auto problem = applyPolicyField(text::trimWhitespace(fields.substr(0, comma)), policy)) return problem;
    fields = comma == std::string_view::npos ? std::string_view() : fields.substr(comma + 1);
  }
  if (auto problem = policyProblem(policy)) return std::string(name) + ": " + *problem;
  if (category) {
    policies.byCategory[*category] = policy;
  } else {
    policies.fallback = policy;
  }
  return std::nullopt;
}

std::optional<std::string> applyDeadlineSettings(std::string_view settings, DeadlinePolicies& policies) {
  while (!settings.empty()) {
    const auto semicolon = settings.find(';');
    const std::string_view setting = text::trimWhitespace(settings.substr(0, semicolon));
    if (!setting.empty()) {
      if (auto problem = applyDeadlineSetting(setting, policies)) return problem;
    }
    settings = semicolon == std::string_view::npos ? std::string_view() : settings.substr(semicolon + 1);
  }
  return std::nullopt;
}

int areaUtcOffsetMinutes(std::string_view regionCode) {
  return domain::utcOffsetMinutes(domain::zoneOfArea(regionCode));
}

std::int64_t deadlineAfter(std::int64_t startUnixMs, std::int64_t durationMs, int utcOffsetMinutes,
                           bool workingDaysOnly) {
  if (!workingDaysOnly) return startUnixMs + durationMs;
  const std::int64_t offsetMs = utcOffsetMinutes * kMinuteMs;
  std::int64_t local = startUnixMs + offsetMs;
  std::int64_t remaining = durationMs;
  for (;;) {
    const std::int64_t day = floorDiv(local, kDayMs);
    const std::int64_t dayEnd = (day + 1) * kDayMs;
    if (!isWeekend(day)) {
      if (local + remaining <= dayEnd) return local + remaining - offsetMs;
      remaining -= dayEnd - local;
    }
    local = dayEnd;
  }
}

std::vector<Deadline> runningDeadlines(const Report& report, const DeadlinePolicy& policy, int utcOffsetMinutes,
                                       std::int64_t nowUnixMs) {
  std::vector<Deadline> running;
  if (isFinal(report.status())) return running;
  const Status status = report.status();
  if (status == Status::Submitted || status == Status::HandedOver) {
    const std::size_t since = *lastEventOf(report, {Action::Submit, Action::HandOver});
    running.push_back(deadlineFrom(report, DeadlineKind::Receive, since, policy.receiveWithinMs, policy,
                                   utcOffsetMinutes, nowUnixMs));
  }
  const std::size_t since = *lastEventOf(report, {Action::Submit, Action::Reopen});
  running.push_back(deadlineFrom(report, DeadlineKind::Resolve, since, policy.resolveWithinMs, policy,
                                 utcOffsetMinutes, nowUnixMs));
  return running;
}

std::vector<Move> escalationsDue(const Report& report, const DeadlinePolicy& policy, int utcOffsetMinutes,
                                 std::int64_t nowUnixMs) {
  std::vector<Move> moves;
  for (const Deadline& deadline : runningDeadlines(report, policy, utcOffsetMinutes, nowUnixMs)) {
    if (deadline.escalated || deadline.lateByMs == 0 || deadline.lateByMs < policy.escalateAfterMs) continue;
    Move move;
    move.action = Action::Escalate;
    move.actor = {Role::System, ""};
    move.atUnixMs = std::max(nowUnixMs, report.timeline().back().atUnixMs);
    move.note = escalationNote(deadline.kind, deadline.lateByMs);
    moves.push_back(std::move(move));
  }
  return moves;
}

std::string escalationNote(DeadlineKind kind, std::int64_t lateByMs) {
  return std::string(deadlineCode(kind)) + ": " + std::to_string(lateByMs / kMinuteMs) + " min late";
}

std::optional<DeadlineKind> escalatedDeadline(const TimelineEvent& event) {
  if (event.action != Action::Escalate) return std::nullopt;
  return deadlineFromCode(std::string_view(event.note).substr(0, event.note.find(':')));
}

std::optional<std::int64_t> confirmWindowEnd(const Report& report, std::int64_t windowMs) {
  if (report.status() != Status::Resolved) return std::nullopt;
  return report.timeline().back().atUnixMs + windowMs;
}

bool withinConfirmWindow(const Report& report, std::int64_t windowMs, std::int64_t nowUnixMs) {
  const auto end = confirmWindowEnd(report, windowMs);
  return end && nowUnixMs < *end;
}

std::optional<Move> autoCloseDue(const Report& report, std::int64_t windowMs, std::int64_t nowUnixMs) {
  const auto end = confirmWindowEnd(report, windowMs);
  if (!end || nowUnixMs < *end) return std::nullopt;
  Move move;
  move.action = Action::AutoClose;
  move.actor = {Role::System, ""};
  move.atUnixMs = nowUnixMs;
  return move;
}

}  // namespace bhabin::report
