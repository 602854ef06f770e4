// The public roster snapshot over real HTTP, on SQLite and on PostgreSQL: the demo's villages and officers in
// the core's format, versions that follow duty changes, revalidation with If-None-Match, the regency filter,
// and the browser's own matching on the snapshot agreeing with the server's GET /api/v1/my-officer.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "core/match/roster_matching.h"
#include "core/wire/roster_codec.h"
#include "server/areas/demo_seed.h"
#include "support/api_server.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

using storage::Dialect;

constexpr const char* kBrebes = "33.29";
constexpr const char* kTegalVillage = "33.76.01.1001";  // Kota Tegal: in the catalog, not in the demo

wire::RosterSnapshot parsedSnapshot(const Reply& reply) {
  auto parsed = wire::parseRosterJson(reply.body);
  if (auto* error = std::get_if<wire::ParseError>(&parsed)) {
    ADD_FAILURE() << "the snapshot does not parse: " << error->message;
    return {};
  }
  return std::get<wire::RosterSnapshot>(std::move(parsed));
}

const wire::RosterOfficer* officerWithNrp(const wire::RosterSnapshot& snapshot, const std::string& nrp) {
  for (const wire::RosterOfficer& officer : snapshot.officers) {
    if (officer.nrp == nrp) return &officer;
  }
  return nullptr;
}

std::string myOfficerPath(const geo::LatLon& at) {
  char path[160];
  std::snprintf(path, sizeof path, "/api/v1/my-officer?lat=%.9f&lon=%.9f", at.latDeg, at.lonDeg);
  return path;
}

class RosterApi : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    server_ = std::make_unique<RunningServer>(GetParam());
    api_ = std::make_unique<ApiClient>(server_->port());
  }

  Reply roster(const std::string& query = "", const httplib::Headers& headers = {}) {
    return api_->get("/api/v1/roster" + query, headers);
  }

  // Logs the demo officer `index` in and sets their duty through the officer API.
  void setDuty(std::size_t index, bool onDuty) {
    ApiClient officer(server_->port());
    ASSERT_EQ(officer.login(brebesDemo().officers.at(index).nrp).status, 200);
    const Reply changed = officer.put("/api/v1/officer/duty", onDuty ? R"({"onDuty":true})" : R"({"onDuty":false})");
    ASSERT_EQ(changed.status, 200) << changed.body;
  }

  // The server's exact distances to the on-duty officers under the cap nearest to `at`, by NRP.
  std::map<std::string, double> serverDistances(const geo::LatLon& at) {
    char path[160];
    std::snprintf(path, sizeof path, "/api/v1/officers/nearest?lat=%.9f&lon=%.9f&k=20", at.latDeg, at.lonDeg);
    const Reply reply = api_->get(path);
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::map<std::string, double> distances;
    for (const auto& entry : reply.json["officers"].GetArray()) {
      distances.emplace(entry["officer"]["nrp"].GetString(), entry["distanceKm"].GetDouble());
    }
    return distances;
  }

  std::size_t firstOfficerOnDuty() const {
    const auto& officers = brebesDemo().officers;
    for (std::size_t i = 0; i < officers.size(); ++i) {
      if (officers[i].onDuty) return i;
    }
    return 0;
  }

  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<ApiClient> api_;
};

TEST_P(RosterApi, TheDemoSnapshotHasEveryBrebesVillageWithItsOfficerInTheCoresFormat) {
  const Reply reply = roster();
  ASSERT_EQ(reply.status, 200) << reply.body;
  const wire::RosterSnapshot snapshot = parsedSnapshot(reply);
  const auto& demo = brebesDemo();
  EXPECT_GT(snapshot.version, 0);
  EXPECT_EQ(reply.header("ETag"), "\"roster-" + std::to_string(snapshot.version) + "\"");
  EXPECT_EQ(reply.header("Cache-Control"), "no-cache");
  const matching::MatchingSettings settings;
  EXPECT_EQ(snapshot.rules.openReportsCap, settings.openReportsCap);
  EXPECT_EQ(snapshot.rules.nearestCount, settings.nearestCount);
  EXPECT_EQ(snapshot.rules.maxDistanceKm, settings.maxDistanceKm);

  ASSERT_EQ(snapshot.villages.size(), 297u);
  ASSERT_EQ(snapshot.villages.size(), demo.villages.size());
  EXPECT_EQ(snapshot.officers.size(), demo.officers.size()) << "officers only: no supervisors, no admin";
  for (std::size_t i = 0; i < snapshot.villages.size(); ++i) {
    const wire::RosterVillage& village = snapshot.villages[i];
    EXPECT_EQ(village.code, demo.villages[i].code);
    EXPECT_EQ(village.name, demo.villages[i].name);
    EXPECT_EQ(village.regency, "Kabupaten Brebes");
    EXPECT_EQ(village.province, "Jawa Tengah");
    EXPECT_FALSE(village.district.empty());
    ASSERT_GE(village.officer, 0) << village.code << " has no officer";
    EXPECT_EQ(snapshot.officers.at(village.officer).nrp, demo.officers[i].nrp);
  }
  for (std::size_t i = 1; i < snapshot.officers.size(); ++i) {
    EXPECT_LT(snapshot.officers[i - 1].nrp, snapshot.officers[i].nrp) << "NRP order, as the server's roster";
  }
}

TEST_P(RosterApi, OfficersPositionsArePublishedRoundedToAbout110Metres) {
  const wire::RosterSnapshot snapshot = parsedSnapshot(roster());
  for (const domain::Officer& demoOfficer : brebesDemo().officers) {
    const wire::RosterOfficer* officer = officerWithNrp(snapshot, demoOfficer.nrp);
    ASSERT_NE(officer, nullptr) << demoOfficer.nrp;
    for (double degrees : {officer->position.latDeg, officer->position.lonDeg}) {
      EXPECT_NEAR(degrees * 1000.0, std::round(degrees * 1000.0), 1e-6) << officer->nrp;
    }
  }
}

TEST_P(RosterApi, AnOfficerGoingOffDutyChangesTheVersionAndTheFlag) {
  const std::size_t index = firstOfficerOnDuty();
  const std::string nrp = brebesDemo().officers[index].nrp;
  const Reply before = roster();
  const wire::RosterSnapshot old = parsedSnapshot(before);
  ASSERT_NE(officerWithNrp(old, nrp), nullptr);
  EXPECT_TRUE(officerWithNrp(old, nrp)->onDuty);

  setDuty(index, false);
  const Reply after = roster("", {{"If-None-Match", before.header("ETag")}});
  ASSERT_EQ(after.status, 200) << "the old tag no longer matches";
  const wire::RosterSnapshot current = parsedSnapshot(after);
  EXPECT_GT(current.version, old.version);
  EXPECT_NE(after.header("ETag"), before.header("ETag"));
  EXPECT_FALSE(officerWithNrp(current, nrp)->onDuty);
}

TEST_P(RosterApi, ACurrentCopyIsAnswered304WithoutABody) {
  const Reply first = roster();
  ASSERT_EQ(first.status, 200);
  const std::string tag = first.header("ETag");
  for (const std::string& ifNoneMatch : {tag, "W/" + tag, "\"roster-1\", " + tag, std::string("*")}) {
    const Reply again = roster("", {{"If-None-Match", ifNoneMatch}});
    EXPECT_EQ(again.status, 304) << ifNoneMatch;
    EXPECT_TRUE(again.body.empty()) << ifNoneMatch;
    EXPECT_EQ(again.header("ETag"), tag);
    EXPECT_EQ(again.header("Cache-Control"), "no-cache");
  }
  EXPECT_EQ(roster("", {{"If-None-Match", "\"roster-1\""}}).status, 200);
  EXPECT_EQ(roster("?regency=33.29", {{"If-None-Match", tag}}).status, 200) << "another filter, another tag";
}

TEST_P(RosterApi, TheRegencyFilterKeepsOnlyThatRegencysVillages) {
  ApiClient admin(server_->port());
  ASSERT_EQ(admin.login(areas::kDemoAdminNrp).status, 200);
  const Reply imported = admin.post(
      "/api/v1/admin/import/villages",
      "code,name,lat,lon\n" + std::string(kTegalVillage) + ",Pesurungan Kidul,-6.8791,109.1052\n", "", "text/csv");
  ASSERT_EQ(imported.status, 200) << imported.body;

  EXPECT_EQ(parsedSnapshot(roster()).villages.size(), 298u);
  const Reply brebes = roster("?regency=33.29");
  ASSERT_EQ(brebes.status, 200) << brebes.body;
  const wire::RosterSnapshot brebesSnapshot = parsedSnapshot(brebes);
  EXPECT_EQ(brebes.header("ETag"), "\"roster-" + std::to_string(brebesSnapshot.version) + "-33.29\"");
  EXPECT_EQ(brebesSnapshot.villages.size(), 297u);
  EXPECT_EQ(brebesSnapshot.officers.size(), brebesDemo().officers.size());
  EXPECT_EQ(roster("?regency=33.29", {{"If-None-Match", brebes.header("ETag")}}).status, 304);

  const Reply tegal = roster("?regency=33.76");
  ASSERT_EQ(tegal.status, 200) << tegal.body;
  const wire::RosterSnapshot tegalSnapshot = parsedSnapshot(tegal);
  ASSERT_EQ(tegalSnapshot.villages.size(), 1u);
  EXPECT_EQ(tegalSnapshot.villages[0].code, kTegalVillage);
  EXPECT_EQ(tegalSnapshot.villages[0].regency, "Kota Tegal") << "names come from the regions table";
  EXPECT_EQ(tegalSnapshot.villages[0].district, "Tegal Barat");
  EXPECT_EQ(tegalSnapshot.villages[0].officer, -1);
  EXPECT_TRUE(tegalSnapshot.officers.empty());
}

TEST_P(RosterApi, AMalformedRegencyIs400AndAnUnknownOne404) {
  for (const char* query : {"?regency=3329", "?regency=33.29.01", "?regency=", "?regency=33.2x", "?regency=33.29%20"}) {
    const Reply reply = roster(query);
    EXPECT_EQ(reply.status, 400) << query;
    EXPECT_EQ(reply.errorCode(), "invalid_parameter") << query;
  }
  const Reply unknown = roster("?regency=33.99&lang=en");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.errorCode(), "unknown_regency");
  EXPECT_EQ(unknown.text("/error/message"), "This regency or city is not on this server.");
  EXPECT_EQ(roster("?regency=33").status, 400) << "a province is not a regency";
}

// The browser builds the core's matching from the snapshot; it must name the same officers as the server.
// Rounding moves each published position by at most 0.0005 degrees in latitude and longitude, 79 m here, so
// each distance the browser computes is within that of the server's, and the browser may order two officers
// differently only when their exact distances differ by less than twice that.
TEST_P(RosterApi, TheBrowsersMatchingOnTheSnapshotAgreesWithTheServer) {
  constexpr double kMaxRoundingShiftKm = 0.079;
  const auto& demo = brebesDemo();
  // Some responsible officers off duty, so that fallbacks are compared too.
  for (std::size_t index : {std::size_t{0}, std::size_t{48}, std::size_t{120}}) setDuty(index, false);
  const wire::RosterSnapshot snapshot = parsedSnapshot(roster("?regency=33.29"));
  const match::RosterMatching browser(snapshot);

  std::set<std::string> statuses;
  std::size_t compared = 0, nearTies = 0;
  for (std::size_t i = 0; i < 12; ++i) {
    const std::size_t village = (i * 24) % demo.villages.size();
    // Beside the village centre rather than on it, in a different direction each time.
    const geo::LatLon at{demo.villages[village].position.latDeg + 0.0015 * std::cos(i),
                         demo.villages[village].position.lonDeg + 0.0015 * std::sin(i)};
    const Reply server = api_->get(myOfficerPath(at));
    ASSERT_EQ(server.status, 200) << server.body;
    const std::map<std::string, double> exactKm = serverDistances(at);
    const match::MyOfficerAnswer local = browser.myOfficer(at, std::nullopt);
    const std::string where = "at " + std::to_string(at.latDeg) + "," + std::to_string(at.lonDeg);

    EXPECT_EQ(local.villageCode.value_or(""), server.text("/villageCode")) << where;
    EXPECT_EQ(std::string(match::responsibleStatusCode(local.status)), server.text("/responsibleStatus")) << where;
    statuses.insert(server.text("/responsibleStatus"));
    const std::string responsible =
        local.responsibleOfficer ? snapshot.officers.at(*local.responsibleOfficer).nrp : std::string();
    EXPECT_EQ(responsible, server.text("/responsibleOfficer/nrp")) << where;

    const auto& nearest = server.json["nearestOnDuty"];
    ASSERT_EQ(local.nearestOnDuty.size(), nearest.Size()) << where;
    for (rapidjson::SizeType n = 0; n < nearest.Size(); ++n) {
      const std::string mine = snapshot.officers.at(local.nearestOnDuty[n].id).nrp;
      const std::string theirs = nearest[n]["officer"]["nrp"].GetString();
      ASSERT_EQ(exactKm.count(mine), 1u) << where << ": " << mine << " is not among the server's nearest";
      EXPECT_NEAR(local.nearestOnDuty[n].distanceKm, exactKm.at(mine), kMaxRoundingShiftKm) << where << " " << mine;
      ++compared;
      if (mine == theirs) continue;
      ++nearTies;
      EXPECT_LT(std::abs(exactKm.at(mine) - nearest[n]["distanceKm"].GetDouble()), 2 * kMaxRoundingShiftKm)
          << where << " #" << n << ": the browser lists " << mine << " where the server lists " << theirs;
    }
  }
  EXPECT_EQ(compared, 36u);
  EXPECT_LE(nearTies, 2u) << "near ties are the exception";
  EXPECT_EQ(statuses.count("available"), 1u);
  EXPECT_EQ(statuses.count("off_duty"), 1u) << "some answers must take the fallback";
}

INSTANTIATE_TEST_SUITE_P(BothDialects, RosterApi, ::testing::ValuesIn(storage::kTestDialects),
                         storage::dialectTestName);

}  // namespace
}  // namespace bhabin::server::testing
