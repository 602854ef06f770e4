// Who may call what: every endpoint that needs a session, called by every kind of caller, over real HTTP on
// SQLite and PostgreSQL, with the exact status and error code of each cell; then the object checks (IDOR):
// other people's reports, ids guessed or incremented, and tracking codes that cannot be enumerated.
//
// Bite, tried by hand (each weakening built, run, seen failing, then restored):
// - Ownership: `|| !mayWork(principal, stored->report)` removed from Reports::forStaff (service/reports.cpp).
//   The matrix failed at "GET reports/CODE" for "other officer" (200, expected 404 report_not_found) and
//   for "polsek outside" (200, expected 404), and AnotherOfficersReportRevealsNothing failed where the other
//   officer's answer must equal the answer for a code that does not exist.
// - Rate limit: the `if (blocked) throw ...` of refuseWhileGuessing (service/reports.cpp) removed, so an
//   address over its budget is no longer refused before its request is looked at. TrackingCodesCannotBeEnumerated
//   failed at "the right secret waits too" (200, expected 429) and GuessedJoinsShareTheBudget at "one budget"
//   (200, expected 429). The sixth guess itself still answered 429, from the count taken on that failure.

#include <gtest/gtest.h>

#include <array>
#include <functional>

#include "core/tracking/tracking_code.h"
#include "server/areas/demo_seed.h"
#include "support/api_server.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

using storage::Dialect;
using namespace std::string_literals;

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kHour = 60 * kMinute;

// The columns of the matrix.
enum Caller { Nobody, Forged, Expired, LoggedOut, Owner, OtherOfficer, PolsekInside, PolsekOutside, Admin, kCallers };
constexpr const char* kCallerNames[kCallers] = {"no token",   "forged token",  "expired token", "logged out",
                                                "owner",      "other officer", "polsek inside", "polsek outside",
                                                "admin"};

struct Expected {
  int status;
  const char* errorCode;  // "" for a success
};

// The answers a cell can have.
constexpr Expected OK{200, ""};
constexpr Expected CREATED{201, ""};
constexpr Expected NOLOGIN{401, "login_required"};
constexpr Expected EXPIRED{401, "session_expired"};
constexpr Expected FORBID{403, "forbidden"};
constexpr Expected NOTFOUND{404, "report_not_found"};
constexpr Expected WEAKPW{422, "weak_password"};
constexpr Expected NOOFFICER{404, "officer_not_found"};
constexpr Expected OUTSIDE{403, "village_outside_area"};
constexpr Expected PROBLEMS{422, ""};  // an import's answer listing the file's problems

// What the rows need: the owner's report, a photo, places and bodies.
struct Fixture {
  std::string code;        // filed in the owner's village, assigned to the owner
  std::string photoRef;
  std::string positionJson;
  std::string visitJson;
  std::string villagesCsv;
  std::string officersCsv;
  std::string boundariesJson;
  std::string managedNrp;       // another officer of the owner's district, whom supervisors manage
  std::string managedVillages;  // {"villages":[their village]}
  std::string newOfficerJson;   // a new officer for a spare village of the owner's district, taking it over
};

using Call = std::function<Reply(ApiClient&, const Fixture&)>;

struct Row {
  const char* endpoint;
  Call call;
  std::array<Expected, kCallers> expected;
};

Reply postCsv(ApiClient& client, const std::string& path, const std::string& body, const char* type) {
  return client.post(path, body, "", type);
}

std::string exportPath(const char* file) { return std::string("/api/v1/area/export/") + file + "?from=2026-01-01&to=2026-12-31"; }

// The matrix: endpoint × caller → answer. DELETE session comes last, because it ends the caller's session.
const std::vector<Row>& matrix() {
  static const std::vector<Row> rows = {
      //                                                             none     forged   expired  logged out owner     other    polsek in polsek out admin
      {"GET session", [](ApiClient& c, const Fixture&) { return c.get("/api/v1/session"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, OK, OK, OK, OK}},
      {"POST session/password", [](ApiClient& c, const Fixture&) {
         return c.post("/api/v1/session/password", R"({"currentPassword":")" + std::string(kDemoPassword) + R"(","newPassword":"short"})");
       },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, WEAKPW, WEAKPW, WEAKPW, WEAKPW, WEAKPW}},
      {"GET worklist", [](ApiClient& c, const Fixture&) { return c.get("/api/v1/worklist"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, OK, OK, OK, OK}},
      {"GET sync/pull", [](ApiClient& c, const Fixture&) { return c.get("/api/v1/sync/pull?since=0"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, OK, OK, OK, OK}},
      {"GET reports/CODE", [](ApiClient& c, const Fixture& f) { return c.get("/api/v1/reports/" + f.code); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, NOTFOUND, OK, NOTFOUND, OK}},
      {"POST reports/CODE/moves", [](ApiClient& c, const Fixture& f) {
         return c.post("/api/v1/reports/" + f.code + "/moves", R"({"action":"note","note":"Dicek"})", newKey());
       },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, NOTFOUND, OK, NOTFOUND, OK}},
      {"GET reports/CODE/handover-candidates",
       [](ApiClient& c, const Fixture& f) { return c.get("/api/v1/reports/" + f.code + "/handover-candidates"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, NOTFOUND, OK, NOTFOUND, OK}},
      {"GET reports/CODE/audit", [](ApiClient& c, const Fixture& f) { return c.get("/api/v1/reports/" + f.code + "/audit"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, NOTFOUND, OK}},
      {"GET photos/REF", [](ApiClient& c, const Fixture& f) { return c.get("/api/v1/photos/" + f.photoRef); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, OK, OK, OK, OK}},
      {"GET officer/status", [](ApiClient& c, const Fixture&) { return c.get("/api/v1/officer/status"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, OK, FORBID, FORBID, FORBID}},
      {"PUT officer/duty", [](ApiClient& c, const Fixture&) { return c.put("/api/v1/officer/duty", R"({"onDuty":true})"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, OK, FORBID, FORBID, FORBID}},
      {"PUT officer/position", [](ApiClient& c, const Fixture& f) { return c.put("/api/v1/officer/position", f.positionJson); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, OK, FORBID, FORBID, FORBID}},
      {"POST visits", [](ApiClient& c, const Fixture& f) { return c.post("/api/v1/visits", f.visitJson, newKey()); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, CREATED, CREATED, FORBID, FORBID, FORBID}},
      {"GET visits", [](ApiClient& c, const Fixture&) { return c.get("/api/v1/visits"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, OK, FORBID, FORBID, FORBID}},
      {"GET area/officers", [](ApiClient& c, const Fixture&) { return c.get("/api/v1/area/officers"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, OK, OK}},
      {"GET area/summary", [](ApiClient& c, const Fixture&) { return c.get("/api/v1/area/summary"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, OK, OK}},
      {"GET area/dashboard", [](ApiClient& c, const Fixture&) { return c.get("/api/v1/area/dashboard"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, OK, OK}},
      {"POST admin/import/villages", [](ApiClient& c, const Fixture& f) {
         return postCsv(c, "/api/v1/admin/import/villages?dryRun=1", f.villagesCsv, "text/csv");
       },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, FORBID, FORBID, OK}},
      {"POST admin/import/officers", [](ApiClient& c, const Fixture& f) {
         return postCsv(c, "/api/v1/admin/import/officers?dryRun=1", f.officersCsv, "text/csv");
       },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, FORBID, FORBID, OK}},
      {"POST admin/import/boundaries", [](ApiClient& c, const Fixture& f) {
         return postCsv(c, "/api/v1/admin/import/boundaries?dryRun=1", f.boundariesJson, "application/geo+json");
       },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, FORBID, FORBID, OK}},
      {"GET area/roster", [](ApiClient& c, const Fixture&) { return c.get("/api/v1/area/roster"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, OK, OK}},
      {"POST area/officers", [](ApiClient& c, const Fixture& f) { return c.post("/api/v1/area/officers", f.newOfficerJson); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, CREATED, OUTSIDE, {409, "nrp_taken"}}},
      {"PUT area/officers/NRP/villages", [](ApiClient& c, const Fixture& f) {
         return c.put("/api/v1/area/officers/" + f.managedNrp + "/villages", f.managedVillages);
       },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, NOOFFICER, OK}},
      {"POST area/officers/NRP/password", [](ApiClient& c, const Fixture& f) {
         return c.post("/api/v1/area/officers/" + f.managedNrp + "/password", R"({"password":"short"})");
       },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, WEAKPW, NOOFFICER, WEAKPW}},
      {"POST area/officers/NRP/deactivate", [](ApiClient& c, const Fixture& f) {
         return c.post("/api/v1/area/officers/" + f.managedNrp + "/deactivate", "");
       },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, NOOFFICER, OK}},
      {"POST area/officers/NRP/activate", [](ApiClient& c, const Fixture& f) {
         return c.post("/api/v1/area/officers/" + f.managedNrp + "/activate", "");
       },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, NOOFFICER, OK}},
      {"POST area/officers/import", [](ApiClient& c, const Fixture& f) {
         return postCsv(c, "/api/v1/area/officers/import?dryRun=1", f.officersCsv, "text/csv");
       },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, PROBLEMS, OK}},
      {"GET area/export/reports.csv", [](ApiClient& c, const Fixture&) { return c.get(exportPath("reports.csv")); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, OK, OK}},
      {"GET area/export/reports.geojson", [](ApiClient& c, const Fixture&) { return c.get(exportPath("reports.geojson")); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, OK, OK}},
      {"GET area/export/visits.csv", [](ApiClient& c, const Fixture&) { return c.get(exportPath("visits.csv")); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, OK, OK}},
      {"GET area/export/visits.geojson (personal)", [](ApiClient& c, const Fixture&) {
         return c.get(exportPath("visits.geojson") + "&includePersonalData=1&reason=Evaluasi");
       },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, FORBID, FORBID, OK, OK, OK}},
      {"DELETE session", [](ApiClient& c, const Fixture&) { return c.del("/api/v1/session"); },
       {NOLOGIN, NOLOGIN, EXPIRED, EXPIRED, OK, OK, OK, OK, OK}},
  };
  return rows;
}

// A staff view up to its reporters: the report's record with its timeline, and its change number.
std::string reportPart(const std::string& staffView) { return staffView.substr(0, staffView.find(",\"assignedOfficer\"")); }

// A valid code that is one symbol away from `code` (the last random symbol incremented, the check redone):
// what someone counting up from their own code would try.
std::string incrementedCode(const std::string& code) {
  std::string next = code;
  const std::size_t last = next.size() - 2;
  next[last] = tracking::kAlphabet[(tracking::kAlphabet.find(next[last]) + 1) % tracking::kAlphabet.size()];
  for (char check : tracking::kAlphabet) {
    next.back() = check;
    if (std::holds_alternative<tracking::TrackingCode>(tracking::parseTrackingCode(next))) return next;
  }
  return {};
}

class AccessMatrix : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    service::BackendSettings settings;
    settings.trackingFailuresPerAddress = {5, 10 * kMinute};
    server_ = std::make_unique<RunningServer>(GetParam(), "", settings);
    pickPeople();
    // The expired session is made first, and the clock then passes its idle limit before anyone else logs in.
    callers_[Expired] = loggedIn(demo().officers[owner_].nrp);
    server_->clock().advance(13 * kHour);
    callers_[Nobody] = std::make_unique<ApiClient>(server_->port());
    callers_[Forged] = std::make_unique<ApiClient>(server_->port());
    callers_[Forged]->setSessionToken("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    callers_[LoggedOut] = loggedIn(demo().officers[owner_].nrp);
    EXPECT_EQ(callers_[LoggedOut]->del("/api/v1/session").status, 200);
    callers_[Owner] = loggedIn(demo().officers[owner_].nrp);
    callers_[OtherOfficer] = loggedIn(demo().officers[other_].nrp);
    callers_[PolsekInside] = loggedIn(inside_);
    callers_[PolsekOutside] = loggedIn(outside_);
    callers_[Admin] = loggedIn(areas::kDemoAdminNrp);
    makeFixture();
  }

  static const areas::DemoArea& demo() { return brebesDemo(); }

  // The owner and another officer, both on duty (in different districts), and a Polsek of each district.
  void pickPeople() {
    const auto& officers = demo().officers;
    for (std::size_t i = 0; i < officers.size(); ++i) {
      if (!officers[i].onDuty) continue;
      if (owner_ == kNone) {
        owner_ = i;
      } else if (demo().villages[i].districtCode != demo().villages[owner_].districtCode) {
        other_ = i;
        break;
      }
    }
    ASSERT_NE(other_, kNone);
    for (const auto& supervisor : demo().supervisors) {
      if (supervisor.areaCode == demo().villages[owner_].districtCode) inside_ = supervisor.nrp;
      if (supervisor.areaCode == demo().villages[other_].districtCode) outside_ = supervisor.nrp;
    }
    ASSERT_FALSE(inside_.empty());
    ASSERT_FALSE(outside_.empty());
  }

  std::unique_ptr<ApiClient> loggedIn(const std::string& nrp) {
    auto client = std::make_unique<ApiClient>(server_->port());
    const Reply login = client->login(nrp);
    EXPECT_EQ(login.status, 200) << nrp << ": " << login.body;
    return client;
  }

  void makeFixture() {
    const auto& village = demo().villages[owner_];
    ApiClient citizen(server_->port());
    const Reply created = citizen.post("/api/v1/reports", reportForm(village.position.latDeg, village.position.lonDeg,
                                                                     server_->clock().now()), newKey());
    ASSERT_EQ(created.status, 201) << created.body;
    fixture_.code = created.text("/trackingCode");
    secret_ = created.text("/secret");
    ASSERT_EQ(created.text("/assignedOfficer/nrp"), demo().officers[owner_].nrp) << created.body;
    const std::string png = "\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\0\0\0\0"s +
                            "\0\0\0\x01IDATx\0\0\0\0"s + "\0\0\0\0IEND\0\0\0\0"s;
    const Reply photo = citizen.post("/api/v1/photos", png, "", "image/png");
    ASSERT_EQ(photo.status, 201) << photo.body;
    fixture_.photoRef = photo.text("/photoRef");
    char position[96];
    std::snprintf(position, sizeof position, R"({"latDeg":%.9f,"lonDeg":%.9f})", village.position.latDeg, village.position.lonDeg);
    fixture_.positionJson = position;
    char visit[300];
    std::snprintf(visit, sizeof visit,
                  R"({"visitedAtUnixMs":%lld,"latDeg":%.9f,"lonDeg":%.9f,"place":"Balai Desa","topics":["keamanan"],"notes":"Ronda"})",
                  static_cast<long long>(server_->clock().now() - kHour), village.position.latDeg, village.position.lonDeg);
    fixture_.visitJson = visit;
    fixture_.villagesCsv = "code,name\n" + village.code + "," + village.name + "\n";
    const auto& officer = demo().officers[owner_];
    const double lat = village.position.latDeg, lon = village.position.lonDeg, d = 0.005;
    char square[400];
    std::snprintf(square, sizeof square, "[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]", lon - d, lat - d,
                  lon + d, lat - d, lon + d, lat + d, lon - d, lat + d, lon - d, lat - d);
    fixture_.boundariesJson = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":")" +
                              village.code + R"("},"geometry":{"type":"Polygon","coordinates":[)" + square + "]}}]}";
    fixture_.officersCsv = "nrp,name,phone,villages\n" + officer.nrp + "," + officer.name + "," + officer.phoneE164 + "," + village.code + "\n";
    std::vector<std::size_t> neighbours;  // the other villages (and officers) of the owner's district
    for (std::size_t i = 0; i < demo().villages.size(); ++i) {
      if (i != owner_ && demo().villages[i].districtCode == village.districtCode) neighbours.push_back(i);
    }
    ASSERT_GE(neighbours.size(), 2u);
    fixture_.managedNrp = demo().officers[neighbours[0]].nrp;
    fixture_.managedVillages = R"({"villages":[")" + demo().villages[neighbours[0]].code + R"("]})";
    fixture_.newOfficerJson = R"({"nrp":"99010002","name":"Bripka Baru","phone":"081299990002","villages":[")" +
                              demo().villages[neighbours[1]].code + R"("],"takeOver":true})";
  }

  ApiClient& as(Caller caller) { return *callers_[caller]; }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::unique_ptr<RunningServer> server_;
  std::array<std::unique_ptr<ApiClient>, kCallers> callers_;
  std::size_t owner_ = kNone, other_ = kNone;
  std::string inside_, outside_;
  Fixture fixture_;
  std::string secret_;
};

TEST_P(AccessMatrix, EveryEndpointAnswersEveryCallerExactly) {
  int cells = 0;
  for (const Row& row : matrix()) {
    for (int caller = 0; caller < kCallers; ++caller) {
      const Reply reply = row.call(as(static_cast<Caller>(caller)), fixture_);
      const Expected& expected = row.expected[static_cast<std::size_t>(caller)];
      EXPECT_EQ(reply.status, expected.status) << row.endpoint << " as " << kCallerNames[caller] << ": " << reply.body;
      EXPECT_EQ(reply.errorCode(), expected.errorCode) << row.endpoint << " as " << kCallerNames[caller] << ": " << reply.body;
      ++cells;
    }
  }
  EXPECT_EQ(cells, 32 * kCallers);
}

TEST_P(AccessMatrix, AnotherOfficersReportRevealsNothing) {
  const std::string path = "/api/v1/reports/" + fixture_.code;
  const std::string guessed = "/api/v1/reports/" + incrementedCode(fixture_.code);
  ASSERT_NE(guessed, path);
  const std::string timelineBefore = as(Owner).get(path).body;

  // Someone else's report answers exactly like a code that does not exist, for each way of asking.
  const Reply foreign = as(OtherOfficer).get(path);
  EXPECT_EQ(foreign.status, 404);
  for (Caller caller : {Owner, OtherOfficer, PolsekInside, PolsekOutside, Admin}) {
    EXPECT_EQ(as(caller).get(guessed).body, foreign.body) << kCallerNames[caller];
  }
  EXPECT_EQ(as(PolsekOutside).get(path).body, foreign.body);
  EXPECT_EQ(as(OtherOfficer).get(path + "/handover-candidates").body, as(OtherOfficer).get(guessed + "/handover-candidates").body);
  EXPECT_EQ(as(PolsekOutside).get(path + "/audit").body, as(PolsekInside).get(guessed + "/audit").body);
  const std::string move = R"({"action":"resolve","note":"Bukan urusan saya"})";
  EXPECT_EQ(as(OtherOfficer).post(path + "/moves", move, newKey()).body, foreign.body);
  EXPECT_EQ(as(PolsekOutside).post(path + "/moves", move, newKey()).body, foreign.body);
  const Reply after = as(Owner).get(path);
  EXPECT_EQ(reportPart(after.body), reportPart(timelineBefore)) << "the refused moves changed nothing";

  // Lists never carry it either.
  const std::vector<std::pair<Caller, const char*>> lists = {{OtherOfficer, "/api/v1/worklist"},
                                                             {OtherOfficer, "/api/v1/sync/pull?since=0"},
                                                             {PolsekOutside, "/api/v1/worklist"},
                                                             {PolsekOutside, "/api/v1/sync/pull?since=0"},
                                                             {PolsekOutside, "/api/v1/area/summary"}};
  for (const auto& [caller, list] : lists) {
    {
      const Reply listed = as(caller).get(list);
      EXPECT_EQ(listed.status, 200) << list;
      EXPECT_EQ(listed.body.find(fixture_.code), std::string::npos) << kCallerNames[caller] << " " << list;
      EXPECT_EQ(listed.body.find("crime"), std::string::npos) << kCallerNames[caller] << " " << list;
    }
  }
  for (Caller caller : {Owner, PolsekInside, Admin}) {
    EXPECT_NE(as(caller).get("/api/v1/worklist").body.find(fixture_.code), std::string::npos) << kCallerNames[caller];
  }

  // A guessed photo ref answers like any missing photo.
  const Reply photo = as(OtherOfficer).get("/api/v1/photos/" + fixture_.photoRef + "x");
  EXPECT_EQ(photo.status, 404);
  EXPECT_EQ(photo.errorCode(), "not_found");
}

TEST_P(AccessMatrix, TrackingCodesCannotBeEnumerated) {
  ApiClient citizen(server_->port());
  const std::string track = "/api/v1/track/" + fixture_.code;
  const Reply noSecret = citizen.get(track);
  EXPECT_EQ(noSecret.status, 404);
  EXPECT_EQ(noSecret.errorCode(), "report_not_found");
  EXPECT_EQ(citizen.get(track, {{"X-Report-Secret", "00000000-00000000-00000000"}}).body, noSecret.body) << "a wrong secret";
  const std::string unknown = "/api/v1/track/" + incrementedCode(fixture_.code);
  EXPECT_EQ(citizen.get(unknown, {{"X-Report-Secret", secret_}}).body, noSecret.body) << "a code that does not exist";
  EXPECT_EQ(citizen.get(unknown).body, noSecret.body);
  EXPECT_EQ(citizen.get(track, {{"X-Report-Secret", secret_.substr(0, 8)}}).body, noSecret.body);  // 5 failures

  const Reply sixth = citizen.get(unknown, {{"X-Report-Secret", secret_}});
  EXPECT_EQ(sixth.status, 429) << "the sixth guess is refused";
  EXPECT_EQ(sixth.errorCode(), "too_many_requests");
  EXPECT_EQ(sixth.header("Retry-After"), "600");
  EXPECT_EQ(citizen.get(track, {{"X-Report-Secret", secret_}}).status, 429) << "the right secret waits too";
  server_->clock().advance(11 * kMinute);
  const Reply tracked = citizen.get(track, {{"X-Report-Secret", secret_}});
  EXPECT_EQ(tracked.status, 200) << tracked.body;
  EXPECT_EQ(tracked.body.find("Siti"), std::string::npos) << "the public view has no identities";
}

TEST_P(AccessMatrix, GuessedJoinsShareTheBudget) {
  // "Ikut melapor" answers a report's secret, so guessing codes through it must be limited like tracking.
  ApiClient citizen(server_->port());
  const std::string join = R"({"anonymous":true})";
  std::string code = fixture_.code;
  for (int guess = 0; guess < 5; ++guess) {
    code = incrementedCode(code);
    const Reply missed = citizen.post("/api/v1/reports/" + code + "/reporters", join, newKey());
    EXPECT_EQ(missed.status, 404) << guess << ": " << missed.body;
  }
  const Reply refused = citizen.post("/api/v1/reports/" + incrementedCode(code) + "/reporters", join, newKey());
  EXPECT_EQ(refused.status, 429) << refused.body;
  EXPECT_EQ(citizen.get("/api/v1/track/" + fixture_.code, {{"X-Report-Secret", secret_}}).status, 429) << "one budget";
  server_->clock().advance(11 * kMinute);
  EXPECT_EQ(citizen.post("/api/v1/reports/" + fixture_.code + "/reporters", join, newKey()).status, 200);
}

INSTANTIATE_TEST_SUITE_P(BothDialects, AccessMatrix, ::testing::ValuesIn(storage::kTestDialects), storage::dialectTestName);

}  // namespace
}  // namespace bhabin::server::testing
