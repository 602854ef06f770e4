// The dashboard's list of late reports, worked out by hand: acknowledge within 1 hour, resolve within 3 days,
// calendar days. Bite, tried by hand: with every running deadline listed (not only late ones), or sorted
// least late first, these tests failed.
#include "core/stats/overdue_reports.h"

#include <gtest/gtest.h>

#include "core/report/status_machine.h"
#include "report_fixtures.h"

namespace bhabin::stats {
namespace {

using report::Action;
using report::Category;
using report::DeadlineKind;
using report::Report;
using report::StatusMachine;
using testing::citizen;
using testing::kHourMs;
using testing::officer;

constexpr std::int64_t kT = testing::kNowUnixMs;
const std::string kA = "85010001";

Report submittedAt(std::uint8_t seed, std::int64_t at, Category category = Category::Crime) {
  report::ReportDetails details = testing::validDetails(seed);
  details.category = category;
  return StatusMachine::submit(details, citizen(), at, kA);
}

void apply(Report& report, Action action, std::int64_t at) {
  report::Move move;
  move.action = action;
  move.actor = officer(kA);
  move.atUnixMs = at;
  const auto refused = StatusMachine::apply(report, move);
  ASSERT_FALSE(refused.has_value()) << refused->message;
}

report::DeadlinePolicies oneHourThreeDays() {
  report::DeadlinePolicies policies;
  policies.fallback.receiveWithinMs = kHourMs;
  policies.fallback.resolveWithinMs = 72 * kHourMs;
  return policies;
}

TEST(OverdueReports, ListsOnlyLateReportsMostLateFirst) {
  const std::int64_t now = kT + 80 * kHourMs;
  Report unread = submittedAt(1, kT + 77 * kHourMs);      // receive due at +78 h: 2 h late
  Report working = submittedAt(2, kT);                     // resolve due at +72 h: 8 h late
  apply(working, Action::Receive, kT + 30 * 60 * 1000);
  Report onTime = submittedAt(3, kT + 79 * kHourMs + 30 * 60 * 1000);
  Report resolved = submittedAt(4, kT);
  apply(resolved, Action::Receive, kT + kHourMs / 2);
  apply(resolved, Action::Start, kT + kHourMs);
  apply(resolved, Action::Resolve, kT + 2 * kHourMs);

  const OverdueReports overdue = overdueReports({unread, working, onTime, resolved}, oneHourThreeDays(), now, 10);
  EXPECT_EQ(overdue.total, 2u);
  ASSERT_EQ(overdue.latest.size(), 2u);
  EXPECT_EQ(overdue.latest[0].trackingCode, working.details().trackingCode);
  EXPECT_EQ(overdue.latest[0].deadline.kind, DeadlineKind::Resolve);
  EXPECT_EQ(overdue.latest[0].deadline.lateByMs, 8 * kHourMs);
  EXPECT_EQ(overdue.latest[0].assignedNrp, kA);
  EXPECT_EQ(overdue.latest[1].trackingCode, unread.details().trackingCode);
  EXPECT_EQ(overdue.latest[1].deadline.kind, DeadlineKind::Receive);
  EXPECT_EQ(overdue.latest[1].deadline.lateByMs, 2 * kHourMs);
}

TEST(OverdueReports, AReportLateOnBothDeadlinesCountsOnceByTheMostLate) {
  Report neverRead = submittedAt(5, kT);
  const OverdueReports overdue = overdueReports({neverRead}, oneHourThreeDays(), kT + 73 * kHourMs, 10);
  ASSERT_EQ(overdue.latest.size(), 1u);
  EXPECT_EQ(overdue.latest[0].deadline.kind, DeadlineKind::Receive);
  EXPECT_EQ(overdue.latest[0].deadline.lateByMs, 72 * kHourMs);
}

TEST(OverdueReports, KeepsTheLimitButCountsEveryLateReport) {
  std::vector<Report> reports;
  for (std::uint8_t seed = 1; seed <= 5; ++seed) reports.push_back(submittedAt(seed, kT + seed * kHourMs));
  const OverdueReports overdue = overdueReports(reports, oneHourThreeDays(), kT + 10 * kHourMs, 2);
  EXPECT_EQ(overdue.total, 5u);
  ASSERT_EQ(overdue.latest.size(), 2u);
  EXPECT_EQ(overdue.latest[0].deadline.lateByMs, 8 * kHourMs) << "submitted first";
  EXPECT_EQ(overdue.latest[1].deadline.lateByMs, 7 * kHourMs);
}

TEST(OverdueReports, EachCategoryHasItsOwnPolicy) {
  report::DeadlinePolicies policies = oneHourThreeDays();
  policies.byCategory[Category::Other].receiveWithinMs = 24 * kHourMs;
  policies.byCategory[Category::Other].resolveWithinMs = 72 * kHourMs;
  const Report patient = submittedAt(6, kT, Category::Other);
  const Report urgent = submittedAt(7, kT, Category::Crime);
  const OverdueReports overdue = overdueReports({patient, urgent}, policies, kT + 2 * kHourMs, 10);
  ASSERT_EQ(overdue.latest.size(), 1u);
  EXPECT_EQ(overdue.latest[0].trackingCode, urgent.details().trackingCode);
}

}  // namespace
}  // namespace bhabin::stats
