#include "core/match/my_officer.h"

#include <gtest/gtest.h>

namespace bhabin::match {
namespace {

geo::Ring square(double lat0, double lon0, double lat1, double lon1) {
  return {{lat0, lon0}, {lat0, lon1}, {lat1, lon1}, {lat1, lon0}};
}

// Two villages side by side: A (west, officer 1) and B (east, officer 2); officer 3 patrols nearby.
struct Fixture {
  std::vector<VillagePoint> villages = {{"33.29.01.2001", {-7.05, 108.95}}, {"33.29.01.2002", {-7.05, 109.05}}};
  std::map<std::string, PostId> responsible = {{"33.29.01.2001", 1}, {"33.29.01.2002", 2}};
  std::vector<geo::Boundary> boundaries = {
      {"33.29.01.2001", geo::MultiPolygon({geo::Polygon{square(-7.1, 108.9, -7.0, 109.0), {}}})},
      {"33.29.01.2002", geo::MultiPolygon({geo::Polygon{square(-7.1, 109.0, -7.0, 109.1), {}}})}};
  std::vector<Post> officers = {{1, {-7.05, 108.95}, true, 0}, {2, {-7.05, 109.05}, true, 0}, {3, {-7.02, 108.99}, true, 0}};

  PostIndex index() const { return std::get<PostIndex>(PostIndex::build(officers)); }
};

TEST(MyOfficer, TheResponsibleOfficerOfTheVillageByBoundaryWithAlternatives) {
  Fixture f;
  const VillageDirectory directory(f.villages, f.responsible, f.boundaries);
  const MyOfficerAnswer answer = findMyOfficer({{-7.05, 108.999}, std::nullopt, 2}, f.index(), directory);
  EXPECT_EQ(answer.villageCode, "33.29.01.2001");
  EXPECT_EQ(answer.villageSource, VillageSource::Boundary);
  EXPECT_EQ(answer.responsibleOfficer, 1u);
  EXPECT_EQ(answer.status, ResponsibleStatus::Available);
  EXPECT_EQ(answer.assignee(), 1u);
  ASSERT_EQ(answer.nearestOnDuty.size(), 2u);  // the responsible officer is not repeated
  EXPECT_EQ(answer.nearestOnDuty[0].id, 3u);  // 3.5 km north-west
  EXPECT_EQ(answer.nearestOnDuty[1].id, 2u);  // 5.6 km east
}

TEST(MyOfficer, FallsBackToTheNearestOnDutyWhenTheResponsibleIsOffDutyOrFull) {
  Fixture f;
  f.officers[0].onDuty = false;
  const VillageDirectory directory(f.villages, f.responsible, f.boundaries);
  MyOfficerAnswer answer = findMyOfficer({{-7.05, 108.96}}, f.index(), directory);
  EXPECT_EQ(answer.status, ResponsibleStatus::OffDuty);
  EXPECT_EQ(answer.responsibleOfficer, 1u);
  ASSERT_FALSE(answer.nearestOnDuty.empty());
  EXPECT_EQ(answer.assignee(), answer.nearestOnDuty.front().id);
  EXPECT_NE(answer.assignee(), 1u);

  f.officers[0].onDuty = true;
  f.officers[0].openReports = 5;
  MyOfficerQuery capped{{-7.05, 108.96}};
  capped.openReportsCap = 5;
  answer = findMyOfficer(capped, f.index(), directory);
  EXPECT_EQ(answer.status, ResponsibleStatus::AtLoadCap);
  EXPECT_NE(answer.assignee(), 1u);
}

TEST(MyOfficer, AGivenVillageCodeWinsOverThePosition) {
  Fixture f;
  const VillageDirectory directory(f.villages, f.responsible, f.boundaries);
  MyOfficerQuery query{{-7.05, 108.95}};
  query.villageCode = "33.29.01.2002";
  const MyOfficerAnswer answer = findMyOfficer(query, f.index(), directory);
  EXPECT_EQ(answer.villageSource, VillageSource::GivenCode);
  EXPECT_EQ(answer.responsibleOfficer, 2u);
  query.villageCode = "99.99.99.9999";  // unknown codes are ignored, not trusted
  EXPECT_EQ(findMyOfficer(query, f.index(), directory).villageSource, VillageSource::Boundary);
}

TEST(MyOfficer, WithoutBoundariesTheNearestVillagePointDecides) {
  Fixture f;
  const VillageDirectory directory(f.villages, f.responsible);
  const MyOfficerAnswer answer = findMyOfficer({{-7.0, 109.04}}, f.index(), directory);
  EXPECT_EQ(answer.villageSource, VillageSource::NearestVillagePoint);
  EXPECT_EQ(answer.villageCode, "33.29.01.2002");
  EXPECT_EQ(answer.responsibleOfficer, 2u);
}

TEST(MyOfficer, OutsideEveryBoundaryTheVillageIsUnknownButOfficersAreListed) {
  Fixture f;
  const VillageDirectory directory(f.villages, f.responsible, f.boundaries);
  const MyOfficerAnswer answer = findMyOfficer({{-7.3, 109.0}}, f.index(), directory);
  EXPECT_EQ(answer.villageSource, VillageSource::Unknown);
  EXPECT_EQ(answer.status, ResponsibleStatus::UnknownVillage);
  EXPECT_FALSE(answer.responsibleOfficer.has_value());
  EXPECT_EQ(answer.nearestOnDuty.size(), 3u);
  EXPECT_EQ(answer.assignee(), answer.nearestOnDuty.front().id);
}

TEST(MyOfficer, AVillageWithoutAnOfficer) {
  Fixture f;
  f.responsible.erase("33.29.01.2002");
  const VillageDirectory directory(f.villages, f.responsible, f.boundaries);
  const MyOfficerAnswer answer = findMyOfficer({{-7.05, 109.05}}, f.index(), directory);
  EXPECT_EQ(answer.villageCode, "33.29.01.2002");
  EXPECT_EQ(answer.status, ResponsibleStatus::NoneAssigned);
  EXPECT_EQ(answer.assignee(), 2u);  // officer 2 is still the nearest on duty
}

}  // namespace
}  // namespace bhabin::match
