// How long a report may wait, per category: acknowledged within one period, resolved within another, the
// clock optionally running on working days only (Monday to Friday in the area's local time). From a report's
// timeline and the time now these pure functions say which deadlines run, which are late and by how much, which
// lateness the supervisor has not yet been told about (an escalate event, at most once per deadline), and when a
// resolved report's confirmation window ends.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/domain/local_time.h"
#include "core/report/category.h"
#include "core/report/report.h"
#include "core/report/status_machine.h"

namespace bhabin::report {

inline constexpr std::int64_t kMinuteMs = 60LL * 1000;
using domain::kDayMs;

enum class DeadlineKind {
  Receive,  // the assigned officer acknowledges it (after submission, and again after a hand-over)
  Resolve,  // it is resolved or rejected (counted from submission, and again from a reopen)
};
inline constexpr DeadlineKind kAllDeadlineKinds[] = {DeadlineKind::Receive, DeadlineKind::Resolve};
std::string_view deadlineCode(DeadlineKind kind);  // "receive"
std::optional<DeadlineKind> deadlineFromCode(std::string_view code);

struct DeadlinePolicy {
  std::int64_t receiveWithinMs = 60 * kMinuteMs;
  std::int64_t resolveWithinMs = 3 * kDayMs;
  std::int64_t escalateAfterMs = 60 * kMinuteMs;  // late this long, the supervisor is told on the timeline
  bool workingDaysOnly = false;                    // both clocks stop on Saturdays and Sundays (local time)
};

// What is wrong with a policy, in English for the operator, if anything: periods must be positive, at most a
// year, and acknowledging may not be allowed longer than resolving.
std::optional<std::string> policyProblem(const DeadlinePolicy& policy);

struct DeadlinePolicies {
  DeadlinePolicy fallback;                       // for every category without its own
  std::map<Category, DeadlinePolicy> byCategory;
  const DeadlinePolicy& forCategory(Category category) const;
};

// Applies one setting "CATEGORY:key=value,..." (CATEGORY is a category code or "default"; keys receive, resolve,
// escalate with durations like 90m, 4h, 3d; the flag working_days or calendar_days). Unnamed keys keep the
// category's current values. Returns what is wrong, leaving `policies` unchanged, or nothing.
std::optional<std::string> applyDeadlineSetting(std::string_view setting, DeadlinePolicies& policies);
// Several settings separated by ';', applied in order; stops at the first that is wrong and says why.
std::optional<std::string> applyDeadlineSettings(std::string_view settings, DeadlinePolicies& policies);

// Minutes east of UTC for the province a region code lies in: WIB +420, WITA +480, WIT +540.
int areaUtcOffsetMinutes(std::string_view regionCode);

// When a period of `durationMs` that starts at `startUnixMs` ends, counting only Monday-Friday local time when
// `workingDaysOnly` (a start on a weekend counts from Monday 00:00).
std::int64_t deadlineAfter(std::int64_t startUnixMs, std::int64_t durationMs, int utcOffsetMinutes,
                           bool workingDaysOnly);

struct Deadline {
  DeadlineKind kind = DeadlineKind::Receive;
  std::size_t sinceEvent = 0;  // the timeline event that started the clock
  std::int64_t dueAtUnixMs = 0;
  std::int64_t lateByMs = 0;   // how far past due now; 0 while on time
  bool escalated = false;      // the supervisor was already told (an escalate event for it follows sinceEvent)
};

// The deadlines running on `report` now, receive before resolve; none once it is resolved, rejected or closed.
std::vector<Deadline> runningDeadlines(const Report& report, const DeadlinePolicy& policy, int utcOffsetMinutes,
                                       std::int64_t nowUnixMs);

// The escalate moves `report` needs now: one per running deadline late by at least the policy's escalateAfter
// and not escalated yet. Applying them and asking again answers none.
std::vector<Move> escalationsDue(const Report& report, const DeadlinePolicy& policy, int utcOffsetMinutes,
                                 std::int64_t nowUnixMs);
// The escalate event's note, "resolve: 90 min late", and the deadline it names.
std::string escalationNote(DeadlineKind kind, std::int64_t lateByMs);
std::optional<DeadlineKind> escalatedDeadline(const TimelineEvent& event);

// Until when the citizen may confirm or reopen a resolved report: its resolution plus `windowMs`; nothing when
// it is not resolved.
std::optional<std::int64_t> confirmWindowEnd(const Report& report, std::int64_t windowMs);
bool withinConfirmWindow(const Report& report, std::int64_t windowMs, std::int64_t nowUnixMs);
// The auto_close move, when the window of a resolved report has passed.
std::optional<Move> autoCloseDue(const Report& report, std::int64_t windowMs, std::int64_t nowUnixMs);

}  // namespace bhabin::report
