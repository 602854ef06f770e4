// Officers' and supervisors' API over real HTTP, on SQLite and PostgreSQL: login and sessions, the
// worklist, status moves with idempotent retries, hand-over, access to other people's reports, duty,
// position, sambang visits, pull and the audit of identities shown.
#include <gtest/gtest.h>
#include <rapidjson/pointer.h>

#include "core/wire/api_answers.h"
#include "support/api_server.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

using storage::Dialect;

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kHour = 60 * kMinute;

class StaffApi : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    service::BackendSettings settings;
    settings.loginFailuresPerAccount = {3, 15 * kMinute};
    server_ = std::make_unique<RunningServer>(GetParam(), "", settings);
    citizen_ = std::make_unique<ApiClient>(server_->port());
  }

  // The index of the n-th demo officer on duty, whose own village's reports go to them.
  static std::size_t onDutyOfficer(int n) {
    const auto& demo = brebesDemo();
    for (std::size_t i = 0; i < demo.officers.size(); ++i) {
      if (demo.officers[i].onDuty && n-- == 0) return i;
    }
    return 0;
  }

  // Files a report in village `v`; returns its tracking code.
  std::string fileIn(std::size_t v) {
    const geo::LatLon at = brebesDemo().villages.at(v).position;
    const Reply created = citizen_->post("/api/v1/reports", reportForm(at.latDeg, at.lonDeg, server_->clock().now()), newKey());
    EXPECT_EQ(created.status, 201) << created.body;
    return created.text("/trackingCode");
  }

  ApiClient loggedIn(const std::string& nrp) {
    ApiClient client(server_->port());
    const Reply login = client.login(nrp);
    EXPECT_EQ(login.status, 200) << login.body;
    return client;
  }

  static std::string move(const char* action, const std::string& note = "", const std::string& to = "") {
    return std::string(R"({"action":")") + action + R"(","note":")" + note + R"(","handOverToNrp":")" + to + "\"}";
  }

  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<ApiClient> citizen_;
};

TEST_P(StaffApi, LoginSetsAHostOnlySecureCookieAndWrongPasswordsAreLimited) {
  const std::string nrp = brebesDemo().officers[0].nrp;
  ApiClient client(server_->port());
  const Reply ok = client.login(nrp);
  ASSERT_EQ(ok.status, 200) << ok.body;
  const std::string cookie = ok.header("Set-Cookie");
  for (const char* attribute : {"__Host-bhabin_session=", "Path=/", "Secure", "HttpOnly", "SameSite=Strict"}) {
    EXPECT_NE(cookie.find(attribute), std::string::npos) << attribute << " in " << cookie;
  }
  EXPECT_GE(client.sessionToken().size(), 43u) << "at least 256 bits, base64url";
  EXPECT_EQ(ok.text("/role"), "officer");

  ApiClient attacker(server_->port());
  EXPECT_EQ(attacker.login(nrp, "wrong-password-1").errorCode(), "login_failed");
  EXPECT_EQ(attacker.login("99999999", "wrong-password-1").errorCode(), "login_failed") << "unknown NRP answers the same";
  EXPECT_EQ(attacker.login(nrp, "wrong-password-2").status, 401);
  EXPECT_EQ(attacker.login(nrp, "wrong-password-3").status, 401);
  const Reply locked = attacker.login(nrp);
  EXPECT_EQ(locked.status, 429) << "three failures lock the account, even for the right password";
  EXPECT_EQ(locked.header("Retry-After"), "900");
  server_->clock().advance(16 * kMinute);
  EXPECT_EQ(attacker.login(nrp).status, 200);
}

TEST_P(StaffApi, SessionsEndWhenIdleWhenTooOldAndOnLogout) {
  ApiClient officer = loggedIn(brebesDemo().officers[0].nrp);
  EXPECT_EQ(officer.get("/api/v1/session").status, 200);
  server_->clock().advance(11 * kHour);
  EXPECT_EQ(officer.get("/api/v1/session").status, 200);
  server_->clock().advance(12 * kHour + kMinute);
  EXPECT_EQ(officer.get("/api/v1/session").errorCode(), "session_expired");

  ApiClient busy = loggedIn(brebesDemo().officers[0].nrp);
  for (int half = 0; half < 16; ++half) {  // used every 10 hours: 160 hours in all
    server_->clock().advance(10 * kHour);
    EXPECT_EQ(busy.get("/api/v1/session").status, 200);
  }
  server_->clock().advance(10 * kHour);
  EXPECT_EQ(busy.get("/api/v1/session").errorCode(), "session_expired") << "a week is the absolute limit";

  ApiClient leaving = loggedIn(brebesDemo().officers[0].nrp);
  const Reply out = leaving.del("/api/v1/session");
  EXPECT_EQ(out.status, 200);
  EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(leaving.get("/api/v1/session").errorCode(), "session_expired");

  ApiClient forged(server_->port());
  forged.setSessionToken("forged-token-that-was-never-issued");
  EXPECT_EQ(forged.get("/api/v1/worklist").errorCode(), "login_required");
  EXPECT_EQ(ApiClient(server_->port()).get("/api/v1/worklist").errorCode(), "login_required");
}

TEST_P(StaffApi, ChangingThePasswordEndsEveryOtherSession) {
  const std::string nrp = brebesDemo().officers[1].nrp;
  ApiClient phone = loggedIn(nrp);
  ApiClient laptop = loggedIn(nrp);
  EXPECT_EQ(laptop.post("/api/v1/session/password", R"({"currentPassword":"wrong","newPassword":"a-new-long-password"})").status, 403);
  EXPECT_EQ(laptop.post("/api/v1/session/password", R"({"currentPassword":")" + std::string(kDemoPassword) + R"(","newPassword":"short"})").errorCode(),
            "weak_password");
  const Reply changed = laptop.post("/api/v1/session/password",
                                    R"({"currentPassword":")" + std::string(kDemoPassword) + R"(","newPassword":"a-new-long-password"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  const std::string cookie = changed.header("Set-Cookie");
  laptop.setSessionToken(cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1));
  EXPECT_EQ(laptop.get("/api/v1/session").status, 200);
  EXPECT_EQ(phone.get("/api/v1/session").errorCode(), "session_expired");
  EXPECT_EQ(ApiClient(server_->port()).login(nrp).status, 401);
  EXPECT_EQ(ApiClient(server_->port()).login(nrp, "a-new-long-password").status, 200);
}

TEST_P(StaffApi, TheAssignedOfficerWorksAReportToResolvedAndTheCitizenSeesEachStep) {
  const std::size_t o = onDutyOfficer(0);
  const std::string code = fileIn(o);
  ApiClient officer = loggedIn(brebesDemo().officers[o].nrp);
  const Reply list = officer.get("/api/v1/worklist");
  ASSERT_EQ(list.json["reports"].Size(), 1u) << list.body;
  EXPECT_EQ(list.text("/reports/0/report/trackingCode"), code);

  const std::string path = "/api/v1/reports/" + code + "/moves";
  EXPECT_EQ(officer.post(path, move("receive", "Diterima, segera ke lokasi"), newKey()).text("/report/report/status"), "received");
  EXPECT_EQ(officer.post(path, move("start"), newKey()).text("/report/report/status"), "in_process");
  const std::string key = newKey();
  const Reply resolved = officer.post(path, move("resolve", "Motor ditemukan"), key);
  EXPECT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.text("/report/report/status"), "resolved");
  const Reply retried = officer.post(path, move("resolve", "Motor ditemukan"), key);
  EXPECT_EQ(retried.body, resolved.body);
  EXPECT_EQ(retried.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(officer.post(path, move("note", "lain"), key).errorCode(), "idempotency_key_reused");

  const Reply illegal = officer.post(path, move("start"), newKey());
  EXPECT_EQ(illegal.status, 409);
  EXPECT_EQ(illegal.text("/outcome"), "refused");
  const Reply noReason = officer.post(path, move("reject"), newKey());
  EXPECT_EQ(noReason.fieldErrors(), std::vector<std::string>{"note:required"});

  ApiClient supervisor = loggedIn(brebesDemo().supervisors.front().nrp);
  const Reply view = supervisor.get("/api/v1/reports/" + code);
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(view.json["report"]["timeline"].Size(), 4u);
  EXPECT_EQ(std::string(view.json["report"]["timeline"][3]["note"].GetString()), "Motor ditemukan");
}

TEST_P(StaffApi, AnotherOfficersReportLooksLikeNoReportAtAll) {
  const std::size_t owner = onDutyOfficer(0);
  const std::size_t other = onDutyOfficer(1);
  const std::string code = fileIn(owner);
  ApiClient intruder = loggedIn(brebesDemo().officers[other].nrp);
  const Reply read = intruder.get("/api/v1/reports/" + code);
  EXPECT_EQ(read.status, 404);
  EXPECT_EQ(read.errorCode(), "report_not_found");
  EXPECT_EQ(intruder.post("/api/v1/reports/" + code + "/moves", move("receive"), newKey()).status, 404);
  EXPECT_EQ(intruder.get("/api/v1/reports/" + code + "/handover-candidates").status, 404);
  EXPECT_EQ(intruder.get("/api/v1/reports/3329-0000-0000-0000-0000").status, 400);
  EXPECT_EQ(intruder.get("/api/v1/worklist").json["reports"].Size(), 0u);
  EXPECT_EQ(intruder.get("/api/v1/area/officers").status, 403) << "officers have no area view";

  // A Polsek supervisor sees only their own district.
  const auto& demo = brebesDemo();
  const std::string district = demo.villages[owner].districtCode;
  for (const auto& supervisor : demo.supervisors) {
    if (supervisor.areaCode == demo.regencyCode) continue;
    ApiClient polsek = loggedIn(supervisor.nrp);
    EXPECT_EQ(polsek.get("/api/v1/reports/" + code).status, supervisor.areaCode == district ? 200 : 404) << supervisor.unit;
  }
}

TEST_P(StaffApi, HandOverGoesToANearbyOfficerWhoThenWorksIt) {
  const std::size_t from = onDutyOfficer(0);
  const std::string code = fileIn(from);
  ApiClient first = loggedIn(brebesDemo().officers[from].nrp);
  const Reply candidates = first.get("/api/v1/reports/" + code + "/handover-candidates");
  ASSERT_EQ(candidates.status, 200) << candidates.body;
  ASSERT_GE(candidates.json["officers"].Size(), 1u);
  const std::string to = candidates.text("/officers/0/officer/nrp");
  EXPECT_NE(to, brebesDemo().officers[from].nrp);

  const Reply bad = first.post("/api/v1/reports/" + code + "/moves", move("hand_over", "", "12345678"), newKey());
  EXPECT_EQ(bad.fieldErrors(), std::vector<std::string>{"handOverToNrp:invalid_nrp"});
  const Reply handed = first.post("/api/v1/reports/" + code + "/moves", move("hand_over", "Saya cuti", to), newKey());
  ASSERT_EQ(handed.status, 200) << handed.body;
  EXPECT_EQ(first.get("/api/v1/reports/" + code).status, 404) << "the report left the first officer";
  ApiClient second = loggedIn(to);
  EXPECT_EQ(second.post("/api/v1/reports/" + code + "/moves", move("receive"), newKey()).text("/report/report/status"), "received");
}

TEST_P(StaffApi, DutyAndPositionFeedTheMatchingAtOnce) {
  const std::size_t o = onDutyOfficer(0);
  const auto& demo = brebesDemo();
  ApiClient officer = loggedIn(demo.officers[o].nrp);
  // Somewhere in Brebes where this officer is not the nearest yet.
  const geo::LatLon spot = demo.villages[(o + 150) % demo.villages.size()].position;
  char nearest[160];
  std::snprintf(nearest, sizeof nearest, "/api/v1/officers/nearest?lat=%.9f&lon=%.9f&k=1", spot.latDeg, spot.lonDeg + 0.0001);
  EXPECT_NE(citizen_->get(nearest).text("/officers/0/officer/nrp"), demo.officers[o].nrp);

  char position[96];
  std::snprintf(position, sizeof position, R"({"latDeg":%.9f,"lonDeg":%.9f})", spot.latDeg, spot.lonDeg + 0.0001);
  const Reply moved = officer.put("/api/v1/officer/position", position);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(citizen_->get(nearest).text("/officers/0/officer/nrp"), demo.officers[o].nrp);

  ASSERT_EQ(officer.put("/api/v1/officer/duty", R"({"onDuty":false})").status, 200);
  EXPECT_NE(citizen_->get(nearest).text("/officers/0/officer/nrp"), demo.officers[o].nrp);
  EXPECT_EQ(officer.put("/api/v1/officer/position", position).status, 409) << "never tracked off duty";
  EXPECT_EQ(officer.put("/api/v1/officer/duty", R"({"onDuty":"yes"})").errorCode(), "invalid_json");
  EXPECT_EQ(officer.put("/api/v1/officer/position", R"({"latDeg":-6.9,"lonDeg":500})").status, 422);
  ApiClient supervisor = loggedIn(demo.supervisors.front().nrp);
  EXPECT_EQ(supervisor.put("/api/v1/officer/duty", R"({"onDuty":true})").status, 403);
}

TEST_P(StaffApi, SambangVisitsAreLoggedOnceAndListed) {
  const std::size_t o = onDutyOfficer(0);
  ApiClient officer = loggedIn(brebesDemo().officers[o].nrp);
  const geo::LatLon at = brebesDemo().villages[o].position;
  char body[400];
  std::snprintf(body, sizeof body,
                R"({"visitedAtUnixMs":%lld,"latDeg":%.9f,"lonDeg":%.9f,"place":"Balai Desa","topics":["kesehatan","keamanan"],"notes":"Posyandu"})",
                static_cast<long long>(server_->clock().now() - kHour), at.latDeg, at.lonDeg);
  const std::string key = newKey();
  const Reply logged = officer.post("/api/v1/visits", body, key);
  ASSERT_EQ(logged.status, 201) << logged.body;
  EXPECT_EQ(officer.post("/api/v1/visits", body, key).text("/visitId"), logged.text("/visitId"));
  const Reply visits = officer.get("/api/v1/visits");
  ASSERT_EQ(visits.json["visits"].Size(), 1u) << visits.body;
  EXPECT_EQ(visits.text("/visits/0/visit/topics/0"), "keamanan");
  const Reply bad = officer.post("/api/v1/visits", R"({"place":"","topics":["sepakbola"]})", newKey());
  EXPECT_EQ(bad.status, 422);
}

TEST_P(StaffApi, PullReturnsWhatChangedSinceTheCursorInPages) {
  const std::size_t o = onDutyOfficer(0);
  ApiClient officer = loggedIn(brebesDemo().officers[o].nrp);
  const std::string a = fileIn(o);
  const std::string b = fileIn(o);
  Reply first = officer.get("/api/v1/sync/pull?since=0");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json["reports"].Size(), 2u);
  const std::int64_t cursor = first.json["cursor"].GetInt64();
  EXPECT_EQ(officer.get("/api/v1/sync/pull?since=" + std::to_string(cursor)).json["reports"].Size(), 0u);
  officer.post("/api/v1/reports/" + a + "/moves", move("receive"), newKey());
  const Reply next = officer.get("/api/v1/sync/pull?since=" + std::to_string(cursor));
  ASSERT_EQ(next.json["reports"].Size(), 1u);
  EXPECT_EQ(next.text("/reports/0/report/trackingCode"), a);
  EXPECT_GT(next.json["cursor"].GetInt64(), cursor);
  EXPECT_EQ(officer.get("/api/v1/sync/pull?since=-1").status, 400);
}

TEST_P(StaffApi, ShowingAReportersIdentityIsAudited) {
  const std::size_t o = onDutyOfficer(0);
  const std::string code = fileIn(o);
  ApiClient officer = loggedIn(brebesDemo().officers[o].nrp);
  const Reply view = officer.get("/api/v1/reports/" + code);
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(std::string(view.json["reporters"][0]["phone"].GetString()), "+6281234567890");
  server_->clock().advance(kMinute);
  officer.get("/api/v1/reports/" + code);
  // The worklist shows no identities, and so audits nothing.
  EXPECT_EQ(officer.get("/api/v1/worklist").body.find("6281234567890"), std::string::npos);

  ApiClient polres = loggedIn(brebesDemo().supervisors.front().nrp);
  const Reply audit = polres.get("/api/v1/reports/" + code + "/audit");
  ASSERT_EQ(audit.status, 200) << audit.body;
  ASSERT_EQ(audit.json["entries"].Size(), 2u) << audit.body;
  EXPECT_EQ(audit.text("/entries/0/actorNrp"), brebesDemo().officers[o].nrp);
  EXPECT_EQ(audit.text("/entries/1/action"), "view_reporter");
  EXPECT_LT(audit.json["entries"][0]["atUnixMs"].GetInt64(), audit.json["entries"][1]["atUnixMs"].GetInt64());
  EXPECT_EQ(officer.get("/api/v1/reports/" + code + "/audit").status, 403);
}

TEST_P(StaffApi, SupervisorsSeeTheirAreasOfficersAndCounts) {
  const auto& demo = brebesDemo();
  fileIn(onDutyOfficer(0));
  ApiClient polres = loggedIn(demo.supervisors.front().nrp);
  const Reply officers = polres.get("/api/v1/area/officers");
  ASSERT_EQ(officers.status, 200) << officers.body;
  EXPECT_EQ(officers.json["officers"].Size(), demo.officers.size());
  const Reply summary = polres.get("/api/v1/area/summary");
  ASSERT_EQ(summary.json["counts"].Size(), 1u) << summary.body;
  EXPECT_EQ(summary.json["counts"][0]["count"].GetInt64(), 1);
  ApiClient polsek = loggedIn(demo.supervisors[1].nrp);
  const Reply district = polsek.get("/api/v1/area/officers");
  EXPECT_LT(district.json["officers"].Size(), demo.officers.size());
  EXPECT_GT(district.json["officers"].Size(), 0u);
}

// The dashboard's figures as the core computes them (tests/core/area_stats_test.cpp checks them by hand);
// here: that the server feeds it the area's reports, visits and officers for the asked period, and refuses
// bad periods. Bite, tried by hand: without reportsForPeriod's `OR status IN (open)`, the officer's open
// load in the period of 2020 was 0.
TEST_P(StaffApi, TheDashboardCountsTheAreasReportsWaitsAndOfficersForAPeriod) {
  const auto& demo = brebesDemo();
  const std::size_t o = onDutyOfficer(0);
  const std::string first = fileIn(o);
  fileIn(o);
  server_->clock().advance(30 * kMinute);
  ApiClient officer = loggedIn(demo.officers[o].nrp);
  ASSERT_EQ(officer.post("/api/v1/reports/" + first + "/moves", move("receive"), newKey()).status, 200);

  ApiClient polres = loggedIn(demo.supervisors.front().nrp);
  const Reply dashboard = polres.get("/api/v1/area/dashboard");
  ASSERT_EQ(dashboard.status, 200) << dashboard.body;
  EXPECT_EQ(dashboard.text("/timeZone"), "WIB");
  EXPECT_EQ(dashboard.json["submitted"].GetInt64(), 2);
  ASSERT_EQ(dashboard.json["days"].Size(), 30u) << "the last 30 days by default";
  std::int64_t submittedByDay = 0;
  for (const auto& day : dashboard.json["days"].GetArray()) submittedByDay += day["submitted"].GetInt64();
  EXPECT_EQ(submittedByDay, 2);
  EXPECT_EQ(dashboard.json["submittedToReceived"]["count"].GetInt64(), 1);
  EXPECT_EQ(dashboard.json["submittedToReceived"]["medianMs"].GetInt64(), 30 * kMinute);
  EXPECT_EQ(dashboard.json["officers"].Size(), demo.officers.size());
  bool sawOfficer = false;
  for (const auto& row : dashboard.json["officers"].GetArray()) {
    if (row["nrp"].GetString() != demo.officers[o].nrp) continue;
    sawOfficer = true;
    EXPECT_EQ(row["openNow"].GetInt64(), 2);
    EXPECT_EQ(row["assignedInPeriod"].GetInt64(), 2);
    EXPECT_EQ(row["toReceive"]["medianMs"].GetInt64(), 30 * kMinute);
  }
  EXPECT_TRUE(sawOfficer) << dashboard.body;
  const auto decoded = wire::decodeAreaDashboard(dashboard.body);  // what the app reads
  ASSERT_TRUE(std::holds_alternative<wire::AreaDashboardView>(decoded)) << std::get<wire::ParseError>(decoded).message;
  EXPECT_EQ(std::get<wire::AreaDashboardView>(decoded).submitted, 2);
  EXPECT_EQ(std::get<wire::AreaDashboardView>(decoded).officers.size(), demo.officers.size());

  const Reply longAgo = polres.get("/api/v1/area/dashboard?from=2020-01-01&to=2020-01-31");
  ASSERT_EQ(longAgo.status, 200) << longAgo.body;
  EXPECT_EQ(longAgo.json["submitted"].GetInt64(), 0);
  EXPECT_EQ(longAgo.json["days"].Size(), 31u);
  EXPECT_EQ(longAgo.json["submittedToReceived"]["count"].GetInt64(), 0);
  for (const auto& row : longAgo.json["officers"].GetArray()) {
    if (row["nrp"].GetString() == demo.officers[o].nrp) {
      EXPECT_EQ(row["openNow"].GetInt64(), 2) << "loads are now's";
    }
  }

  for (const char* bad : {"?from=2026-02-30", "?from=2026-03-02&to=2026-03-01", "?from=2020-01-01&to=2026-01-01", "?to=yesterday"}) {
    const Reply refused = polres.get(std::string("/api/v1/area/dashboard") + bad);
    EXPECT_EQ(refused.status, 400) << bad;
    EXPECT_EQ(refused.errorCode(), "invalid_period") << bad;
  }
  EXPECT_EQ(officer.get("/api/v1/area/dashboard").status, 403);
}

// Duty hours come from the duty history the server now keeps; late reports and the map's points from the
// reports it reads for the period. Bite, tried by hand: without setOnDuty recording its change, the officer
// had 0 ms on duty; with the running deadlines listed whether late or not, the on-time report was listed.
TEST_P(StaffApi, TheDashboardShowsDutyTimeLateReportsAndWhereReportsWere) {
  const auto& demo = brebesDemo();
  std::size_t offDuty = 0;
  while (demo.officers.at(offDuty).onDuty) ++offDuty;
  ApiClient resting = loggedIn(demo.officers[offDuty].nrp);
  ASSERT_EQ(resting.put("/api/v1/officer/duty", R"({"onDuty":true})").status, 200);
  server_->clock().advance(90 * kMinute);
  ASSERT_EQ(resting.put("/api/v1/officer/duty", R"({"onDuty":false})").status, 200);
  ASSERT_EQ(resting.put("/api/v1/officer/duty", R"({"onDuty":false})").status, 200);  // no change: no new record
  server_->clock().advance(kHour);
  ASSERT_EQ(resting.put("/api/v1/officer/duty", R"({"onDuty":true})").status, 200);

  const std::size_t o = onDutyOfficer(0);
  const std::string late = fileIn(o);
  server_->clock().advance(2 * kHour);
  const std::string onTime = fileIn(o);
  server_->clock().advance(10 * kMinute);

  ApiClient polres = loggedIn(demo.supervisors.front().nrp);
  const Reply dashboard = polres.get("/api/v1/area/dashboard");
  ASSERT_EQ(dashboard.status, 200) << dashboard.body;
  const auto decoded = wire::decodeAreaDashboard(dashboard.body);
  ASSERT_TRUE(std::holds_alternative<wire::AreaDashboardView>(decoded)) << std::get<wire::ParseError>(decoded).message;
  const wire::AreaDashboardView& view = std::get<wire::AreaDashboardView>(decoded);
  for (const wire::DashboardOfficerView& row : view.officers) {
    if (row.figures.nrp == demo.officers[offDuty].nrp) {
      EXPECT_EQ(row.figures.dutyMsInPeriod, 90 * kMinute + 2 * kHour + 10 * kMinute) << "on duty again until now";
    }
  }
  EXPECT_EQ(view.overdueTotal, 1);
  ASSERT_EQ(view.overdue.size(), 1u) << dashboard.body;
  EXPECT_EQ(view.overdue[0].trackingCode, late);
  EXPECT_NE(view.overdue[0].trackingCode, onTime);
  EXPECT_EQ(view.overdue[0].assignedNrp, demo.officers[o].nrp);
  EXPECT_EQ(view.overdue[0].deadline.kind, report::DeadlineKind::Receive);
  EXPECT_EQ(view.overdue[0].deadline.lateByMs, kHour + 10 * kMinute) << "due an hour after it was filed";
  ASSERT_EQ(view.reportPoints.size(), 2u);
  EXPECT_NEAR(view.reportPoints[0].latDeg, demo.villages.at(o).position.latDeg, 0.00005);
  EXPECT_NEAR(view.reportPoints[0].lonDeg, demo.villages.at(o).position.lonDeg, 0.00005);

  const Reply yesterday = polres.get("/api/v1/area/dashboard?from=2020-01-01&to=2020-01-02");
  ASSERT_EQ(yesterday.status, 200) << yesterday.body;
  EXPECT_EQ(yesterday.json["reportPoints"]["latDeg"].Size(), 0u);
  EXPECT_EQ(yesterday.json["overdueTotal"].GetInt64(), 1) << "late is now's, whatever the period";
  for (const auto& row : yesterday.json["officers"].GetArray()) EXPECT_EQ(row["dutyMsInPeriod"].GetInt64(), 0);
}

INSTANTIATE_TEST_SUITE_P(BothDialects, StaffApi, ::testing::ValuesIn(storage::kTestDialects), storage::dialectTestName);

}  // namespace
}  // namespace bhabin::server::testing
