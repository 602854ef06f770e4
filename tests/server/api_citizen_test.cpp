// Citizens' API over real HTTP against a running server, on SQLite and on PostgreSQL: my officer, village
// search, filing a report (validation, idempotency, assignment, duplicates), joining and tracking it.
#include <gtest/gtest.h>
#include <rapidjson/pointer.h>

#include <set>

#include "core/tracking/tracking_code.h"
#include "support/api_server.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

using storage::Dialect;

class CitizenApi : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    service::BackendSettings settings;
    settings.trackingFailuresPerAddress = {3, 60 * 1000};
    server_ = std::make_unique<RunningServer>(GetParam(), "", settings);
    api_ = std::make_unique<ApiClient>(server_->port());
  }

  // The first demo village whose officer starts on (or off) duty.
  std::size_t villageWithOfficer(bool onDuty) const {
    const auto& demo = brebesDemo();
    for (std::size_t i = 0; i < demo.officers.size(); ++i) {
      if (demo.officers[i].onDuty == onDuty) return i;
    }
    return 0;
  }

  Reply file(std::size_t village, const std::string& key = newKey(), const std::string& category = "crime") {
    const geo::LatLon at = brebesDemo().villages.at(village).position;
    return api_->post("/api/v1/reports", reportForm(at.latDeg, at.lonDeg, server_->clock().now(), category), key);
  }

  std::int64_t now() { return server_->clock().now(); }

  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<ApiClient> api_;
};

TEST_P(CitizenApi, MyOfficerIsTheResponsibleOfficerOfTheVillageAtTheTappedPoint) {
  const std::size_t v = villageWithOfficer(true);
  const auto& demo = brebesDemo();
  char path[160];
  std::snprintf(path, sizeof path, "/api/v1/my-officer?lat=%.9f&lon=%.9f", demo.villages[v].position.latDeg,
                demo.villages[v].position.lonDeg);
  const Reply reply = api_->get(path);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.text("/villageCode"), demo.villages[v].code);
  EXPECT_EQ(reply.text("/responsibleStatus"), "available");
  EXPECT_EQ(reply.text("/responsibleOfficer/nrp"), demo.officers[v].nrp);
  const auto& nearest = reply.json["nearestOnDuty"];
  ASSERT_TRUE(nearest.IsArray());
  EXPECT_EQ(nearest.Size(), 3u);
  double previous = 0;
  for (const auto& entry : nearest.GetArray()) {
    EXPECT_NE(std::string(entry["officer"]["nrp"].GetString()), demo.officers[v].nrp);
    EXPECT_GE(entry["distanceKm"].GetDouble(), previous);
    previous = entry["distanceKm"].GetDouble();
  }
}

TEST_P(CitizenApi, MyOfficerRefusesPositionsThatAreNotNumbers) {
  for (const char* query : {"lat=nan&lon=109", "lat=-6.9", "lat=91&lon=109", "lat=-6.9&lon=1e999", "lat=abc&lon=109"}) {
    const Reply reply = api_->get(std::string("/api/v1/my-officer?") + query);
    EXPECT_EQ(reply.status, 400) << query;
    EXPECT_EQ(reply.errorCode(), "invalid_parameter") << query;
  }
}

TEST_P(CitizenApi, NearestOfficersAreOnDutyAndSortedByDistance) {
  const Reply reply = api_->get("/api/v1/officers/nearest?lat=-6.95&lon=109.0&k=7");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto& officers = reply.json["officers"];
  ASSERT_EQ(officers.Size(), 7u);
  std::set<std::string> onDuty;
  for (const auto& officer : brebesDemo().officers) {
    if (officer.onDuty) onDuty.insert(officer.nrp);
  }
  for (rapidjson::SizeType i = 0; i < officers.Size(); ++i) {
    EXPECT_EQ(onDuty.count(officers[i]["officer"]["nrp"].GetString()), 1u);
    if (i > 0) {
      EXPECT_LE(officers[i - 1]["distanceKm"].GetDouble(), officers[i]["distanceKm"].GetDouble());
    }
  }
  EXPECT_EQ(api_->get("/api/v1/officers/nearest?lat=-6.95&lon=109.0&k=0").status, 400);
  EXPECT_EQ(api_->get("/api/v1/officers/nearest?lat=-6.95&lon=109.0&k=21").status, 400);
}

TEST_P(CitizenApi, VillageSearchFindsBrebesVillagesWithoutAccentsOrCase) {
  const Reply reply = api_->get("/api/v1/villages?q=kel.%20pasarbatang&limit=3");
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_GE(reply.json["villages"].Size(), 1u);
  EXPECT_EQ(std::string(reply.json["villages"][0]["code"].GetString()), "33.29.09.1015");
  EXPECT_NE(std::string(reply.json["villages"][0]["label"].GetString()).find("Brebes"), std::string::npos);
  EXPECT_EQ(api_->get("/api/v1/villages?q=x&limit=51").status, 400);
}

TEST_P(CitizenApi, AReportGoesToTheResponsibleOfficerAndIsTrackedWithCodeAndSecret) {
  const std::size_t v = villageWithOfficer(true);
  const Reply created = file(v);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.text("/status"), "submitted");
  EXPECT_EQ(created.text("/assignedOfficer/nrp"), brebesDemo().officers[v].nrp);
  EXPECT_EQ(created.text("/assignmentReason"), "responsible_available");
  const std::string code = created.text("/trackingCode");
  const std::string secret = created.text("/secret");
  EXPECT_EQ(code.substr(0, 5), "3329-");

  const Reply tracked = api_->get("/api/v1/track/" + code, {{"X-Report-Secret", secret}});
  ASSERT_EQ(tracked.status, 200) << tracked.body;
  EXPECT_EQ(tracked.text("/status"), "submitted");
  EXPECT_EQ(tracked.text("/timeline/0/note"), "responsible_available");
  // The public view never carries the reporter's identity.
  EXPECT_EQ(tracked.body.find("Siti"), std::string::npos);
  EXPECT_EQ(tracked.body.find("6281234567890"), std::string::npos);

  std::string typed = code;
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(api_->get("/api/v1/track/" + typed, {{"X-Report-Secret", secret}}).status, 200) << "codes are typed by people";
}

TEST_P(CitizenApi, WithoutTheRightSecretAReportDoesNotExistAndGuessingIsLimited) {
  const Reply created = file(0);
  ASSERT_EQ(created.status, 201);
  const std::string code = created.text("/trackingCode");
  Reply wrong = api_->get("/api/v1/track/" + code, {{"X-Report-Secret", "00000000-00000000-00000000"}});
  EXPECT_EQ(wrong.status, 404);
  EXPECT_EQ(wrong.errorCode(), "report_not_found");
  EXPECT_EQ(api_->get("/api/v1/track/" + code).status, 404);
  EXPECT_EQ(api_->get("/api/v1/track/" + code, {{"X-Report-Secret", "x"}}).status, 404);
  // Three failures per minute in this test's settings: now even the right secret waits.
  const Reply limited = api_->get("/api/v1/track/" + code, {{"X-Report-Secret", created.text("/secret")}});
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("Retry-After"), "60");
  server_->clock().advance(61 * 1000);
  EXPECT_EQ(api_->get("/api/v1/track/" + code, {{"X-Report-Secret", created.text("/secret")}}).status, 200);
}

TEST_P(CitizenApi, AMistypedTrackingCodeIsToldApart) {
  const Reply reply = api_->get("/api/v1/track/3329-7KQM-2XRD-9F4T-ZH5D", {{"X-Report-Secret", "a"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.errorCode(), "invalid_tracking_code");
}

TEST_P(CitizenApi, ARetriedCreationCreatesOneReportAndGetsTheSameAnswer) {
  const std::string key = newKey();
  const Reply first = file(5, key);
  ASSERT_EQ(first.status, 201) << first.body;
  const Reply again = file(5, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(first.header("Idempotent-Replayed"), "");

  // Days later, the same key with another body is refused and changes nothing.
  server_->clock().advance(3LL * 24 * 60 * 60 * 1000);
  const Reply other = file(6, key);
  EXPECT_EQ(other.status, 422);
  EXPECT_EQ(other.errorCode(), "idempotency_key_reused");
  ApiClient officer(server_->port());
  ASSERT_EQ(officer.login(brebesDemo().officers[5].nrp).status, 200);
  const Reply list = officer.get("/api/v1/worklist");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json["reports"].Size(), brebesDemo().officers[5].onDuty ? 1u : 0u);
}

TEST_P(CitizenApi, CreationNeedsAWellFormedIdempotencyKey) {
  const geo::LatLon at = brebesDemo().villages[0].position;
  const std::string form = reportForm(at.latDeg, at.lonDeg, now());
  EXPECT_EQ(api_->post("/api/v1/reports", form).errorCode(), "idempotency_key_required");
  EXPECT_EQ(api_->post("/api/v1/reports", form, "short").errorCode(), "idempotency_key_invalid");
  EXPECT_EQ(api_->post("/api/v1/reports", form, "has spaces in it, too many").errorCode(), "idempotency_key_invalid");
}

TEST_P(CitizenApi, EveryFormProblemIsNamedByFieldInTheCallersLanguage) {
  const Reply reply = api_->post("/api/v1/reports",
                                 R"({"category":"alien","title":"abc","description":"","latDeg":-6.9,"lonDeg":200,)"
                                 R"("incidentAtUnixMs":)" + std::to_string(now() + 3600 * 1000) +
                                     R"(,"anonymous":false,"reporterName":"","reporterPhone":"+1 555 0100"})",
                                 newKey());
  EXPECT_EQ(reply.status, 422) << reply.body;
  EXPECT_EQ(reply.errorCode(), "invalid_form");
  const auto fields = reply.fieldErrors();
  const std::set<std::string> got(fields.begin(), fields.end());
  for (const char* expected : {"category:unknown_category", "title:too_short", "description:required",
                               "lonDeg:coordinate_out_of_range", "incidentAtUnixMs:time_in_future",
                               "reporterName:required", "reporterPhone:phone_not_indonesian"}) {
    EXPECT_EQ(got.count(expected), 1u) << expected << " in " << reply.body;
  }
  EXPECT_NE(reply.body.find("Periksa kembali"), std::string::npos) << "Indonesian by default";

  ApiClient english(server_->port());
  const Reply inEnglish = english.post("/api/v1/reports?lang=en", R"({"category":"crime"})", newKey());
  EXPECT_NE(inEnglish.body.find("Please check the marked fields."), std::string::npos) << inEnglish.body;
}

TEST_P(CitizenApi, HostileBodiesAreRefusedWithoutHarm) {
  const std::string key = newKey();
  EXPECT_EQ(api_->post("/api/v1/reports", "{\"title\":\"\xff\xfe\"}", key).errorCode(), "invalid_json");
  EXPECT_EQ(api_->post("/api/v1/reports", R"({"latDeg":NaN,"lonDeg":109})", key).errorCode(), "invalid_json");
  EXPECT_EQ(api_->post("/api/v1/reports", std::string(40, '[') + std::string(40, ']'), key).errorCode(), "invalid_json");
  EXPECT_EQ(api_->post("/api/v1/reports", R"({"title":42})", key).errorCode(), "invalid_json");
  EXPECT_EQ(api_->post("/api/v1/reports", "category=crime", key, "application/x-www-form-urlencoded").status, 415);
  const Reply huge = api_->post("/api/v1/reports", "{\"description\":\"" + std::string(2 << 20, 'a') + "\"}", key);
  EXPECT_EQ(huge.status, 413);
  // None of that consumed the key: a good report with it still goes through.
  EXPECT_EQ(file(1, key).status, 201);
}

TEST_P(CitizenApi, AnAnonymousReportStoresNoIdentity) {
  const geo::LatLon at = brebesDemo().villages[2].position;
  const Reply created = api_->post(
      "/api/v1/reports",
      reportForm(at.latDeg, at.lonDeg, now(), "drugs", R"("anonymous":true,"reporterName":"Budi","reporterPhone":"08123456789")"),
      newKey());
  ASSERT_EQ(created.status, 201) << created.body;
  ApiClient supervisor(server_->port());
  ASSERT_EQ(supervisor.login(brebesDemo().supervisors.front().nrp).status, 200);
  const Reply view = supervisor.get("/api/v1/reports/" + created.text("/trackingCode"));
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.body.find("Budi"), std::string::npos);
  EXPECT_EQ(view.body.find("8123456789"), std::string::npos);
  EXPECT_TRUE(view.json["reporters"][0]["anonymous"].GetBool());
}

TEST_P(CitizenApi, AnOffDutyResponsibleOfficerHandsTheReportToTheNearestOnDuty) {
  const std::size_t v = villageWithOfficer(false);
  const Reply created = file(v);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.text("/assignmentReason"), "nearest_because_off_duty");
  EXPECT_NE(created.text("/assignedOfficer/nrp"), brebesDemo().officers[v].nrp);
  EXPECT_FALSE(created.text("/assignedOfficer/nrp").empty());
}

TEST_P(CitizenApi, NearbyOpenReportsOfTheSameCategoryAreOfferedAndCanBeJoined) {
  const Reply first = file(10, newKey(), "traffic_accident");
  ASSERT_EQ(first.status, 201);
  EXPECT_EQ(first.json["duplicates"].Size(), 0u);
  const Reply otherCategory = file(10, newKey(), "environment");
  EXPECT_EQ(otherCategory.json["duplicates"].Size(), 0u);
  const Reply second = file(10, newKey(), "traffic_accident");
  ASSERT_EQ(second.json["duplicates"].Size(), 1u) << second.body;
  EXPECT_EQ(std::string(second.json["duplicates"][0]["trackingCode"].GetString()), first.text("/trackingCode"));

  const std::string code = first.text("/trackingCode");
  const std::string key = newKey();
  const std::string joiner = R"({"anonymous":false,"reporterName":"Ahmad","reporterPhone":"085712345678"})";
  const Reply joined = api_->post("/api/v1/reports/" + code + "/reporters", joiner, key);
  ASSERT_EQ(joined.status, 200) << joined.body;
  EXPECT_EQ(joined.text("/secret"), first.text("/secret"));
  EXPECT_EQ(api_->post("/api/v1/reports/" + code + "/reporters", joiner, key).header("Idempotent-Replayed"), "true");
  const Reply badJoin = api_->post("/api/v1/reports/" + code + "/reporters", R"({"anonymous":false})", newKey());
  EXPECT_EQ(badJoin.status, 422);
  EXPECT_EQ(badJoin.fieldErrors(), std::vector<std::string>{"reporterName:required"});

  ApiClient supervisor(server_->port());
  ASSERT_EQ(supervisor.login(brebesDemo().supervisors.front().nrp).status, 200);
  const Reply view = supervisor.get("/api/v1/reports/" + code);
  ASSERT_EQ(view.json["reporters"].Size(), 2u) << view.body;
  EXPECT_EQ(std::string(view.json["reporters"][1]["name"].GetString()), "Ahmad");
}

TEST_P(CitizenApi, BeforeFilingACitizenSeesOpenReportsOfTheCategoryNearbyWithoutTheirReporters) {
  const Reply first = file(10, newKey(), "traffic_accident");
  ASSERT_EQ(first.status, 201);
  ASSERT_EQ(file(10, newKey(), "environment").status, 201);
  ASSERT_EQ(file(20, newKey(), "traffic_accident").status, 201) << "another village, far away";
  const geo::LatLon at = brebesDemo().villages.at(10).position;
  char path[200];
  std::snprintf(path, sizeof path, "/api/v1/reports/nearby?lat=%.9f&lon=%.9f&category=traffic_accident", at.latDeg + 0.001,
                at.lonDeg);
  const Reply nearby = api_->get(path);
  ASSERT_EQ(nearby.status, 200) << nearby.body;
  ASSERT_EQ(nearby.json["reports"].Size(), 1u) << nearby.body;
  const auto& offered = nearby.json["reports"][0];
  EXPECT_EQ(std::string(offered["trackingCode"].GetString()), first.text("/trackingCode"));
  EXPECT_EQ(std::string(offered["status"].GetString()), "submitted");
  EXPECT_NEAR(offered["distanceKm"].GetDouble(), 0.111, 0.002);
  EXPECT_FALSE(offered.HasMember("description"));
  EXPECT_FALSE(offered.HasMember("reporters"));
  EXPECT_EQ(nearby.body.find("secret"), std::string::npos);

  std::snprintf(path, sizeof path, "/api/v1/reports/nearby?lat=%.9f&lon=%.9f&category=drugs", at.latDeg, at.lonDeg);
  EXPECT_EQ(api_->get(path).json["reports"].Size(), 0u);
  std::snprintf(path, sizeof path, "/api/v1/reports/nearby?lat=%.9f&lon=%.9f&category=fire", at.latDeg, at.lonDeg);
  EXPECT_EQ(api_->get(path).errorCode(), "invalid_parameter");
  EXPECT_EQ(api_->get("/api/v1/reports/nearby?lat=nan&lon=109&category=crime").errorCode(), "invalid_parameter");
}

TEST_P(CitizenApi, NearbyLookupsAreLimitedPerAddressSoOpenReportsCannotBeSwept) {
  service::BackendSettings settings;
  settings.nearbyLookupsPerAddress = {2, 10 * 60 * 1000};
  RunningServer limited(GetParam(), "", settings);
  ApiClient client(limited.port());
  const std::string path = "/api/v1/reports/nearby?lat=-6.87&lon=109.04&category=crime";
  EXPECT_EQ(client.get(path).status, 200);
  EXPECT_EQ(client.get(path).status, 200);
  const Reply third = client.get(path);
  EXPECT_EQ(third.status, 429);
  EXPECT_EQ(third.header("Retry-After"), "600");
}

TEST_P(CitizenApi, ADeviceMayBringItsOwnTrackingCodeButNotSomeoneElses) {
  const geo::LatLon at = brebesDemo().villages[3].position;
  const tracking::RandomBytes random{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const std::string code = tracking::makeTrackingCode("33.29", random)->text;
  const std::string form = reportForm(at.latDeg, at.lonDeg, now(), "crime", R"("anonymous":true,"trackingCode":")" + code + "\"");
  const Reply created = api_->post("/api/v1/reports", form, newKey());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.text("/trackingCode"), code);
  const Reply taken = api_->post("/api/v1/reports", form, newKey());
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.errorCode(), "tracking_code_taken");
  const std::string otherRegency = reportForm(at.latDeg, at.lonDeg, now(), "crime", R"("anonymous":true,"trackingCode":")" + tracking::makeTrackingCode("33.28", random)->text + "\"");
  EXPECT_EQ(api_->post("/api/v1/reports", otherRegency, newKey()).errorCode(), "invalid_tracking_code");
}

TEST_P(CitizenApi, OneAddressMayFileOnlySoManyReportsButRetriesAreFree) {
  service::BackendSettings settings;
  settings.anonymousWritesPerAddress = {2, 10 * 60 * 1000};
  RunningServer limited(GetParam(), "", settings);
  ApiClient client(limited.port());
  const geo::LatLon at = brebesDemo().villages[0].position;
  const std::string form = reportForm(at.latDeg, at.lonDeg, limited.clock().now());
  const std::string key = newKey();
  ASSERT_EQ(client.post("/api/v1/reports", form, key).status, 201);
  ASSERT_EQ(client.post("/api/v1/reports", form, newKey()).status, 201);
  const Reply third = client.post("/api/v1/reports", form, newKey());
  EXPECT_EQ(third.status, 429);
  EXPECT_EQ(third.header("Retry-After"), "600");
  EXPECT_EQ(client.post("/api/v1/reports", form, key).status, 201) << "replaying a stored answer is not a new write";
  limited.clock().advance(10 * 60 * 1000);
  EXPECT_EQ(client.post("/api/v1/reports", form, newKey()).status, 201);
}

INSTANTIATE_TEST_SUITE_P(BothDialects, CitizenApi, ::testing::ValuesIn(storage::kTestDialects), storage::dialectTestName);

}  // namespace
}  // namespace bhabin::server::testing
