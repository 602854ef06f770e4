// The retention purge of reporters' identities (UU PDP 27/2022), on SQLite and PostgreSQL, with the test's
// clock: reports resolved or rejected longer ago than the retention lose every reporter's name and phone;
// open reports and recently closed ones keep them; the report, its timeline and the counts stay; a second
// run changes nothing; the audit log gets counts, never who.
//
// Bite, tried by hand: with `AND r.status IN ('resolved', 'rejected')` removed from eraseReporterIdentities
// (storage/report_rows.cpp), ErasesOnlyReportsClosedLongerThanTheRetention failed on both databases at
// `purged.reports` (2, expected 1), `purged.reporters` (3, expected 2), the old open report's name ("",
// expected "Siti Aminah") and the audit entry ("reports=2 reporters=3"). Without the two request-hash
// statements there, the same test failed at the old report's creation and join hashes; with the empty-hash case removed from replayOrRefuse
// (service/reports.cpp), the late retry got 422 idempotency_key_reused.

#include <gtest/gtest.h>
#include <rapidjson/pointer.h>

#include <chrono>
#include <thread>

#include "server/service/retention.h"
#include "support/api_server.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

using storage::Dialect;

constexpr std::int64_t kHour = 60 * 60 * 1000;
constexpr std::int64_t kDay = 24 * kHour;

// A staff view up to its reporters: the report's record with its timeline, and its change number.
std::string reportPart(const std::string& staffView) { return staffView.substr(0, staffView.find(",\"assignedOfficer\"")); }

class RetentionPurge : public ::testing::TestWithParam<Dialect> {
 protected:
  void start(service::BackendSettings settings = {}) {
    settings_ = settings;
    server_ = std::make_unique<RunningServer>(GetParam(), "", settings);
    citizen_ = std::make_unique<ApiClient>(server_->port());
  }

  FiledReport fileReport() { return fileReportForOnDutyOfficer(*citizen_, *server_); }

  void joinAsBudi(const std::string& code) {
    const Reply joined = citizen_->post("/api/v1/reports/" + code + "/reporters",
                                        R"({"anonymous":false,"reporterName":"Budi Santoso","reporterPhone":"0813-1111-2222"})", newKey());
    EXPECT_EQ(joined.status, 200) << joined.body;
  }

  // Sessions end after 12 idle hours, and these tests jump months: every step logs in afresh.
  ApiClient staff(const std::string& nrp) {
    ApiClient client(server_->port());
    EXPECT_EQ(client.login(nrp).status, 200);
    return client;
  }

  void moveAsOfficer(const std::string& code, const std::vector<std::string>& moves) {
    ApiClient officer = staff(brebesDemo().officers[onDutyDemoOfficer()].nrp);
    for (const std::string& body : moves) {
      const Reply moved = officer.post("/api/v1/reports/" + code + "/moves", body, newKey());
      EXPECT_EQ(moved.status, 200) << moved.body;
    }
  }

  void resolve(const std::string& code) {
    moveAsOfficer(code, {R"({"action":"receive"})", R"({"action":"start"})", R"({"action":"resolve","note":"Selesai"})"});
  }
  void reject(const std::string& code) { moveAsOfficer(code, {R"({"action":"reject","note":"Laporan ganda"})"}); }

  // A purge on its own connection with the server's clock, as another server process would run it.
  service::PurgeCounts purge() {
    storage::ConnectionPool pool([this] { return server_->connect(); }, 1);
    service::Backend backend(pool, settings_, [this] { return server_->clock().now(); });
    return service::Retention(backend).purgeReporterIdentities();
  }

  std::vector<std::string> rows(const std::string& sql) {
    std::vector<std::string> texts;
    for (const storage::Row& row : server_->connect()->query(sql)) {
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) line += (i ? "|" : "") + (row.isNull(i) ? "NULL" : row.text(i));
      texts.push_back(line);
    }
    return texts;
  }

  service::BackendSettings settings_;
  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<ApiClient> citizen_;
};

TEST_P(RetentionPurge, ErasesOnlyReportsClosedLongerThanTheRetention) {
  BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
  start();  // the default retention: 365 days
  const FiledReport oldClosed = fileReport();
  joinAsBudi(oldClosed.code);
  resolve(oldClosed.code);
  const FiledReport oldOpen = fileReport();
  server_->clock().advance(200 * kDay);
  const FiledReport recentClosed = fileReport();
  reject(recentClosed.code);
  server_->clock().advance(165 * kDay + kHour);  // oldClosed: closed 365 days and 1 hour ago

  ApiClient polres = staff(brebesDemo().supervisors.front().nrp);
  const Reply timelineBefore = polres.get("/api/v1/reports/" + oldClosed.code);
  ASSERT_EQ(timelineBefore.status, 200) << timelineBefore.body;
  const std::string summaryBefore = polres.get("/api/v1/area/summary").body;

  const service::PurgeCounts purged = purge();
  EXPECT_EQ(purged.reports, 1);
  EXPECT_EQ(purged.reporters, 2) << "the one who filed it and the one who joined";

  const Reply erased = polres.get("/api/v1/reports/" + oldClosed.code);
  ASSERT_EQ(erased.json["reporters"].Size(), 2u) << erased.body;
  for (const auto& reporter : erased.json["reporters"].GetArray()) {
    EXPECT_STREQ(reporter["name"].GetString(), "");
    EXPECT_STREQ(reporter["phone"].GetString(), "");
  }
  EXPECT_EQ(erased.body.find("Siti"), std::string::npos);
  EXPECT_EQ(erased.body.find("6281234567890"), std::string::npos);
  EXPECT_EQ(reportPart(erased.body), reportPart(timelineBefore.body)) << "the report and its timeline are untouched";
  EXPECT_EQ(polres.get("/api/v1/area/summary").body, summaryBefore) << "statistics are untouched";
  const Reply tracked = citizen_->get("/api/v1/track/" + oldClosed.code, {{"X-Report-Secret", oldClosed.secret}});
  EXPECT_EQ(tracked.status, 200) << "the citizen's link keeps working";
  EXPECT_EQ(tracked.text("/status"), "resolved");

  // The hashes of bodies that named a reporter go with the names: the creation's and the join's.
  const auto hashOf = [&](const FiledReport& filed) {
    return rows("SELECT request_hash FROM reports WHERE tracking_code = '" + filed.code + "'").at(0);
  };
  const auto joinAndMoveHashesOf = [&](const FiledReport& filed) {
    return rows("SELECT request_hash FROM applied_changes WHERE tracking_code = '" + filed.code + "'");
  };
  EXPECT_EQ(hashOf(oldClosed), "");
  EXPECT_EQ(joinAndMoveHashesOf(oldClosed), std::vector<std::string>(4, "")) << "Budi's join and three moves";
  EXPECT_NE(hashOf(oldOpen), "");
  EXPECT_NE(hashOf(recentClosed), "");
  ASSERT_EQ(joinAndMoveHashesOf(recentClosed).size(), 1u) << "the reject";
  EXPECT_NE(joinAndMoveHashesOf(recentClosed).at(0), "") << "kept until its own time";
  const Reply lateRetry = citizen_->post("/api/v1/reports", oldClosed.form, oldClosed.key);
  EXPECT_EQ(lateRetry.status, 201) << lateRetry.body;
  EXPECT_EQ(lateRetry.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(lateRetry.text("/trackingCode"), oldClosed.code) << "a late retry still gets its first answer";

  EXPECT_EQ(polres.get("/api/v1/reports/" + oldOpen.code).text("/reporters/0/name"), "Siti Aminah") << "still open";
  EXPECT_EQ(polres.get("/api/v1/reports/" + recentClosed.code).text("/reporters/0/phone"), "+6281234567890")
      << "closed only 165 days ago";

  const std::string auditQuery =
      "SELECT regency_code, actor_nrp, subject FROM audit_log WHERE action = 'purge_reporter_identity' ORDER BY at";
  EXPECT_EQ(rows(auditQuery), std::vector<std::string>{"33.29|server|reports=1 reporters=2"});
  for (const std::string& entry : rows("SELECT actor_nrp, action, subject FROM audit_log")) {
    EXPECT_EQ(entry.find("Budi"), std::string::npos) << entry;
    EXPECT_EQ(entry.find("6281"), std::string::npos) << entry;
    EXPECT_EQ(entry.find("Siti"), std::string::npos) << entry;
  }

  const auto reportersBefore = rows("SELECT tracking_code, seq, anonymous, name, phone, joined_at FROM report_reporters ORDER BY tracking_code, seq");
  const service::PurgeCounts again = purge();
  EXPECT_EQ(again.reports, 0);
  EXPECT_EQ(again.reporters, 0);
  EXPECT_EQ(rows("SELECT tracking_code, seq, anonymous, name, phone, joined_at FROM report_reporters ORDER BY tracking_code, seq"),
            reportersBefore);
  EXPECT_EQ(rows(auditQuery).size(), 1u) << "a run that erases nothing writes nothing";
}

TEST_P(RetentionPurge, TheServerPurgesOnItsOwnEveryPeriod) {
  BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
  service::BackendSettings settings;
  settings.reporterIdentityRetentionMs = 30 * kDay;
  settings.retentionPurgeEveryMs = 20;
  start(settings);
  const FiledReport report = fileReport();
  reject(report.code);
  const std::string query = "SELECT name FROM report_reporters";
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(rows(query), std::vector<std::string>{"Siti Aminah"}) << "closed just now";

  server_->clock().advance(31 * kDay);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (rows(query) != std::vector<std::string>{""} && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(rows(query), std::vector<std::string>{""});
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // several more periods
  EXPECT_EQ(rows("SELECT subject FROM audit_log WHERE action = 'purge_reporter_identity'"),
            std::vector<std::string>{"reports=1 reporters=1"});
}

INSTANTIATE_TEST_SUITE_P(BothDialects, RetentionPurge, ::testing::ValuesIn(storage::kTestDialects), storage::dialectTestName);

}  // namespace
}  // namespace bhabin::server::testing
