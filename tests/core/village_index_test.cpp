#include "core/search/village_index.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bhabin::search {
namespace {

// A small Indonesia: Brebes villages, same-named villages elsewhere, and names that test the ranking.
const std::vector<VillageRecord> kVillages{
    {"33.29.01.2001", "Pasarbatang", "Brebes", "KABUPATEN BREBES", "JAWA TENGAH"},      // 0
    {"33.29.01.2002", "Brebes", "Brebes", "KABUPATEN BREBES", "JAWA TENGAH"},           // 1
    {"33.29.02.2001", "Pasar Baru", "Tanjung", "KABUPATEN BREBES", "JAWA TENGAH"},      // 2
    {"31.71.01.1001", "Gambir", "Gambir", "KOTA ADM. JAKARTA PUSAT", "DKI JAKARTA"},    // 3
    {"35.13.15.2017", "Soka\"an", "Kraksaan", "KABUPATEN PROBOLINGGO", "JAWA TIMUR"},  // 4
    {"12.01.01.2001", "Pasarbatang", "Barus", "KABUPATEN TAPANULI TENGAH", "SUMATERA UTARA"},  // 5
    {"33.29.03.2001", "Batang Baru", "Bumiayu", "KABUPATEN BREBES", "JAWA TENGAH"},     // 6
    {"33.25.01.2001", "Kalibatang", "Batang", "KABUPATEN BATANG", "JAWA TENGAH"},       // 7
    {"33.29.04.2001", "Brebesan", "Brebes", "KABUPATEN BREBES", "JAWA TENGAH"},         // 8
};

class VillageSearch : public ::testing::Test {
 protected:
  void SetUp() override { index_.build(kVillages); }

  std::vector<std::uint32_t> find(std::string_view query, std::size_t maxResults = 10) const {
    SearchSettings settings;
    settings.maxResults = maxResults;
    std::vector<SearchHit> hits{{99, 99}};
    index_.search(query, settings, hits);
    std::vector<std::uint32_t> villages;
    for (std::size_t i = 0; i < hits.size(); ++i) {
      villages.push_back(hits[i].village);
      if (i > 0) {
        EXPECT_GE(hits[i - 1].score, hits[i].score);
      }
    }
    return villages;
  }

  VillageIndex index_;
};

using Ids = std::vector<std::uint32_t>;

TEST_F(VillageSearch, LabelsCarryDistrictAndRegency) {
  EXPECT_EQ(index_.size(), kVillages.size());
  EXPECT_EQ(index_.label(0), "Pasarbatang, Brebes, KABUPATEN BREBES");
  EXPECT_EQ(index_.code(3), "31.71.01.1001");
}

TEST_F(VillageSearch, ExactNameIgnoringCaseAndAccents) {
  EXPECT_EQ(find("GAMBIR"), Ids{3});
  EXPECT_EQ(find("gámbìr"), Ids{3});
  EXPECT_EQ(find("sokaan"), Ids{4});
  EXPECT_EQ(find("Soka'an"), Ids{4});
}

TEST_F(VillageSearch, ExactBeforePrefixAndWholeWordBeforeInnerWord) {
  // "Brebes" the village (exact, complete name) before "Brebesan" (prefix); villages merely in Brebes, whose
  // names do not contain the word, are not results of a one-word query.
  EXPECT_EQ(find("brebes"), (Ids{1, 8}));
  // "Batang Baru" starts with the word; "Pasarbatang" and "Kalibatang" do not contain it as a word at all.
  EXPECT_EQ(find("batang"), Ids{6});
}

TEST_F(VillageSearch, PrefixWhileTyping) {
  // Equal prefix matches: the shorter name first, then the same name in two regencies in build order.
  EXPECT_EQ(find("pasarb"), (Ids{2, 0, 5}));
  EXPECT_EQ(find("gam"), Ids{3});
}

TEST_F(VillageSearch, OneTypoOfEachKind) {
  EXPECT_EQ(find("gambr"), Ids{3});    // deletion
  EXPECT_EQ(find("gamnir"), Ids{3});   // substitution
  EXPECT_EQ(find("gambiir"), Ids{3});  // insertion
  EXPECT_EQ(find("gmabir"), Ids{3});   // adjacent transposition
  EXPECT_EQ(find("pasrabatang"), (Ids{0, 5}));
  EXPECT_TRUE(find("gxmbxr").empty());  // two edits
}

TEST_F(VillageSearch, ShortWordsForgiveNoTypo) {
  EXPECT_TRUE(find("gxm").empty());
}

TEST_F(VillageSearch, RegionWordsNarrowTheResults) {
  EXPECT_EQ(find("pasarbatang brebes"), Ids{0});
  EXPECT_EQ(find("pasarbatang tapanuli"), Ids{5});
  EXPECT_EQ(find("pasarbatang sumatera"), Ids{5});
  EXPECT_EQ(find("brebes pasarbatang"), Ids{0});
  EXPECT_TRUE(find("pasarbatang jakarta").empty());
}

TEST_F(VillageSearch, VillagePrefixWordsAreIgnored) {
  EXPECT_EQ(find("Desa Pasarbatang Brebes"), Ids{0});
  EXPECT_EQ(find("Kel. Gambir"), Ids{3});
  EXPECT_EQ(find("kelurahan gambir"), Ids{3});
  EXPECT_EQ(find("Ds Gambir"), Ids{3});
  EXPECT_TRUE(find("desa").empty());  // alone it is a word to search for, and no village has it
}

TEST_F(VillageSearch, NamesRunTogetherStillMatch) {
  EXPECT_EQ(find("pasarbaru"), Ids{2});
  // Pasarbatang in district Barus also has both words (as prefixes), but ranks below.
  EXPECT_EQ(find("pasar baru"), (Ids{2, 5}));
}

TEST_F(VillageSearch, MaxResultsCutsTheRankedList) {
  EXPECT_EQ(find("pasarb", 2), (Ids{2, 0}));
  EXPECT_TRUE(find("pasarb", 0).empty());
}

TEST_F(VillageSearch, EmptyOddAndMalformedQueriesFindNothingAndDoNotCrash) {
  EXPECT_TRUE(find("").empty());
  EXPECT_TRUE(find("   ,.;").empty());
  EXPECT_TRUE(find("\xFF\xFE\xC3").empty());
  EXPECT_TRUE(find("\xE6\x9D\xB1\xE4\xBA\xAC").empty());
  EXPECT_EQ(find("gam\xFF"), Ids{3});
  EXPECT_TRUE(find(std::string(5000, 'a')).empty());
  EXPECT_TRUE(find("a b c d e f g h i j k l").empty());
}

TEST(VillageIndex, EmptyIndexFindsNothing) {
  VillageIndex index;
  index.build({});
  std::vector<SearchHit> hits{{1, 1}};
  index.search("gambir", SearchSettings{}, hits);
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(hits.empty());
}

}  // namespace
}  // namespace bhabin::search
