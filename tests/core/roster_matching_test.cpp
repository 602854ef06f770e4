#include "core/match/roster_matching.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace bhabin::match {
namespace {

// Three villages in a row, west to east: Banjaran (officer 0), Bentarsari (officer 1) and Citimbang (nobody).
// Officer 2 patrols between the first two; officer 3 is 100 km away, beyond the rules' 50 km.
wire::RosterSnapshot fixture() {
  wire::RosterSnapshot snapshot;
  snapshot.version = 7;
  snapshot.rules = {5, 2, 50.0};
  snapshot.officers = {{"87050001", "Bripka Andi", "+6281200000001", {-7.05, 108.95}, true, 0},
                       {"87050002", "Brigpol Sari", "+6281200000002", {-7.05, 109.05}, true, 0},
                       {"87050003", "Briptu Joko", "+6281200000003", {-7.02, 108.99}, true, 0},
                       {"87050004", "Bripda Jauh", "+6281200000004", {-7.95, 109.0}, true, 0}};
  snapshot.villages = {{"33.29.01.2001", "Banjaran", "Salem", "Kabupaten Brebes", "Jawa Tengah", {-7.05, 108.95}, 0},
                       {"33.29.01.2002", "Bentarsari", "Salem", "Kabupaten Brebes", "Jawa Tengah", {-7.05, 109.05}, 1},
                       {"33.29.01.2003", "Citimbang", "Salem", "Kabupaten Brebes", "Jawa Tengah", {-7.05, 109.15}, -1}};
  return snapshot;
}

constexpr geo::LatLon kInBanjaran{-7.05, 108.96};

std::vector<PostId> idsOf(const std::vector<Neighbor>& neighbors) {
  std::vector<PostId> ids;
  for (const Neighbor& neighbor : neighbors) ids.push_back(neighbor.id);
  return ids;
}

TEST(RosterMatching, TheResponsibleOfficerWhenAvailableWithTheNearestOthersAsAlternatives) {
  const RosterMatching matching(fixture());
  const MyOfficerAnswer answer = matching.myOfficer(kInBanjaran, std::nullopt);
  EXPECT_EQ(answer.villageCode, "33.29.01.2001");
  EXPECT_EQ(answer.villageSource, VillageSource::NearestVillagePoint);
  EXPECT_EQ(answer.status, ResponsibleStatus::Available);
  EXPECT_EQ(answer.responsibleOfficer, 0u);
  EXPECT_EQ(answer.assignee(), 0u);
  EXPECT_EQ(idsOf(answer.nearestOnDuty), (std::vector<PostId>{2, 1})) << "rules: two, without the responsible one";
}

TEST(RosterMatching, AnOffDutyResponsibleOfficerGivesWayToTheNearestOnDuty) {
  wire::RosterSnapshot snapshot = fixture();
  snapshot.officers[0].onDuty = false;
  const MyOfficerAnswer answer = RosterMatching(snapshot).myOfficer(kInBanjaran, std::nullopt);
  EXPECT_EQ(answer.status, ResponsibleStatus::OffDuty);
  EXPECT_EQ(answer.responsibleOfficer, 0u);
  EXPECT_EQ(answer.assignee(), 2u);
  EXPECT_EQ(answer.assignmentReason(), "nearest_because_off_duty");
}

TEST(RosterMatching, TheSnapshotsLoadCapSkipsOfficersAtIt) {
  wire::RosterSnapshot snapshot = fixture();
  snapshot.officers[0].openReports = 5;  // the rules' cap
  snapshot.officers[2].openReports = 5;
  const RosterMatching matching(snapshot);
  const MyOfficerAnswer answer = matching.myOfficer(kInBanjaran, std::nullopt);
  EXPECT_EQ(answer.status, ResponsibleStatus::AtLoadCap);
  EXPECT_EQ(idsOf(answer.nearestOnDuty), (std::vector<PostId>{1})) << "officer 2 is full too; officer 3 is too far";
  EXPECT_EQ(answer.assignee(), 1u);

  snapshot.officers[0].openReports = 4;
  EXPECT_EQ(RosterMatching(snapshot).myOfficer(kInBanjaran, std::nullopt).status, ResponsibleStatus::Available);
}

TEST(RosterMatching, AVillageWithoutAnOfficerFallsBackToTheNearest) {
  const RosterMatching matching(fixture());
  const MyOfficerAnswer answer = matching.myOfficer({-7.05, 109.14}, std::nullopt);
  EXPECT_EQ(answer.villageCode, "33.29.01.2003");
  EXPECT_EQ(answer.status, ResponsibleStatus::NoneAssigned);
  EXPECT_FALSE(answer.responsibleOfficer);
  EXPECT_EQ(answer.assignee(), 1u);
  EXPECT_EQ(answer.assignmentReason(), "nearest_because_none_assigned");
}

TEST(RosterMatching, AVillagePickedByTheCitizenWinsOverThePosition) {
  const RosterMatching matching(fixture());
  const MyOfficerAnswer picked = matching.myOfficer(kInBanjaran, std::string("33.29.01.2002"));
  EXPECT_EQ(picked.villageSource, VillageSource::GivenCode);
  EXPECT_EQ(picked.responsibleOfficer, 1u);
  const MyOfficerAnswer unknown = matching.myOfficer(kInBanjaran, std::string("33.29.01.2999"));
  EXPECT_EQ(unknown.villageCode, "33.29.01.2001") << "an unknown code is ignored, the position decides";
}

TEST(RosterMatching, NearestOnDutyFollowsTheRules) {
  wire::RosterSnapshot snapshot = fixture();
  snapshot.officers[1].onDuty = false;
  const RosterMatching matching(snapshot);
  const std::vector<Neighbor> nearest = matching.nearestOnDuty(kInBanjaran, 10);
  EXPECT_EQ(idsOf(nearest), (std::vector<PostId>{0, 2})) << "off duty and beyond 50 km are left out";
  EXPECT_NEAR(nearest[0].distanceKm, geo::haversineKm(kInBanjaran, snapshot.officers[0].position), 1e-12);
  EXPECT_TRUE(matching.nearestOnDuty(kInBanjaran, 0).empty());
}

TEST(RosterMatching, AParsedSnapshotMatchesLikeTheOneItWasEncodedFrom) {
  const wire::RosterSnapshot snapshot = fixture();
  const auto parsed = wire::parseRosterJson(wire::encodeRosterJson(snapshot));
  ASSERT_TRUE(std::holds_alternative<wire::RosterSnapshot>(parsed));
  const RosterMatching direct(snapshot);
  const RosterMatching decoded(std::get<wire::RosterSnapshot>(parsed));
  for (const geo::LatLon& at : {kInBanjaran, geo::LatLon{-7.0, 109.1}, geo::LatLon{-7.3, 109.0}}) {
    const MyOfficerAnswer a = direct.myOfficer(at, std::nullopt);
    const MyOfficerAnswer b = decoded.myOfficer(at, std::nullopt);
    EXPECT_EQ(a.villageCode, b.villageCode);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.nearestOnDuty, b.nearestOnDuty);
  }
}

TEST(RosterMatching, TheSnapshotsVillagesFeedTheVillageSearch) {
  const wire::RosterSnapshot snapshot = fixture();
  search::VillageIndex index;
  index.build(villageRecords(snapshot));
  std::vector<search::SearchHit> hits;
  index.search("desa bentar", {}, hits);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(snapshot.villages.at(hits.front().village).code, "33.29.01.2002");
  EXPECT_EQ(index.label(hits.front().village), "Bentarsari, Salem, Kabupaten Brebes");
}

TEST(RosterMatching, ASnapshotTheParserWouldRefuseIsAProgrammingErrorNamingTheOfficer) {
  wire::RosterSnapshot snapshot = fixture();
  snapshot.officers[3].position = {95.0, 109.0};
  try {
    RosterMatching matching(snapshot);
    FAIL() << "built from an invalid position";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("87050004"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace bhabin::match
