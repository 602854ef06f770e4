#include "core/search/search_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bhabin::search {
namespace {

std::vector<std::string> wordsOf(std::string_view text) {
  std::vector<std::string> words{"left over"};
  searchWords(text, words);
  return words;
}

using Words = std::vector<std::string>;

TEST(SearchWords, LowerCasesAndSplitsOnPunctuation) {
  EXPECT_EQ(wordsOf("Kel. PASAR-Batang,  Brebes"), (Words{"kel", "pasar", "batang", "brebes"}));
  EXPECT_EQ(wordsOf("Desa 2 Ilir"), (Words{"desa", "2", "ilir"}));
}

TEST(SearchWords, FoldsLatinAccentsAndLigatures) {
  EXPECT_EQ(wordsOf("Cà Mau Ñandú Œuvre Straße Ærø Łódź"),
            (Words{"ca", "mau", "nandu", "oeuvre", "strasse", "aero", "lodz"}));
}

TEST(SearchWords, DropsApostrophesInsideWords) {
  EXPECT_EQ(wordsOf("Ja'an Soka\"an Ma\xE2\x80\x99" "arif"), (Words{"jaan", "sokaan", "maarif"}));
}

TEST(SearchWords, EmptyAndSeparatorOnlyTextHasNoWords) {
  EXPECT_TRUE(wordsOf("").empty());
  EXPECT_TRUE(wordsOf(" .,;- \t").empty());
}

TEST(SearchWords, OtherScriptsAndMalformedUtf8OnlySeparate) {
  EXPECT_EQ(wordsOf("abc\xFF" "def"), (Words{"abc", "def"}));
  EXPECT_EQ(wordsOf("abc\xE2\x82"), (Words{"abc"}));  // truncated sequence at the end
  EXPECT_EQ(wordsOf("\xC3"), Words{});
  EXPECT_EQ(wordsOf("\xE6\x9D\xB1\xE4\xBA\xAC tokyo"), (Words{"tokyo"}));
  EXPECT_EQ(wordsOf(std::string("a\0b", 3)), (Words{"a", "b"}));
}

}  // namespace
}  // namespace bhabin::search
