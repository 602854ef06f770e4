#include "core/report/category.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace bhabin::report {
namespace {

TEST(Category, CodesAreUniqueAndRoundTrip) {
  std::set<std::string_view> codes;
  for (Category category : kAllCategories) {
    EXPECT_TRUE(codes.insert(categoryCode(category)).second) << categoryCode(category);
    EXPECT_EQ(categoryFromCode(categoryCode(category)), category);
  }
  EXPECT_EQ(codes.size(), 9u);
  EXPECT_FALSE(categoryFromCode("Crime").has_value());
  EXPECT_FALSE(categoryFromCode("").has_value());
}

TEST(Category, StableCodesForStoredData) {
  EXPECT_EQ(categoryCode(Category::Crime), "crime");
  EXPECT_EQ(categoryCode(Category::PublicOrder), "public_order");
  EXPECT_EQ(categoryCode(Category::TrafficAccident), "traffic_accident");
  EXPECT_EQ(categoryCode(Category::SocialConflict), "social_conflict");
  EXPECT_EQ(categoryCode(Category::Other), "other");
}

TEST(Category, EveryCategoryHasDistinctLabelsInBothLanguages) {
  for (Category category : kAllCategories) {
    const auto indonesian = categoryLabel(category, i18n::Language::Indonesian);
    const auto english = categoryLabel(category, i18n::Language::English);
    EXPECT_FALSE(indonesian.empty());
    EXPECT_FALSE(english.empty());
    EXPECT_NE(indonesian, english) << categoryCode(category);
  }
  EXPECT_EQ(categoryLabel(Category::Drugs, i18n::Language::Indonesian), "Narkoba");
  EXPECT_EQ(categoryLabel(Category::TrafficAccident, i18n::Language::English), "Traffic accident");
}

}  // namespace
}  // namespace bhabin::report
