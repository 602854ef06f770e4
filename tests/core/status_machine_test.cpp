#include "core/report/status_machine.h"

#include <gtest/gtest.h>

#include <type_traits>

#include "report_fixtures.h"

namespace bhabin::report {
namespace {

using testing::citizen;
using testing::officer;
using testing::server;
using testing::supervisor;

constexpr std::int64_t kT0 = testing::kNowUnixMs;

Report newReport(const std::string& assigned = "85010001") {
  return StatusMachine::submit(testing::validDetails(), citizen(), kT0, assigned);
}

Move move(Action action, Actor actor, std::int64_t at, std::string note = "", std::string to = "") {
  return {action, std::move(actor), at, std::move(note), std::move(to)};
}

TEST(StatusMachine, SubmitStartsTheTimeline) {
  const Report report = newReport();
  EXPECT_EQ(report.status(), Status::Submitted);
  EXPECT_EQ(report.assignedOfficerNrp(), "85010001");
  ASSERT_EQ(report.timeline().size(), 1u);
  EXPECT_EQ(report.timeline()[0].action, Action::Submit);
  EXPECT_EQ(report.timeline()[0].atUnixMs, kT0);
}

TEST(StatusMachine, HappyPathAppendsOneEventPerMove) {
  Report report = newReport();
  EXPECT_FALSE(StatusMachine::apply(report, move(Action::Receive, officer(), kT0 + 1)));
  EXPECT_FALSE(StatusMachine::apply(report, move(Action::Start, officer(), kT0 + 2, "menuju lokasi")));
  EXPECT_FALSE(StatusMachine::apply(report, move(Action::Note, citizen(), kT0 + 3, "pelaku memakai helm merah")));
  EXPECT_FALSE(StatusMachine::apply(report, move(Action::Resolve, officer(), kT0 + 4, "damai di tempat")));
  EXPECT_EQ(report.status(), Status::Resolved);
  const auto& timeline = report.timeline();
  ASSERT_EQ(timeline.size(), 5u);
  EXPECT_EQ(timeline[1].status, Status::Received);
  EXPECT_EQ(timeline[2].status, Status::InProcess);
  EXPECT_EQ(timeline[2].note, "menuju lokasi");
  EXPECT_EQ(timeline[3].action, Action::Note);
  EXPECT_EQ(timeline[3].status, Status::InProcess);
  EXPECT_EQ(timeline[3].actor.role, Role::Citizen);
  EXPECT_EQ(timeline[4].atUnixMs, kT0 + 4);
}

TEST(StatusMachine, IllegalMoveNamesCurrentStatusAndAllowedMoves) {
  Report report = newReport();
  const auto error = StatusMachine::apply(report, move(Action::Resolve, officer(), kT0 + 1));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, MoveErrorCode::IllegalInStatus);
  EXPECT_EQ(error->current, Status::Submitted);
  const std::vector<Action> expected{Action::Receive, Action::Reject, Action::HandOver, Action::Note};
  EXPECT_EQ(error->allowed, expected);
  EXPECT_NE(error->message.find("cannot resolve a report that is submitted"), std::string::npos) << error->message;
  EXPECT_NE(error->message.find("receive, reject, hand_over, note"), std::string::npos) << error->message;
  EXPECT_EQ(report.timeline().size(), 1u);  // untouched
}

TEST(StatusMachine, CitizensMayOnlyAddNotes) {
  Report report = newReport();
  const auto error = StatusMachine::apply(report, move(Action::Receive, citizen(), kT0 + 1));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, MoveErrorCode::NotPermitted);
  EXPECT_EQ(error->allowed, std::vector<Action>{Action::Note});
  EXPECT_EQ(StatusMachine::allowedMoves(report, citizen()), std::vector<Action>{Action::Note});
}

TEST(StatusMachine, OnlyTheAssignedOfficerActs) {
  Report report = newReport("85010001");
  const auto error = StatusMachine::apply(report, move(Action::Receive, officer("85019999"), kT0 + 1));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, MoveErrorCode::NotAssignedOfficer);
  EXPECT_TRUE(error->allowed.empty());
  EXPECT_NE(error->message.find("allowed for officer 85019999: none"), std::string::npos) << error->message;
  Report unassigned = newReport("");
  EXPECT_TRUE(StatusMachine::apply(unassigned, move(Action::Receive, officer(""), kT0 + 1)));
  EXPECT_FALSE(StatusMachine::apply(unassigned, move(Action::Receive, supervisor(), kT0 + 1)));
}

TEST(StatusMachine, RejectNeedsAReason) {
  Report report = newReport();
  const auto error = StatusMachine::apply(report, move(Action::Reject, officer(), kT0 + 1, "  \n "));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, MoveErrorCode::ReasonRequired);
  EXPECT_FALSE(StatusMachine::apply(report, move(Action::Reject, officer(), kT0 + 1, "laporan ganda")));
  EXPECT_EQ(report.status(), Status::Rejected);
  EXPECT_EQ(report.timeline().back().note, "laporan ganda");
}

TEST(StatusMachine, FinalStatusesAllowOnlyReopenBySupervisor) {
  Report report = newReport();
  ASSERT_FALSE(StatusMachine::apply(report, move(Action::Reject, officer(), kT0 + 1, "bukan wilayah kami")));
  EXPECT_TRUE(StatusMachine::allowedMoves(report, officer()).empty());
  EXPECT_TRUE(StatusMachine::allowedMoves(report, citizen()).empty());
  EXPECT_EQ(StatusMachine::allowedMoves(report, supervisor()), std::vector<Action>{Action::Reopen});
  const auto noteError = StatusMachine::apply(report, move(Action::Note, officer(), kT0 + 2, "catatan"));
  ASSERT_TRUE(noteError);
  EXPECT_EQ(noteError->code, MoveErrorCode::IllegalInStatus);
  EXPECT_TRUE(StatusMachine::apply(report, move(Action::Reopen, supervisor(), kT0 + 2)));  // needs a reason
  EXPECT_FALSE(StatusMachine::apply(report, move(Action::Reopen, supervisor(), kT0 + 2, "salah tolak")));
  EXPECT_EQ(report.status(), Status::Received);
}

TEST(StatusMachine, HandOverChangesTheAssigneeWhoThenReceives) {
  Report report = newReport("85010001");
  ASSERT_FALSE(StatusMachine::apply(report, move(Action::Receive, officer(), kT0 + 1)));
  ASSERT_FALSE(StatusMachine::apply(report, move(Action::HandOver, officer(), kT0 + 2, "di luar desa", "85010002")));
  EXPECT_EQ(report.status(), Status::HandedOver);
  EXPECT_EQ(report.assignedOfficerNrp(), "85010002");
  EXPECT_EQ(report.timeline()[1].assignedNrp, "85010001");  // history keeps who had it
  EXPECT_TRUE(StatusMachine::apply(report, move(Action::Receive, officer("85010001"), kT0 + 3)));
  EXPECT_FALSE(StatusMachine::apply(report, move(Action::Receive, officer("85010002"), kT0 + 3)));
  EXPECT_EQ(report.status(), Status::Received);
}

TEST(StatusMachine, HandOverNeedsAnotherValidOfficer) {
  Report report = newReport("85010001");
  for (const char* target : {"", "123", "85010001"}) {
    const auto error = StatusMachine::apply(report, move(Action::HandOver, officer(), kT0 + 1, "", target));
    ASSERT_TRUE(error) << target;
    EXPECT_EQ(error->code, MoveErrorCode::TargetRequired) << target;
  }
}

TEST(StatusMachine, TimeNeverGoesBackwards) {
  Report report = newReport();
  const auto error = StatusMachine::apply(report, move(Action::Receive, officer(), kT0 - 1));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, MoveErrorCode::TimeGoesBackwards);
  EXPECT_FALSE(StatusMachine::apply(report, move(Action::Receive, officer(), kT0)));  // same instant is fine
}

TEST(StatusMachine, EveryStatusActionPairFollowsTheTable) {
  // From each status reached legally, exactly the documented actions are open to a supervisor.
  Report report = newReport();
  EXPECT_EQ(StatusMachine::allowedMoves(report, supervisor()),
            (std::vector<Action>{Action::Receive, Action::Reject, Action::HandOver, Action::Note}));
  ASSERT_FALSE(StatusMachine::apply(report, move(Action::Receive, supervisor(), kT0)));
  EXPECT_EQ(StatusMachine::allowedMoves(report, supervisor()),
            (std::vector<Action>{Action::Start, Action::Reject, Action::HandOver, Action::Note}));
  ASSERT_FALSE(StatusMachine::apply(report, move(Action::Start, supervisor(), kT0)));
  EXPECT_EQ(StatusMachine::allowedMoves(report, supervisor()),
            (std::vector<Action>{Action::Resolve, Action::Reject, Action::HandOver, Action::Note}));
  ASSERT_FALSE(StatusMachine::apply(report, move(Action::HandOver, supervisor(), kT0, "", "85010003")));
  EXPECT_EQ(StatusMachine::allowedMoves(report, supervisor()),
            (std::vector<Action>{Action::Receive, Action::Reject, Action::HandOver, Action::Note}));
  ASSERT_FALSE(StatusMachine::apply(report, move(Action::Receive, officer("85010003"), kT0)));
  ASSERT_FALSE(StatusMachine::apply(report, move(Action::Start, officer("85010003"), kT0)));
  ASSERT_FALSE(StatusMachine::apply(report, move(Action::Resolve, officer("85010003"), kT0)));
  EXPECT_EQ(StatusMachine::allowedMoves(report, supervisor()), std::vector<Action>{Action::Reopen});
  EXPECT_EQ(report.timeline().size(), 7u);
}

Report resolvedReport() {
  Report report = newReport();
  EXPECT_FALSE(StatusMachine::apply(report, move(Action::Receive, officer(), kT0 + 1)));
  EXPECT_FALSE(StatusMachine::apply(report, move(Action::Start, officer(), kT0 + 2)));
  EXPECT_FALSE(StatusMachine::apply(report, move(Action::Resolve, officer(), kT0 + 3)));
  return report;
}

Move confirm(std::uint32_t rating, std::int64_t at = kT0 + 10) {
  Move confirmation = move(Action::Confirm, citizen(), at);
  confirmation.rating = rating;
  return confirmation;
}

// Checked once that these bite: letting citizens reopen from any final status fails this test (a closed report
// offers reopen) and CitizenReopensAResolvedReportWithAReasonToTheSameOfficer (a rejected one is reopened).
TEST(StatusMachine, CitizenConfirmsAResolvedReportWithARating) {
  Report report = resolvedReport();
  EXPECT_EQ(StatusMachine::allowedMoves(report, citizen()), (std::vector<Action>{Action::Reopen, Action::Confirm}));
  EXPECT_EQ(StatusMachine::allowedMoves(report, server()), std::vector<Action>{Action::AutoClose});
  EXPECT_EQ(StatusMachine::allowedMoves(report, officer()), std::vector<Action>{});
  for (std::uint32_t bad : {6u, 100u}) {
    const auto error = StatusMachine::apply(report, confirm(bad));
    ASSERT_TRUE(error) << bad;
    EXPECT_EQ(error->code, MoveErrorCode::InvalidRating);
  }
  ASSERT_FALSE(StatusMachine::apply(report, confirm(5)));
  EXPECT_EQ(report.status(), Status::Closed);
  EXPECT_EQ(report.timeline().back().rating, 5u);
  EXPECT_EQ(report.assignedOfficerNrp(), "85010001");
  EXPECT_TRUE(isFinal(Status::Closed));
  EXPECT_TRUE(StatusMachine::allowedMoves(report, citizen()).empty()) << "a closed report cannot be reopened by the citizen";
  EXPECT_EQ(StatusMachine::allowedMoves(report, supervisor()), std::vector<Action>{Action::Reopen});
}

TEST(StatusMachine, ConfirmWithoutRatingAndRatingsOnlyOnConfirm) {
  Report report = resolvedReport();
  Move reopen = move(Action::Reopen, citizen(), kT0 + 10, "masih terjadi");
  reopen.rating = 3;
  const auto error = StatusMachine::apply(report, reopen);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, MoveErrorCode::InvalidRating);
  EXPECT_FALSE(StatusMachine::apply(report, confirm(0)));
  EXPECT_EQ(report.status(), Status::Closed);
}

TEST(StatusMachine, CitizenReopensAResolvedReportWithAReasonToTheSameOfficer) {
  Report report = resolvedReport();
  const auto noReason = StatusMachine::apply(report, move(Action::Reopen, citizen(), kT0 + 10, " "));
  ASSERT_TRUE(noReason);
  EXPECT_EQ(noReason->code, MoveErrorCode::ReasonRequired);
  ASSERT_FALSE(StatusMachine::apply(report, move(Action::Reopen, citizen(), kT0 + 10, "pencurian masih terjadi")));
  EXPECT_EQ(report.status(), Status::Received);
  EXPECT_EQ(report.assignedOfficerNrp(), "85010001");
  Report rejected = newReport();
  ASSERT_FALSE(StatusMachine::apply(rejected, move(Action::Reject, officer(), kT0 + 1, "ganda")));
  const auto error = StatusMachine::apply(rejected, move(Action::Reopen, citizen(), kT0 + 2, "bukan ganda"));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, MoveErrorCode::NotPermitted);
}

TEST(StatusMachine, OnlyTheSystemEscalatesAndAutoCloses) {
  Report report = newReport();
  for (const Actor& actor : {citizen(), officer(), supervisor()}) {
    const auto error = StatusMachine::apply(report, move(Action::Escalate, actor, kT0 + 1, "receive: 5 min late"));
    ASSERT_TRUE(error) << roleCode(actor.role);
    EXPECT_EQ(error->code, MoveErrorCode::NotPermitted);
  }
  EXPECT_EQ(StatusMachine::allowedMoves(report, server()), std::vector<Action>{Action::Escalate});
  EXPECT_TRUE(StatusMachine::apply(report, move(Action::Receive, server(), kT0 + 1)));
  ASSERT_FALSE(StatusMachine::apply(report, move(Action::Escalate, server(), kT0 + 1, "receive: 5 min late")));
  EXPECT_EQ(report.status(), Status::Submitted);
  Report resolved = resolvedReport();
  EXPECT_TRUE(StatusMachine::apply(resolved, move(Action::AutoClose, supervisor(), kT0 + 10)));
  ASSERT_FALSE(StatusMachine::apply(resolved, move(Action::AutoClose, server(), kT0 + 10)));
  EXPECT_EQ(resolved.status(), Status::Closed);
  EXPECT_TRUE(StatusMachine::apply(resolved, move(Action::Escalate, server(), kT0 + 11, "resolve: 1 min late")));
}

TEST(StatusMachine, RestoreReplaysClosureAndRefusesAForgedRating) {
  Report report = resolvedReport();
  ASSERT_FALSE(StatusMachine::apply(report, confirm(4)));
  auto restored = StatusMachine::restore(report.details(), report.timeline());
  ASSERT_TRUE(std::holds_alternative<Report>(restored));
  EXPECT_EQ(std::get<Report>(restored).timeline().back().rating, 4u);
  std::vector<TimelineEvent> forged = report.timeline();
  forged[3].rating = 5;  // on the resolve
  EXPECT_TRUE(std::holds_alternative<MoveError>(StatusMachine::restore(report.details(), forged)));
}

TEST(StatusMachine, RestoreReplaysALegalTimeline) {
  Report original = newReport();
  ASSERT_FALSE(StatusMachine::apply(original, move(Action::Receive, officer(), kT0 + 5)));
  ASSERT_FALSE(StatusMachine::apply(original, move(Action::HandOver, officer(), kT0 + 6, "", "85010002")));
  auto restored = StatusMachine::restore(original.details(), original.timeline());
  ASSERT_TRUE(std::holds_alternative<Report>(restored));
  const Report& copy = std::get<Report>(restored);
  EXPECT_EQ(copy.status(), Status::HandedOver);
  EXPECT_EQ(copy.assignedOfficerNrp(), "85010002");
  EXPECT_EQ(copy.timeline().size(), 3u);
}

TEST(StatusMachine, RestoreRefusesForgedTimelines) {
  const Report original = newReport();
  std::vector<TimelineEvent> skipped = original.timeline();
  skipped.push_back({Action::Resolve, Status::Resolved, officer(), kT0 + 1, "", "85010001"});
  auto result = StatusMachine::restore(original.details(), skipped);
  ASSERT_TRUE(std::holds_alternative<MoveError>(result));
  EXPECT_NE(std::get<MoveError>(result).message.find("timeline event 1"), std::string::npos);

  std::vector<TimelineEvent> lying = original.timeline();
  lying.push_back({Action::Receive, Status::InProcess, officer(), kT0 + 1, "", "85010001"});
  EXPECT_TRUE(std::holds_alternative<MoveError>(StatusMachine::restore(original.details(), lying)));

  EXPECT_TRUE(std::holds_alternative<MoveError>(StatusMachine::restore(original.details(), {})));
  std::vector<TimelineEvent> twoSubmits = original.timeline();
  twoSubmits.push_back(original.timeline().front());
  EXPECT_TRUE(std::holds_alternative<MoveError>(StatusMachine::restore(original.details(), twoSubmits)));
}

TEST(Status, CodesRoundTrip) {
  for (Status status : kAllStatuses) EXPECT_EQ(statusFromCode(statusCode(status)), status);
  for (Action action : kAllActions) EXPECT_EQ(actionFromCode(actionCode(action)), action);
  for (Role role : kAllRoles) EXPECT_EQ(roleFromCode(roleCode(role)), role);
  EXPECT_EQ(statusCode(Status::InProcess), "in_process");
  EXPECT_FALSE(statusFromCode("done").has_value());
  EXPECT_TRUE(isFinal(Status::Rejected));
  EXPECT_FALSE(isFinal(Status::HandedOver));
}

}  // namespace
}  // namespace bhabin::report

namespace bhabin::report {
namespace {

// The timeline is reachable only as a const reference and a Report cannot be made except through the
// StatusMachine, so no caller can rewrite history; these fail to compile if that changes.
static_assert(std::is_const_v<std::remove_reference_t<decltype(std::declval<Report&>().timeline())>>);
static_assert(!std::is_default_constructible_v<Report>);
static_assert(!std::is_constructible_v<Report, ReportDetails, TimelineEvent>);

}  // namespace
}  // namespace bhabin::report
