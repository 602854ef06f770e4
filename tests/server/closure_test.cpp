// Deadlines and citizen-confirmed closure through the real API, on SQLite and PostgreSQL, with the test's
// clock: the sweep escalates a late report once and auto-closes a resolved one when the confirmation window
// passes; the citizen confirms (with a rating) or reopens with the tracking code and secret, within the window.
//
// Bite, tried by hand: with the window check removed from Reports::answerResolution,
// CitizenReopensWithAReasonThenTheWindowEnds failed at the late confirm (200, expected 409
// confirm_window_passed); with `deadline.escalated` ignored in the core's escalationsDue,
// EscalatesALateReportOnce failed at the second sweep (escalated 1, expected 0).

#include <gtest/gtest.h>

#include "server/service/deadline_sweep.h"
#include "support/api_server.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

using storage::Dialect;

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kHour = 60 * kMinute;

class Closure : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    settings_.deadlineSweepEveryMs = 24 * kHour;  // the server's own sweep runs at start only; the test sweeps
    settings_.trackingFailuresPerAddress = {3, 10 * kMinute};
    server_ = std::make_unique<RunningServer>(GetParam(), "", settings_);
    citizen_ = std::make_unique<ApiClient>(server_->port());
    officer_ = std::make_unique<ApiClient>(server_->port());
    ASSERT_EQ(officer_->login(brebesDemo().officers[onDutyDemoOfficer()].nrp).status, 200);
  }

  FiledReport fileReport() { return fileReportForOnDutyOfficer(*citizen_, *server_); }

  void move(const std::string& code, const std::string& body) {
    const Reply moved = officer_->post("/api/v1/reports/" + code + "/moves", body, newKey());
    EXPECT_EQ(moved.status, 200) << moved.body;
  }

  void resolve(const std::string& code) {
    move(code, R"({"action":"receive"})");
    move(code, R"({"action":"start"})");
    move(code, R"({"action":"resolve","note":"Pelaku sudah ditangkap"})");
  }

  // A sweep on its own connection with the server's clock, as another server process would run it.
  service::SweepCounts sweep() {
    storage::ConnectionPool pool([this] { return server_->connect(); }, 1);
    service::Backend backend(pool, settings_, [this] { return server_->clock().now(); });
    return service::DeadlineSweep(backend).run();
  }

  Reply answer(const FiledReport& report, const std::string& what, const std::string& body, const std::string& key = newKey(),
               const std::string& language = "en") {
    return citizen_->post("/api/v1/track/" + report.code + "/" + what, body,
                          {{"X-Report-Secret", report.secret}, {"Idempotency-Key", key}, {"Accept-Language", language}});
  }

  Reply track(const FiledReport& report) {
    return citizen_->get("/api/v1/track/" + report.code, {{"X-Report-Secret", report.secret}});
  }

  // The officer's entry in the supervisor's /api/v1/area/officers, as "confirmed/reopened/autoClosed/ratings/average".
  std::string officerOutcomes() {
    ApiClient polres(server_->port());
    EXPECT_EQ(polres.login(brebesDemo().supervisors.front().nrp).status, 200);
    const Reply officers = polres.get("/api/v1/area/officers");
    for (const auto& officer : officers.json["officers"].GetArray()) {
      if (officer["nrp"].GetString() != brebesDemo().officers[onDutyDemoOfficer()].nrp) continue;
      const auto& average = officer["ratingAverage"];
      return std::to_string(officer["confirmed"].GetInt()) + "/" + std::to_string(officer["reopened"].GetInt()) + "/" +
             std::to_string(officer["autoClosed"].GetInt()) + "/" + std::to_string(officer["ratings"].GetInt()) + "/" +
             (average.IsNull() ? "null" : std::to_string(average.GetDouble()));
    }
    return "(officer missing) " + officers.body;
  }

  service::BackendSettings settings_;
  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<ApiClient> citizen_;
  std::unique_ptr<ApiClient> officer_;
};

TEST_P(Closure, EscalatesALateReportOnce) {
  const FiledReport report = fileReport();  // defaults: acknowledge within 1 hour, escalate 1 hour after that
  server_->clock().advance(2 * kHour - kMinute);
  EXPECT_EQ(sweep().escalated, 0) << "late, but not yet by the grace";
  const Reply onTime = officer_->get("/api/v1/reports/" + report.code);
  EXPECT_EQ(onTime.text("/deadlines/0/kind"), "receive");
  EXPECT_EQ(onTime.json["deadlines"][0]["lateByMs"].GetInt64(), kHour - kMinute) << onTime.body;
  EXPECT_FALSE(onTime.json["deadlines"][0]["escalated"].GetBool());

  server_->clock().advance(kMinute);
  EXPECT_EQ(sweep().escalated, 1);
  EXPECT_EQ(sweep().escalated, 0) << "never twice for the same deadline";
  const Reply escalated = officer_->get("/api/v1/reports/" + report.code);
  EXPECT_TRUE(escalated.json["deadlines"][0]["escalated"].GetBool()) << escalated.body;
  const auto& timeline = escalated.json["report"]["timeline"];
  ASSERT_EQ(timeline.Size(), 2u) << escalated.body;
  EXPECT_STREQ(timeline[1]["action"].GetString(), "escalate");
  EXPECT_STREQ(timeline[1]["actor"]["role"].GetString(), "system");
  EXPECT_STREQ(timeline[1]["note"].GetString(), "receive: 60 min late");
  EXPECT_STREQ(timeline[1]["status"].GetString(), "submitted");
  EXPECT_EQ(track(report).text("/timeline/1/action"), "escalate") << "the citizen sees it was escalated";

  move(report.code, R"({"action":"receive"})");
  const Reply received = officer_->get("/api/v1/worklist");
  ASSERT_EQ(received.status, 200) << received.body;
  EXPECT_EQ(received.json["reports"][0]["deadlines"].Size(), 1u) << "only the resolve deadline runs now";
}

TEST_P(Closure, CitizenConfirmsWithARating) {
  const FiledReport report = fileReport();
  const Reply notYet = answer(report, "confirm", R"({"rating":4})", newKey(), "id");
  EXPECT_EQ(notYet.status, 409);
  EXPECT_EQ(notYet.errorCode(), "report_not_resolved");
  EXPECT_EQ(notYet.text("/error/message"), "Laporan ini belum diselesaikan petugas, atau sudah ditutup.");
  resolve(report.code);
  const std::int64_t resolvedAt = server_->clock().now();
  EXPECT_EQ(track(report).json["confirmBeforeUnixMs"].GetInt64(), resolvedAt + 72 * kHour);

  FiledReport wrong = report;
  wrong.secret = "00000000-00000000-00000000";
  EXPECT_EQ(answer(wrong, "confirm", "{}").status, 404);
  const Reply badRating = answer(report, "confirm", R"({"rating":7})");
  EXPECT_EQ(badRating.status, 400);
  EXPECT_EQ(badRating.errorCode(), "invalid_rating");

  const std::string key = newKey();
  server_->clock().advance(kHour);
  const Reply confirmed = answer(report, "confirm", R"({"rating":4})", key);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.text("/status"), "closed");
  EXPECT_EQ(confirmed.json["confirmBeforeUnixMs"].IsNull(), true);
  const auto& timeline = confirmed.json["timeline"];
  EXPECT_STREQ(timeline[timeline.Size() - 1]["action"].GetString(), "confirm");
  EXPECT_EQ(timeline[timeline.Size() - 1]["rating"].GetInt(), 4);
  EXPECT_EQ(answer(report, "confirm", R"({"rating":4})", key).header("Idempotent-Replayed"), "true");
  EXPECT_EQ(answer(report, "reopen", R"({"reason":"Masih terjadi"})").errorCode(), "report_not_resolved");
  EXPECT_EQ(sweep().closed, 0) << "already closed";
  EXPECT_EQ(officerOutcomes(), "1/0/0/1/4.000000");
}

TEST_P(Closure, CitizenReopensWithAReasonThenTheWindowEnds) {
  const FiledReport report = fileReport();
  resolve(report.code);
  const Reply noReason = answer(report, "reopen", R"({"reason":"  "})");
  EXPECT_EQ(noReason.status, 422) << noReason.body;
  EXPECT_EQ(noReason.fieldErrors(), std::vector<std::string>{"reason:required"});
  const Reply reopened = answer(report, "reopen", R"({"reason":"Motor saya belum kembali"})");
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(reopened.text("/status"), "received");
  const Reply worked = officer_->get("/api/v1/reports/" + report.code);
  EXPECT_EQ(worked.text("/report/assignedNrp"), brebesDemo().officers[onDutyDemoOfficer()].nrp) << "back to the same officer";

  move(report.code, R"({"action":"start"})");
  move(report.code, R"({"action":"resolve","note":"Motor ditemukan"})");
  server_->clock().advance(72 * kHour - 1);
  EXPECT_EQ(sweep().closed, 0) << "the window is still open";
  server_->clock().advance(1);
  const Reply late = answer(report, "confirm", R"({"rating":5})");
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(late.errorCode(), "confirm_window_passed");
  EXPECT_EQ(sweep().closed, 1);
  EXPECT_EQ(sweep().closed, 0);
  const Reply closed = track(report);
  EXPECT_EQ(closed.text("/status"), "closed");
  const auto& timeline = closed.json["timeline"];
  EXPECT_STREQ(timeline[timeline.Size() - 1]["action"].GetString(), "auto_close");
  EXPECT_STREQ(timeline[timeline.Size() - 1]["actorRole"].GetString(), "system");
  EXPECT_EQ(officerOutcomes(), "0/1/1/0/null");
}

TEST_P(Closure, WrongSecretsShareTheTrackingBudget) {
  const FiledReport report = fileReport();
  resolve(report.code);
  FiledReport guessed = report;
  guessed.secret = "00000000-00000000-00000000";
  for (int guess = 0; guess < 3; ++guess) {
    const Reply missed = answer(guessed, guess % 2 ? "confirm" : "reopen", R"({"reason":"x"})");
    EXPECT_EQ(missed.status, 404) << guess << ": " << missed.body;
    EXPECT_EQ(missed.errorCode(), "report_not_found");
  }
  EXPECT_EQ(answer(report, "confirm", "{}").status, 429) << "the right secret waits too";
  EXPECT_EQ(track(report).status, 429) << "one budget with tracking";
  server_->clock().advance(11 * kMinute);
  EXPECT_EQ(answer(report, "confirm", "{}").status, 200);
}

INSTANTIATE_TEST_SUITE_P(BothDialects, Closure, ::testing::ValuesIn(storage::kTestDialects), storage::dialectTestName);

}  // namespace
}  // namespace bhabin::server::testing
