#include "core/domain/region_code.h"

#include <gtest/gtest.h>

#include "core/domain/officer.h"
#include "core/domain/sambang_visit.h"

namespace bhabin::domain {
namespace {

TEST(RegionCode, RecognisesEachLevel) {
  EXPECT_EQ(regionLevel("33"), RegionLevel::Province);
  EXPECT_EQ(regionLevel("33.29"), RegionLevel::Regency);
  EXPECT_EQ(regionLevel("33.29.01"), RegionLevel::District);
  EXPECT_EQ(regionLevel("33.29.01.2001"), RegionLevel::Village);
  EXPECT_TRUE(isVillageCode("33.29.01.2001"));
  EXPECT_FALSE(isVillageCode("33.29.01"));
}

TEST(RegionCode, RejectsMalformedCodes) {
  for (const char* bad : {"", "3", "333", "33.", "33.2", "33.29.1.2001", "33.29.01.201", "33.29.01.20011",
                          "33.29.01.2001.1", "3a.29", "33-29-01-2001", "33..01"}) {
    EXPECT_FALSE(regionLevel(bad).has_value()) << bad;
  }
}

TEST(RegionCode, RegencyOfLowerLevels) {
  EXPECT_EQ(regencyOf("33.29.01.2001"), "33.29");
  EXPECT_EQ(regencyOf("31.71"), "31.71");
  EXPECT_FALSE(regencyOf("33").has_value());
  EXPECT_FALSE(regencyOf("x").has_value());
}

TEST(Officer, NrpIsEightDigits) {
  EXPECT_TRUE(isValidNrp("85010001"));
  EXPECT_FALSE(isValidNrp("8501000"));
  EXPECT_FALSE(isValidNrp("850100011"));
  EXPECT_FALSE(isValidNrp("8501000a"));
  EXPECT_FALSE(isValidNrp(""));
}

TEST(SambangVisit, TopicCodesRoundTrip) {
  for (VisitTopic topic : kAllVisitTopics) EXPECT_EQ(topicFromCode(topicCode(topic)), topic);
  EXPECT_EQ(topicCode(VisitTopic::Ketertiban), "ketertiban");
  EXPECT_FALSE(topicFromCode("Keamanan").has_value());
}

}  // namespace
}  // namespace bhabin::domain
