// The dashboard's figures against a small area worked out by hand: five reports between two officers over
// three days in WIB, one submitted the evening before and one at the first instant after the period.
// Bite, tried by hand: with the period's end inclusive, the wait counted from submission instead of the
// hand-over, and percentiles by floor instead of nearest rank, these tests failed (each change alone breaks
// at least one of them: the day counts, B's 10-minute wait, the medians); so did duty time not clipped to the
// period's start, or counted to the end instead of the officer's next change.
#include "core/stats/area_stats.h"

#include <gtest/gtest.h>

#include "core/report/status_machine.h"
#include "report_fixtures.h"

namespace bhabin::stats {
namespace {

using domain::LocalDate;
using domain::TimeZone;
using report::Action;
using report::Category;
using report::Move;
using report::Report;
using report::Status;
using report::StatusMachine;
using testing::citizen;
using testing::officer;

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kHour = 60 * kMinute;
const std::string kA = "85010001";
const std::string kB = "85010002";
const std::string kC = "85010003";

const Period kNovember1To3{{2026, 11, 1}, {2026, 11, 3}, TimeZone::WIB};
const std::int64_t kStart = domain::localMidnightUnixMs({2026, 11, 1}, TimeZone::WIB);

const std::int64_t kLongAfter = domain::localMidnightUnixMs({2026, 12, 1}, TimeZone::WIB);

AreaStats statsOf(std::vector<Report> reports, std::vector<VisitEntry> visits, std::vector<std::string> nrps,
                  const Period& period) {
  return computeAreaStats({std::move(reports), std::move(visits), {}, std::move(nrps)}, period, kLongAfter);
}

Report submitted(std::uint8_t seed, Category category, std::int64_t at, const std::string& nrp) {
  report::ReportDetails details = testing::validDetails(seed);
  details.category = category;
  return StatusMachine::submit(details, citizen(), at, nrp);
}

void apply(Report& report, Action action, const report::Actor& actor, std::int64_t at, std::string handOverTo = {},
           std::string note = {}, std::uint32_t rating = 0) {
  Move move;
  move.action = action;
  move.actor = actor;
  move.atUnixMs = at;
  move.handOverToNrp = std::move(handOverTo);
  move.note = std::move(note);
  move.rating = rating;
  const auto refused = StatusMachine::apply(report, move);
  ASSERT_FALSE(refused.has_value()) << refused->message;
}

Report resolvedBy(const std::string& nrp, std::uint8_t seed, std::int64_t at) {
  Report report = submitted(seed, Category::Crime, at, nrp);
  apply(report, Action::Receive, officer(nrp), at + kHour);
  apply(report, Action::Start, officer(nrp), at + kHour);
  apply(report, Action::Resolve, officer(nrp), at + 2 * kHour);
  return report;
}

std::vector<Report> fiveReports() {
  Report r1 = submitted(1, Category::TrafficAccident, kStart + kHour, kA);
  apply(r1, Action::Receive, officer(kA), kStart + kHour + 30 * kMinute);
  apply(r1, Action::Start, officer(kA), kStart + 2 * kHour);
  apply(r1, Action::Resolve, officer(kA), kStart + 6 * kHour);
  Report r2 = submitted(2, Category::Crime, kStart + 25 * kHour, kA);
  apply(r2, Action::Receive, officer(kA), kStart + 27 * kHour);
  apply(r2, Action::HandOver, officer(kA), kStart + 28 * kHour, kB);
  apply(r2, Action::Receive, officer(kB), kStart + 28 * kHour + 10 * kMinute);
  Report r3 = submitted(3, Category::TrafficAccident, kStart + 49 * kHour, kB);
  Report r4 = submitted(4, Category::Crime, kStart - kHour, kA);  // 23:00 WIB on 31 October
  apply(r4, Action::Receive, officer(kA), kStart - 30 * kMinute);
  apply(r4, Action::Start, officer(kA), kStart + 49 * kHour);
  apply(r4, Action::Resolve, officer(kA), kStart + 50 * kHour);
  Report r5 = submitted(5, Category::Crime, kStart + 72 * kHour, kB);  // 00:00 WIB on 4 November
  return {r1, r2, r3, r4, r5};
}

TEST(AreaStats, CountsWhatWasSubmittedInThePeriodByStatusCategoryAndDay) {
  const AreaStats stats = statsOf(fiveReports(), {}, {kA, kB}, kNovember1To3);
  EXPECT_EQ(stats.submitted, 3);
  ASSERT_EQ(stats.byStatusAndCategory.size(), 3u);
  std::map<std::pair<Status, Category>, std::int64_t> counts;
  for (const auto& entry : stats.byStatusAndCategory) counts[{entry.status, entry.category}] = entry.count;
  EXPECT_EQ((counts[{Status::Resolved, Category::TrafficAccident}]), 1);
  EXPECT_EQ((counts[{Status::Received, Category::Crime}]), 1);
  EXPECT_EQ((counts[{Status::Submitted, Category::TrafficAccident}]), 1);

  ASSERT_EQ(stats.days.size(), 3u);
  EXPECT_EQ(stats.days[0].day, (LocalDate{2026, 11, 1}));
  EXPECT_EQ(stats.days[2].day, (LocalDate{2026, 11, 3}));
  EXPECT_EQ(stats.days[0].submitted, 1);
  EXPECT_EQ(stats.days[0].resolved, 1);
  EXPECT_EQ(stats.days[1].submitted, 1);
  EXPECT_EQ(stats.days[1].resolved, 0);
  EXPECT_EQ(stats.days[2].submitted, 1);
  EXPECT_EQ(stats.days[2].resolved, 1) << "the report from 31 October, resolved on 3 November";
}

TEST(AreaStats, WaitsAreMediansAndNinetiethPercentilesOfTheReportsOfThePeriod) {
  const AreaStats stats = statsOf(fiveReports(), {}, {kA, kB}, kNovember1To3);
  EXPECT_EQ(stats.submittedToReceived.count, 2);
  EXPECT_EQ(stats.submittedToReceived.medianMs, 30 * kMinute);
  EXPECT_EQ(stats.submittedToReceived.p90Ms, 2 * kHour);
  EXPECT_EQ(stats.submittedToResolved.count, 1);
  EXPECT_EQ(stats.submittedToResolved.medianMs, 5 * kHour);
  EXPECT_EQ(stats.submittedToResolved.p90Ms, 5 * kHour);
}

TEST(AreaStats, EachOfficerHasTheirLoadResolutionsWaitsAndVisits) {
  const std::vector<VisitEntry> visits = {{kA, kStart + 2 * kHour}, {kA, kStart - 1}, {kC, kStart + 72 * kHour - 1}};
  const AreaStats stats = statsOf(fiveReports(), visits, {kA, kB, kC}, kNovember1To3);
  ASSERT_EQ(stats.officers.size(), 3u);
  const OfficerRow& a = stats.officers[0];
  const OfficerRow& b = stats.officers[1];
  const OfficerRow& c = stats.officers[2];
  EXPECT_EQ(a.nrp, kA);
  EXPECT_EQ(a.openNow, 0);
  EXPECT_EQ(a.assignedInPeriod, 2);
  EXPECT_EQ(a.resolvedInPeriod, 2);
  EXPECT_EQ(a.toReceive.count, 2);
  EXPECT_EQ(a.toReceive.medianMs, 30 * kMinute);
  EXPECT_EQ(a.toReceive.p90Ms, 2 * kHour);
  EXPECT_EQ(a.visitsInPeriod, 1);
  EXPECT_EQ(b.nrp, kB);
  EXPECT_EQ(b.openNow, 3) << "the handed-over report, the unread one and the one after the period";
  EXPECT_EQ(b.assignedInPeriod, 1);
  EXPECT_EQ(b.resolvedInPeriod, 0);
  EXPECT_EQ(b.toReceive.count, 1);
  EXPECT_EQ(b.toReceive.medianMs, 10 * kMinute) << "counted from the hand-over, not the submission";
  EXPECT_EQ(c.nrp, kC);
  EXPECT_EQ(c.openNow, 0);
  EXPECT_EQ(c.toReceive.count, 0);
  EXPECT_EQ(c.visitsInPeriod, 1) << "a millisecond before the period ends";
}

TEST(AreaStats, AnEmptyPeriodHasEveryDayAndNoWaits) {
  const AreaStats stats = statsOf({}, {}, {kA}, kNovember1To3);
  EXPECT_EQ(stats.submitted, 0);
  EXPECT_TRUE(stats.byStatusAndCategory.empty());
  ASSERT_EQ(stats.days.size(), 3u);
  for (const DayCounts& day : stats.days) {
    EXPECT_EQ(day.submitted, 0);
    EXPECT_EQ(day.resolved, 0);
  }
  EXPECT_EQ(stats.submittedToReceived.count, 0);
  EXPECT_EQ(stats.submittedToReceived.medianMs, 0);
  ASSERT_EQ(stats.officers.size(), 1u);
  EXPECT_EQ(stats.officers[0].openNow, 0);
}

TEST(AreaStats, TheSameInstantFallsOnTheLocalDayOfTheAreasZone) {
  // 16:30 UTC on 1 November: 23:30 in Brebes (WIB), 00:30 in Makassar (WITA), 01:30 in Jayapura (WIT).
  const std::int64_t at = domain::localMidnightUnixMs({2026, 11, 1}, TimeZone::WIB) + 23 * kHour + 30 * kMinute;
  const std::vector<Report> reports = {submitted(6, Category::Crime, at, kA)};
  const auto submittedOnNovember2 = [&](TimeZone zone) {
    return statsOf(reports, {}, {}, Period{{2026, 11, 2}, {2026, 11, 2}, zone}).submitted;
  };
  EXPECT_EQ(submittedOnNovember2(TimeZone::WIB), 0);
  EXPECT_EQ(submittedOnNovember2(TimeZone::WITA), 1);
  EXPECT_EQ(submittedOnNovember2(TimeZone::WIT), 1);
}

TEST(AreaStats, CitizensAnswersCountForTheOfficerWhoHeldTheReport) {
  Report confirmed = resolvedBy(kA, 7, kStart);
  apply(confirmed, Action::Confirm, citizen(), kStart + 3 * kHour, {}, {}, 4);
  Report unrated = resolvedBy(kA, 8, kStart);
  apply(unrated, Action::Confirm, citizen(), kStart + 3 * kHour);
  Report reopened = resolvedBy(kB, 9, kStart);
  apply(reopened, Action::Reopen, citizen(), kStart + 3 * kHour, {}, "Motor belum kembali");
  Report confirmedLater = resolvedBy(kB, 10, kStart);
  apply(confirmedLater, Action::Confirm, citizen(), kStart + 72 * kHour, {}, {}, 1);  // after the period
  const AreaStats stats = statsOf({confirmed, unrated, reopened, confirmedLater}, {}, {kA, kB}, kNovember1To3);
  const OfficerRow& a = stats.officers[0];
  const OfficerRow& b = stats.officers[1];
  EXPECT_EQ(a.confirmedInPeriod, 2);
  EXPECT_EQ(a.ratingCount, 1);
  EXPECT_EQ(a.ratingSum, 4);
  EXPECT_EQ(a.reopenedByCitizensInPeriod, 0);
  EXPECT_EQ(b.confirmedInPeriod, 0);
  EXPECT_EQ(b.reopenedByCitizensInPeriod, 1);
  EXPECT_EQ(b.openNow, 1) << "reopened: back with the officer";
}

TEST(AreaStats, DutyTimeIsClippedToThePeriodAndToNow) {
  const std::vector<DutyChange> changes = {
      {kA, kStart - 5 * kHour, true},       // on duty when the period began
      {kA, kStart + 2 * kHour, false},
      {kA, kStart + 10 * kHour, true},
      {kA, kStart + 10 * kHour + 30 * kMinute, false},
      {kB, kStart + 70 * kHour, true},      // still on duty when the period ends
      {kC, kStart - 30 * kHour, true},      // on duty before, and off before the period
      {kC, kStart - 20 * kHour, false},
  };
  const AreaStats stats = computeAreaStats({{}, {}, changes, {kA, kB, kC}}, kNovember1To3, kLongAfter);
  ASSERT_EQ(stats.officers.size(), 3u);
  EXPECT_EQ(stats.officers[0].dutyMsInPeriod, 2 * kHour + 30 * kMinute);
  EXPECT_EQ(stats.officers[1].dutyMsInPeriod, 2 * kHour) << "to the end of 3 November";
  EXPECT_EQ(stats.officers[2].dutyMsInPeriod, 0);
}

TEST(AreaStats, DutyTimeOfAPeriodStillRunningEndsNow) {
  const std::vector<DutyChange> changes = {{kB, kStart + 70 * kHour, true}, {kA, kStart + 71 * kHour, true}};
  const AreaStats stats = computeAreaStats({{}, {}, changes, {kA, kB}}, kNovember1To3, kStart + 71 * kHour + 15 * kMinute);
  EXPECT_EQ(stats.officers[0].dutyMsInPeriod, 15 * kMinute);
  EXPECT_EQ(stats.officers[1].dutyMsInPeriod, kHour + 15 * kMinute) << "the changes come in any order";
}

TEST(SummarizeDurations, UsesNearestRanks) {
  EXPECT_EQ(summarizeDurations({}).count, 0);
  const DurationSummary one = summarizeDurations({7});
  EXPECT_EQ(one.medianMs, 7);
  EXPECT_EQ(one.p90Ms, 7);
  const DurationSummary ten = summarizeDurations({10, 1, 9, 2, 8, 3, 7, 4, 6, 5});
  EXPECT_EQ(ten.count, 10);
  EXPECT_EQ(ten.medianMs, 5);
  EXPECT_EQ(ten.p90Ms, 9);
  const DurationSummary eleven = summarizeDurations({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
  EXPECT_EQ(eleven.medianMs, 6);
  EXPECT_EQ(eleven.p90Ms, 10);
}

}  // namespace
}  // namespace bhabin::stats
