// Roster administration over real HTTP, on SQLite and PostgreSQL: the area's roster with uncovered villages,
// creating officers, village assignment with its conflicts, deactivation taking an officer out of the
// matching at once, password resets ending sessions, the supervisors' CSV import with its dry run, the
// audit rows of every change, and a Polsek of another district seeing and changing nothing.
//
// Bite, tried by hand (each weakening built, run, seen failing, then restored):
// - changeActivity (service/roster_admin.cpp) without touchVillagesOf: DeactivationTakesTheOfficerOutOfMatching
//   failed at "no responsible officer after deactivation" (the roster kept the officer responsible).
// - requireOfficerInArea without the officerWorksIn check: PolsekOfAnotherDistrictChangesNothing failed
//   on every write (200 instead of 404 officer_not_found).
// - OfficerPlanner::checkVillage without the area check: SupervisorImportDryRunListsEveryProblem failed at
//   the outside village's line.
// - managedArea answering '' (everywhere) for a Polda of province 31: PolresAndPoldaManageTheirWholeArea
//   failed (Jakarta's Polda deactivated a Brebes officer, 200 instead of 404).
#include <gtest/gtest.h>

#include <cstdio>
#include <set>

#include "server/areas/demo_seed.h"
#include "server/auth/crypto.h"
#include "server/storage/account_rows.h"
#include "server/storage/audit_rows.h"
#include "support/api_server.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

using storage::Dialect;

constexpr const char* kNewNrp = "99010001";

std::string myOfficerPath(const geo::LatLon& at) {
  char path[160];
  std::snprintf(path, sizeof path, "/api/v1/my-officer?lat=%.9f&lon=%.9f", at.latDeg, at.lonDeg);
  return path;
}

std::set<std::string> strings(const rapidjson::Value& array) {
  std::set<std::string> items;
  for (const auto& item : array.GetArray()) items.insert(item.GetString());
  return items;
}

class AreaRoster : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    server_ = std::make_unique<RunningServer>(GetParam());
    const auto& demo = brebesDemo();
    district_ = demo.villages[0].districtCode;
    for (std::size_t i = 0; i < demo.villages.size(); ++i) {
      if (demo.villages[i].districtCode == district_) {
        inside_.push_back(i);
      } else if (outsideIndex_ == kNone) {
        outsideIndex_ = i;
      }
    }
    ASSERT_GE(inside_.size(), 3u);
    for (const auto& supervisor : demo.supervisors) {
      if (supervisor.areaCode == district_) polsek_ = loggedIn(supervisor.nrp);
      if (supervisor.areaCode == demo.villages[outsideIndex_].districtCode) otherPolsek_ = loggedIn(supervisor.nrp);
    }
    ASSERT_TRUE(polsek_ && otherPolsek_);
  }

  std::unique_ptr<ApiClient> loggedIn(const std::string& nrp, const std::string& password = kDemoPassword) {
    auto client = std::make_unique<ApiClient>(server_->port());
    const Reply login = client->login(nrp, password);
    EXPECT_EQ(login.status, 200) << nrp << ": " << login.body;
    return client;
  }

  static const domain::Village& village(std::size_t i) { return brebesDemo().villages[i]; }
  static const domain::Officer& officer(std::size_t i) { return brebesDemo().officers[i]; }

  std::string officerPath(std::size_t i, const char* action) {
    return "/api/v1/area/officers/" + officer(i).nrp + "/" + action;
  }

  std::string createBody(const std::string& villages, const std::string& extra = "") {
    return R"({"nrp":")" + std::string(kNewNrp) + R"(","name":"Bripka Sari Wulandari","phone":"0812-9999-0001","villages":[)" +
           villages + "]" + extra + "}";
  }

  std::vector<std::string> auditActions(const std::string& subjectStart) {
    auto connection = server_->connect();
    std::vector<std::string> actions;
    for (const auto& row : connection->query("SELECT action, actor_nrp, subject FROM audit_log ORDER BY at, entry_id")) {
      if (row.text(2).rfind(subjectStart, 0) == 0) actions.push_back(row.text(0) + " by " + row.text(1));
    }
    return actions;
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::unique_ptr<RunningServer> server_;
  std::string district_;
  std::vector<std::size_t> inside_;  // demo indexes of the district's villages (and their officers)
  std::size_t outsideIndex_ = kNone;
  std::unique_ptr<ApiClient> polsek_, otherPolsek_;
};

TEST_P(AreaRoster, RosterListsTheDistrictsOfficersAndVillages) {
  const Reply roster = polsek_->get("/api/v1/area/roster");
  ASSERT_EQ(roster.status, 200) << roster.body;
  EXPECT_EQ(roster.text("/areaCode"), district_);
  std::set<std::string> nrps, villages;
  for (std::size_t i : inside_) {
    nrps.insert(officer(i).nrp);
    villages.insert(village(i).code);
  }
  std::set<std::string> listedNrps, listedVillages;
  for (const auto& listed : roster.json["officers"].GetArray()) {
    listedNrps.insert(listed["nrp"].GetString());
    EXPECT_TRUE(listed["active"].GetBool());
    EXPECT_EQ(listed["villages"].Size(), 1u);
  }
  for (const auto& listed : roster.json["villages"].GetArray()) {
    listedVillages.insert(listed["code"].GetString());
    EXPECT_TRUE(listed["covered"].GetBool()) << listed["code"].GetString();
  }
  EXPECT_EQ(listedNrps, nrps);
  EXPECT_EQ(listedVillages, villages);
  EXPECT_EQ(roster.json["uncovered"].Size(), 0u);
}

TEST_P(AreaRoster, CreatingAnOfficerChecksEverythingAndAudits) {
  const Reply invalid = polsek_->post("/api/v1/area/officers", R"({"nrp":"12","name":"","phone":"abc","villages":[]})");
  EXPECT_EQ(invalid.status, 422) << invalid.body;
  EXPECT_EQ(invalid.fieldErrors(), (std::vector<std::string>{"nrp:invalid_nrp", "name:required", "phone:phone_invalid_characters",
                                                             "villages:required"}));
  const std::string taken = "\"" + village(inside_[1]).code + "\"";
  const Reply conflict = polsek_->post("/api/v1/area/officers", createBody(taken));
  EXPECT_EQ(conflict.status, 409) << conflict.body;
  EXPECT_EQ(conflict.errorCode(), "village_taken");
  EXPECT_NE(conflict.text("/error/detail").find(village(inside_[1]).code + " is held by officer " + officer(inside_[1]).nrp),
            std::string::npos)
      << conflict.body;
  const Reply outside = polsek_->post("/api/v1/area/officers", createBody("\"" + village(outsideIndex_).code + "\""));
  EXPECT_EQ(outside.status, 403) << outside.body;
  EXPECT_EQ(outside.errorCode(), "village_outside_area");
  const Reply weak = polsek_->post("/api/v1/area/officers", createBody(taken, R"(,"password":"short")"));
  EXPECT_EQ(weak.errorCode(), "weak_password");

  const Reply created = polsek_->post("/api/v1/area/officers", createBody(taken, R"(,"takeOver":true)"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.text("/officer/phone"), "+6281299990001");
  EXPECT_EQ(created.text("/takenFrom/0/officer"), officer(inside_[1]).nrp);
  const std::string password = created.text("/oneTimePassword");
  ASSERT_GE(password.size(), 16u);
  const Reply again = polsek_->post("/api/v1/area/officers", createBody(taken, R"(,"takeOver":true)"));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.errorCode(), "nrp_taken");

  auto newcomer = loggedIn(kNewNrp, password);
  EXPECT_EQ(newcomer->get("/api/v1/officer/status").status, 200);
  const Reply mine = ApiClient(server_->port()).get(myOfficerPath(village(inside_[1]).position));
  EXPECT_EQ(mine.text("/responsibleOfficer/nrp"), kNewNrp) << "the matching knows the new officer at once";
  EXPECT_EQ(auditActions(kNewNrp), (std::vector<std::string>{"officer_create by " + std::string(brebesDemo().supervisors[1].nrp)}))
      << "the Polsek of the first district created it";
}

TEST_P(AreaRoster, DeactivationTakesTheOfficerOutOfMatching) {
  const std::size_t target = inside_[0];
  auto officerClient = loggedIn(officer(target).nrp);
  ASSERT_EQ(officerClient->put("/api/v1/officer/duty", R"({"onDuty":true})").status, 200);
  const std::string where = myOfficerPath(village(target).position);
  ApiClient citizen(server_->port());
  ASSERT_EQ(citizen.get(where).text("/responsibleOfficer/nrp"), officer(target).nrp);

  const Reply deactivated = polsek_->post(officerPath(target, "deactivate"), "");
  ASSERT_EQ(deactivated.status, 200) << deactivated.body;
  EXPECT_FALSE(deactivated.json["officer"]["active"].GetBool());
  EXPECT_FALSE(deactivated.json["officer"]["onDuty"].GetBool());
  const Reply after = citizen.get(where);
  EXPECT_EQ(after.text("/responsibleOfficer/nrp"), "") << "no responsible officer after deactivation: " << after.body;
  EXPECT_EQ(after.body.find(officer(target).nrp), std::string::npos) << "not among the nearest either";
  EXPECT_EQ(officerClient->get("/api/v1/officer/status").errorCode(), "session_expired");
  EXPECT_EQ(ApiClient(server_->port()).login(officer(target).nrp).errorCode(), "account_inactive");
  const Reply roster = polsek_->get("/api/v1/area/roster");
  EXPECT_EQ(strings(roster.json["uncovered"]), std::set<std::string>{village(target).code});

  server_->clock().advance(60 * 1000);  // the audit rows are then in order
  const Reply activated = polsek_->post(officerPath(target, "activate"), "");
  ASSERT_EQ(activated.status, 200) << activated.body;
  EXPECT_EQ(citizen.get(where).text("/responsibleOfficer/nrp"), officer(target).nrp);
  EXPECT_EQ(polsek_->get("/api/v1/area/roster").json["uncovered"].Size(), 0u);
  const std::string polsek = brebesDemo().supervisors[1].nrp;
  EXPECT_EQ(auditActions(officer(target).nrp),
            (std::vector<std::string>{"officer_deactivate by " + polsek, "officer_activate by " + polsek}));
}

TEST_P(AreaRoster, PasswordResetEndsSessions) {
  const std::size_t target = inside_[0];
  auto officerClient = loggedIn(officer(target).nrp);
  const Reply weak = polsek_->post(officerPath(target, "password"), R"({"password":"short"})");
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(weak.errorCode(), "weak_password");
  EXPECT_EQ(officerClient->get("/api/v1/officer/status").status, 200) << "a refused reset changes nothing";

  const Reply reset = polsek_->post(officerPath(target, "password"), "{}");
  ASSERT_EQ(reset.status, 200) << reset.body;
  EXPECT_EQ(officerClient->get("/api/v1/officer/status").errorCode(), "session_expired");
  EXPECT_EQ(ApiClient(server_->port()).login(officer(target).nrp).errorCode(), "login_failed");
  loggedIn(officer(target).nrp, reset.text("/oneTimePassword"));

  const Reply given = polsek_->post(officerPath(target, "password"), R"({"password":"a long enough secret"})");
  ASSERT_EQ(given.status, 200) << given.body;
  EXPECT_EQ(given.text("/oneTimePassword"), "") << "a given password is not echoed";
  loggedIn(officer(target).nrp, "a long enough secret");
  EXPECT_EQ(auditActions(officer(target).nrp).size(), 2u);
}

TEST_P(AreaRoster, VillageAssignmentRefusesConflictsUnlessTakingOver) {
  const std::size_t target = inside_[0], holder = inside_[1];
  const std::string path = "/api/v1/area/officers/" + officer(target).nrp + "/villages";
  const std::string both = R"({"villages":[")" + village(target).code + R"(",")" + village(holder).code + R"("]})";
  const Reply conflict = polsek_->put(path, both);
  EXPECT_EQ(conflict.status, 409) << conflict.body;
  EXPECT_EQ(conflict.errorCode(), "village_taken");
  const Reply outside = polsek_->put(path, R"({"villages":[")" + village(outsideIndex_).code + R"("]})");
  EXPECT_EQ(outside.errorCode(), "village_outside_area");
  EXPECT_EQ(polsek_->put(path, R"({"villages":["33.29"]})").fieldErrors(), std::vector<std::string>{"villages:invalid_village_code"});

  const Reply moved = polsek_->put(path, R"({"villages":[")" + village(holder).code + R"("],"takeOver":true})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(strings(moved.json["officer"]["villages"]), std::set<std::string>{village(holder).code});
  EXPECT_EQ(strings(moved.json["releasedVillages"]), std::set<std::string>{village(target).code});
  EXPECT_EQ(moved.text("/takenFrom/0/officer"), officer(holder).nrp);
  EXPECT_EQ(strings(polsek_->get("/api/v1/area/roster").json["uncovered"]), std::set<std::string>{village(target).code});
  ApiClient citizen(server_->port());
  EXPECT_EQ(citizen.get(myOfficerPath(village(holder).position)).text("/responsibleOfficer/nrp"), officer(target).nrp);
}

TEST_P(AreaRoster, PolsekOfAnotherDistrictChangesNothing) {
  const std::size_t target = inside_[0];
  const Reply roster = otherPolsek_->get("/api/v1/area/roster");
  ASSERT_EQ(roster.status, 200);
  EXPECT_EQ(roster.body.find(officer(target).nrp), std::string::npos);
  std::vector<Reply> refused;
  refused.push_back(otherPolsek_->post(officerPath(target, "deactivate"), ""));
  refused.push_back(otherPolsek_->post(officerPath(target, "activate"), ""));
  refused.push_back(otherPolsek_->post(officerPath(target, "password"), "{}"));
  refused.push_back(otherPolsek_->put(officerPath(target, "villages"), R"({"villages":[]})"));
  refused.push_back(otherPolsek_->post("/api/v1/area/officers/00000000/deactivate", ""));
  for (const Reply& reply : refused) {
    EXPECT_EQ(reply.status, 404) << reply.body;
    EXPECT_EQ(reply.errorCode(), "officer_not_found");
  }
  EXPECT_EQ(refused[0].body, refused[4].body) << "an officer elsewhere answers like an NRP nobody has";
  const Reply assign = otherPolsek_->post("/api/v1/area/officers", createBody("\"" + village(target).code + "\"", R"(,"takeOver":true)"));
  EXPECT_EQ(assign.errorCode(), "village_outside_area");
  loggedIn(officer(target).nrp);  // still active, same password
  EXPECT_TRUE(auditActions(officer(target).nrp).empty());
}

TEST_P(AreaRoster, SupervisorImportDryRunListsEveryProblem) {
  const std::size_t target = inside_[0];
  const std::string csv = "nrp,name,phone,villages\n" + officer(target).nrp + ",Aipda Baru Nama,081234560001," +
                          village(target).code + "\n" + "12,Bripka Tanpa NRP,081234560002," + village(inside_[2]).code + "\n" + kNewNrp +
                          ",Bripka Luar,081234560003," + village(outsideIndex_).code + "\n" +
                          officer(outsideIndex_).nrp + ",Aipda Luar,081234560004,\n";
  const Reply dry = polsek_->post("/api/v1/area/officers/import?dryRun=1", csv, "", "text/csv");
  EXPECT_EQ(dry.status, 422) << dry.body;
  std::vector<std::string> problems;
  for (const auto& problem : dry.json["problems"].GetArray())
    problems.push_back(std::to_string(problem["line"].GetUint64()) + ":" + problem["field"].GetString());
  EXPECT_EQ(problems, (std::vector<std::string>{"3:nrp", "4:villages", "5:nrp"})) << dry.body;
  EXPECT_NE(dry.body.find("outside your area " + district_), std::string::npos);
  const Reply real = polsek_->post("/api/v1/area/officers/import", csv, "", "text/csv");
  EXPECT_EQ(real.status, 422) << "all or nothing";
  EXPECT_TRUE(auditActions(officer(target).nrp).empty());

  const std::string clean = "nrp,name,phone,villages\n" + officer(target).nrp + ",Aipda Baru Nama,081234560001," +
                            village(target).code + "\n";
  const Reply checked = polsek_->post("/api/v1/area/officers/import?dryRun=1", clean, "", "text/csv");
  EXPECT_EQ(checked.status, 200) << checked.body;
  EXPECT_TRUE(checked.json["dryRun"].GetBool());
  EXPECT_TRUE(auditActions(officer(target).nrp).empty()) << "a dry run writes nothing";
  const Reply written = polsek_->post("/api/v1/area/officers/import", clean, "", "text/csv");
  EXPECT_EQ(written.status, 200) << written.body;
  EXPECT_EQ(written.json["updated"].GetUint64(), 1u);
  EXPECT_EQ(auditActions(officer(target).nrp).size(), 1u);
  const Reply roster = polsek_->get("/api/v1/area/roster");
  EXPECT_NE(roster.body.find("Aipda Baru Nama"), std::string::npos);
}

TEST_P(AreaRoster, PolresAndPoldaManageTheirWholeArea) {
  const Reply polres = loggedIn(brebesDemo().supervisors[0].nrp)->get("/api/v1/area/roster");
  ASSERT_EQ(polres.status, 200);
  EXPECT_EQ(polres.text("/areaCode"), "33.29");
  EXPECT_EQ(polres.json["officers"].Size(), brebesDemo().officers.size());
  EXPECT_EQ(polres.json["villages"].Size(), brebesDemo().villages.size());

  // The demo has no Polda: one for Jawa Tengah (Brebes' province) and one for DKI Jakarta.
  {
    auto connection = server_->connect();
    const std::string hash = auth::hashPassword(kDemoPassword);
    storage::insertAccount(*connection, {"70000033", storage::AccountRole::Supervisor, "Polda Jateng", "+6281200000033", "33", hash, true, 1, 1});
    storage::insertAccount(*connection, {"70000031", storage::AccountRole::Supervisor, "Polda Metro", "+6281200000031", "31", hash, true, 1, 1});
  }
  const std::string path = officerPath(outsideIndex_, "deactivate");
  const Reply jakarta = loggedIn("70000031")->post(path, "");
  EXPECT_EQ(jakarta.status, 404) << jakarta.body;
  EXPECT_EQ(jakarta.errorCode(), "officer_not_found");
  EXPECT_EQ(loggedIn("70000031")->get("/api/v1/area/roster").json["officers"].Size(), 0u);
  const Reply jateng = loggedIn("70000033")->post(path, "");
  EXPECT_EQ(jateng.status, 200) << jateng.body;
  EXPECT_EQ(loggedIn("70000033")->get("/api/v1/area/roster").json["uncovered"].Size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(BothDialects, AreaRoster, ::testing::ValuesIn(storage::kTestDialects), storage::dialectTestName);

}  // namespace
}  // namespace bhabin::server::testing
