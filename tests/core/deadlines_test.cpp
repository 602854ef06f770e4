#include "core/report/deadlines.h"

#include <gtest/gtest.h>

#include "report_fixtures.h"

namespace bhabin::report {
namespace {

using testing::citizen;
using testing::kHourMs;
using testing::officer;

constexpr std::int64_t kT0 = testing::kNowUnixMs;  // Wednesday 2024-05-01 10:00 WIB
constexpr int kWib = 7 * 60;
constexpr int kWit = 9 * 60;
constexpr std::int64_t kFriday1430Utc = 1714746600000;  // 2024-05-03T14:30Z: 21:30 WIB, 23:30 WIT

DeadlinePolicy policy(std::int64_t receive = kHourMs, std::int64_t resolve = 3 * kDayMs,
                      std::int64_t escalate = kHourMs) {
  DeadlinePolicy p;
  p.receiveWithinMs = receive;
  p.resolveWithinMs = resolve;
  p.escalateAfterMs = escalate;
  return p;
}

Report newReport() { return StatusMachine::submit(testing::validDetails(), citizen(), kT0, "85010001"); }

void apply(Report& report, Action action, std::int64_t at, std::string note = "", std::string to = "") {
  ASSERT_FALSE(StatusMachine::apply(report, {action, action == Action::Reopen ? testing::supervisor() : officer(),
                                             at, std::move(note), std::move(to)}));
}

TEST(Deadlines, CalendarPeriodsSimplyAdd) {
  EXPECT_EQ(deadlineAfter(kT0, 3 * kDayMs, kWib, false), kT0 + 3 * kDayMs);
}

// Checked once that this bites: with no day counted as a weekend, this test and
// WorkingDayPolicyDelaysEscalationOverTheWeekend fail.
TEST(Deadlines, WorkingDaysSkipTheWeekendInLocalTime) {
  const std::int64_t friday1500Wib = 1714723200000;     // 2024-05-03T08:00Z
  const std::int64_t wednesday1500Wib = 1715155200000;  // 2024-05-08T08:00Z
  EXPECT_EQ(deadlineAfter(friday1500Wib, 3 * kDayMs, kWib, true), wednesday1500Wib);
  // The same instant is Friday evening in Jakarta but nearly midnight in Jayapura: one working hour ends the
  // same evening in WIB and only on Monday 00:30 WIT (Sunday 15:30Z).
  EXPECT_EQ(deadlineAfter(kFriday1430Utc, kHourMs, kWib, true), kFriday1430Utc + kHourMs);
  EXPECT_EQ(deadlineAfter(kFriday1430Utc, kHourMs, kWit, true), 1714923000000);
  // Filed on Saturday 10:00 WIB, the clock starts Monday 00:00 WIB (Sunday 17:00Z).
  EXPECT_EQ(deadlineAfter(1714791600000, kHourMs, kWib, true), 1714932000000);
  // Exactly to the end of Friday is still Friday's deadline, not Monday's.
  const std::int64_t friday2300Wib = 1714752000000;  // 2024-05-03T16:00Z
  EXPECT_EQ(deadlineAfter(friday2300Wib, kHourMs, kWib, true), friday2300Wib + kHourMs);
}

TEST(Deadlines, ProvincesMapToTheirTimeZones) {
  EXPECT_EQ(areaUtcOffsetMinutes("33.29.01.2001"), 420);  // Jawa Tengah
  EXPECT_EQ(areaUtcOffsetMinutes("61.01"), 420);          // Kalimantan Barat
  EXPECT_EQ(areaUtcOffsetMinutes("51.71"), 480);          // Bali
  EXPECT_EQ(areaUtcOffsetMinutes("64"), 480);             // Kalimantan Timur
  EXPECT_EQ(areaUtcOffsetMinutes("73.71.01.1001"), 480);  // Sulawesi Selatan
  EXPECT_EQ(areaUtcOffsetMinutes("81.71"), 540);          // Maluku
  EXPECT_EQ(areaUtcOffsetMinutes("94.71"), 540);          // Papua
  EXPECT_EQ(areaUtcOffsetMinutes(""), 420);
}

TEST(Deadlines, ReceiveAndResolveRunWhileOpenAndSayHowLate) {
  Report report = newReport();
  auto running = runningDeadlines(report, policy(), kWib, kT0 + 30 * kMinuteMs);
  ASSERT_EQ(running.size(), 2u);
  EXPECT_EQ(running[0].kind, DeadlineKind::Receive);
  EXPECT_EQ(running[0].dueAtUnixMs, kT0 + kHourMs);
  EXPECT_EQ(running[0].lateByMs, 0);
  EXPECT_EQ(running[1].kind, DeadlineKind::Resolve);
  EXPECT_EQ(running[1].dueAtUnixMs, kT0 + 3 * kDayMs);
  running = runningDeadlines(report, policy(), kWib, kT0 + 2 * kHourMs + 5 * kMinuteMs);
  EXPECT_EQ(running[0].lateByMs, kHourMs + 5 * kMinuteMs);
  apply(report, Action::Receive, kT0 + 3 * kHourMs);
  running = runningDeadlines(report, policy(), kWib, kT0 + 4 * kDayMs);
  ASSERT_EQ(running.size(), 1u);
  EXPECT_EQ(running[0].kind, DeadlineKind::Resolve);
  EXPECT_EQ(running[0].lateByMs, kDayMs);
  apply(report, Action::Reject, kT0 + 4 * kDayMs, "ganda");
  EXPECT_TRUE(runningDeadlines(report, policy(), kWib, kT0 + 9 * kDayMs).empty());
}

TEST(Deadlines, HandOverRestartsReceiveAndReopenRestartsResolve) {
  Report report = newReport();
  apply(report, Action::HandOver, kT0 + 10 * kMinuteMs, "", "85010002");
  auto running = runningDeadlines(report, policy(), kWib, kT0 + 10 * kMinuteMs);
  EXPECT_EQ(running[0].sinceEvent, 1u);
  EXPECT_EQ(running[0].dueAtUnixMs, kT0 + 70 * kMinuteMs);
  EXPECT_EQ(running[1].dueAtUnixMs, kT0 + 3 * kDayMs) << "resolving still counts from the submission";
  ASSERT_FALSE(StatusMachine::apply(report, {Action::Receive, officer("85010002"), kT0 + kDayMs, "", ""}));
  ASSERT_FALSE(StatusMachine::apply(report, {Action::Reject, officer("85010002"), kT0 + kDayMs, "ganda", ""}));
  apply(report, Action::Reopen, kT0 + 2 * kDayMs, "bukan ganda");
  running = runningDeadlines(report, policy(), kWib, kT0 + 2 * kDayMs);
  ASSERT_EQ(running.size(), 1u);
  EXPECT_EQ(running[0].dueAtUnixMs, kT0 + 5 * kDayMs);
}

// Checked once that this bites: without the `escalated` check in escalationsDue the second sweep answers a
// second escalation.
TEST(Deadlines, EscalatesOnceAfterTheGraceAndAgainOnlyForANewDeadline) {
  Report report = newReport();
  EXPECT_TRUE(escalationsDue(report, policy(), kWib, kT0 + 2 * kHourMs - 1).empty()) << "late less than the grace";
  const std::int64_t sweep = kT0 + 2 * kHourMs;
  auto due = escalationsDue(report, policy(), kWib, sweep);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].action, Action::Escalate);
  EXPECT_EQ(due[0].actor.role, Role::System);
  EXPECT_EQ(due[0].note, "receive: 60 min late");
  EXPECT_EQ(due[0].atUnixMs, sweep);
  ASSERT_FALSE(StatusMachine::apply(report, due[0]));
  EXPECT_EQ(escalatedDeadline(report.timeline().back()), DeadlineKind::Receive);
  EXPECT_TRUE(escalationsDue(report, policy(), kWib, sweep + kHourMs).empty());
  EXPECT_TRUE(runningDeadlines(report, policy(), kWib, sweep)[0].escalated);

  apply(report, Action::HandOver, sweep + kHourMs, "", "85010002");
  EXPECT_EQ(escalationsDue(report, policy(), kWib, sweep + 3 * kHourMs).size(), 1u) << "the new officer's deadline";
  auto both = escalationsDue(report, policy(), kWib, kT0 + 5 * kDayMs);
  ASSERT_EQ(both.size(), 2u);
  TimelineEvent event;
  event.action = Action::Escalate;
  event.note = both[1].note;
  EXPECT_EQ(escalatedDeadline(event), DeadlineKind::Resolve);
  event.action = Action::Note;
  EXPECT_FALSE(escalatedDeadline(event)) << "a note that reads like an escalation is not one";
}

TEST(Deadlines, WorkingDayPolicyDelaysEscalationOverTheWeekend) {
  DeadlinePolicy workdays = policy(kHourMs, 3 * kDayMs, 0);
  workdays.workingDaysOnly = true;
  Report report = StatusMachine::submit(testing::validDetails(), citizen(), kFriday1430Utc, "85010001");
  EXPECT_TRUE(escalationsDue(report, workdays, kWit, kFriday1430Utc + 2 * kHourMs).empty());
  EXPECT_EQ(escalationsDue(report, workdays, kWib, kFriday1430Utc + 2 * kHourMs).size(), 1u);
}

// Checked once that this bites: with the window still open at its last millisecond (`<=`), it fails.
TEST(Deadlines, ConfirmWindowThenAutoClose) {
  Report report = newReport();
  const std::int64_t window = 72 * kHourMs;
  EXPECT_FALSE(confirmWindowEnd(report, window));
  EXPECT_FALSE(autoCloseDue(report, window, kT0 + 10 * kDayMs));
  apply(report, Action::Receive, kT0 + 1);
  apply(report, Action::Start, kT0 + 2);
  apply(report, Action::Resolve, kT0 + 3);
  EXPECT_EQ(confirmWindowEnd(report, window), kT0 + 3 + window);
  EXPECT_TRUE(withinConfirmWindow(report, window, kT0 + 2 + window));
  EXPECT_FALSE(withinConfirmWindow(report, window, kT0 + 3 + window));
  EXPECT_FALSE(autoCloseDue(report, window, kT0 + 2 + window));
  const auto close = autoCloseDue(report, window, kT0 + 3 + window);
  ASSERT_TRUE(close);
  ASSERT_FALSE(StatusMachine::apply(report, *close));
  EXPECT_EQ(report.status(), Status::Closed);
  EXPECT_FALSE(autoCloseDue(report, window, kT0 + 10 * kDayMs));
}

TEST(Deadlines, SettingsPerCategoryWithValidation) {
  DeadlinePolicies policies;
  EXPECT_FALSE(applyDeadlineSetting("traffic_accident:receive=30m, resolve=2d,working_days", policies));
  const DeadlinePolicy& traffic = policies.forCategory(Category::TrafficAccident);
  EXPECT_EQ(traffic.receiveWithinMs, 30 * kMinuteMs);
  EXPECT_EQ(traffic.resolveWithinMs, 2 * kDayMs);
  EXPECT_EQ(traffic.escalateAfterMs, kHourMs);
  EXPECT_TRUE(traffic.workingDaysOnly);
  EXPECT_FALSE(applyDeadlineSetting("default:resolve=5d", policies));
  EXPECT_EQ(policies.forCategory(Category::Crime).resolveWithinMs, 5 * kDayMs);
  EXPECT_EQ(policies.forCategory(Category::TrafficAccident).resolveWithinMs, 2 * kDayMs);

  EXPECT_NE(applyDeadlineSetting("crime", policies)->find("CATEGORY:"), std::string::npos);
  EXPECT_NE(applyDeadlineSetting("theft:receive=1h", policies)->find("neither a category"), std::string::npos);
  EXPECT_NE(applyDeadlineSetting("crime:receive=1x", policies)->find("duration"), std::string::npos);
  EXPECT_NE(applyDeadlineSetting("crime:within=1h", policies)->find("unknown setting"), std::string::npos);
  EXPECT_NE(applyDeadlineSetting("crime:receive=4d,resolve=1d", policies)->find("longer than the resolve"),
            std::string::npos);
  EXPECT_NE(applyDeadlineSetting("crime:resolve=0m", policies)->find("longer than zero"), std::string::npos);
  EXPECT_NE(applyDeadlineSetting("crime:resolve=400d", policies)->find("365"), std::string::npos);
  EXPECT_EQ(policies.byCategory.count(Category::Crime), 0u) << "a refused setting changes nothing";

  EXPECT_FALSE(applyDeadlineSettings(" crime:receive=15m ; ;drugs:calendar_days", policies));
  EXPECT_EQ(policies.forCategory(Category::Crime).receiveWithinMs, 15 * kMinuteMs);
  EXPECT_NE(applyDeadlineSettings("crime:receive=20m;drugs:receive=9", policies)->find("duration"), std::string::npos);
}

}  // namespace
}  // namespace bhabin::report
