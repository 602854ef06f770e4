#include "core/tracking/tracking_code.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>

namespace bhabin::tracking {
namespace {

RandomBytes bytes(std::uint8_t seed) {
  RandomBytes random{};
  for (std::size_t i = 0; i < random.size(); ++i) random[i] = static_cast<std::uint8_t>(seed * 73 + i * 29 + 11);
  return random;
}

std::string stripped(const std::string& code) {
  std::string out;
  for (char c : code) {
    if (c != '-') out += c;
  }
  return out;
}

TEST(TrackingCode, HasRegionPrefixGroupsAndOnlyCrockfordCharacters) {
  const auto code = makeTrackingCode("33.29", bytes(1));
  ASSERT_TRUE(code);
  ASSERT_EQ(code->text.size(), 24u);  // 20 characters in 5 groups of 4
  EXPECT_EQ(code->text.substr(0, 5), "3329-");
  EXPECT_EQ(code->regencyDigits(), "3329");
  for (std::size_t i = 4; i < code->text.size(); i += 5) EXPECT_EQ(code->text[i], '-') << code->text;
  for (char c : stripped(code->text)) EXPECT_NE(kAlphabet.find(c), std::string_view::npos) << c;
}

TEST(TrackingCode, RandomBitsAreAllUsed) {
  // All-zero and all-one inputs give the extreme bodies; flipping any one of the first 75 bits changes the code.
  RandomBytes zero{};
  RandomBytes ones;
  ones.fill(0xFF);
  EXPECT_EQ(makeTrackingCode("33.29", zero)->text.substr(5, 18), "0000-0000-0000-000");
  EXPECT_EQ(makeTrackingCode("33.29", ones)->text.substr(5, 18), "ZZZZ-ZZZZ-ZZZZ-ZZZ");
  std::set<std::string> codes;
  for (std::size_t bit = 0; bit < 75; ++bit) {
    RandomBytes random{};
    random[bit / 8] = static_cast<std::uint8_t>(0x80u >> (bit % 8));
    codes.insert(makeTrackingCode("33.29", random)->text);
  }
  EXPECT_EQ(codes.size(), 75u);
}

TEST(TrackingCode, RefusesMalformedRegency) {
  EXPECT_FALSE(makeTrackingCode("3329", bytes(1)));
  EXPECT_FALSE(makeTrackingCode("33", bytes(1)));
  EXPECT_FALSE(makeTrackingCode("33.29.01", bytes(1)));
}

TEST(TrackingCode, ParsesWhatPeopleType) {
  const std::string canonical = makeTrackingCode("31.71", bytes(2))->text;
  auto lower = canonical;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string spaced;
  for (char c : stripped(canonical)) spaced += std::string(1, c) + " ";
  for (const std::string& typed : {canonical, lower, stripped(canonical), spaced, " " + canonical + " "}) {
    auto parsed = parseTrackingCode(typed);
    ASSERT_TRUE(std::holds_alternative<TrackingCode>(parsed)) << typed;
    EXPECT_EQ(std::get<TrackingCode>(parsed).text, canonical);
  }
}

TEST(TrackingCode, FoldsLookAlikes) {
  // Find a code containing 0 and 1 in its random part and type them as O, I and L.
  for (std::uint8_t seed = 0; seed < 200; ++seed) {
    const std::string canonical = makeTrackingCode("33.29", bytes(seed))->text;
    const auto zero = canonical.find('0', 5);
    const auto one = canonical.find('1', 5);
    if (zero == std::string::npos || one == std::string::npos) continue;
    std::string typed = canonical;
    typed[zero] = 'o';
    typed[one] = 'L';
    auto parsed = parseTrackingCode(typed);
    ASSERT_TRUE(std::holds_alternative<TrackingCode>(parsed)) << typed;
    EXPECT_EQ(std::get<TrackingCode>(parsed).text, canonical);
    typed[one] = 'i';
    EXPECT_TRUE(std::holds_alternative<TrackingCode>(parseTrackingCode(typed)));
    return;
  }
  FAIL() << "no sample code had both 0 and 1";
}

TEST(TrackingCode, CatchesEverySingleSubstitution) {
  for (std::uint8_t seed = 0; seed < 20; ++seed) {
    const std::string body = stripped(makeTrackingCode("33.29", bytes(seed))->text);
    for (std::size_t i = 0; i < body.size(); ++i) {
      for (char replacement : kAlphabet) {
        if (replacement == body[i] || (i < 4 && replacement > '9')) continue;
        std::string typo = body;
        typo[i] = replacement;
        auto parsed = parseTrackingCode(typo);
        ASSERT_TRUE(std::holds_alternative<TrackingCodeError>(parsed)) << body << " -> " << typo;
        EXPECT_EQ(std::get<TrackingCodeError>(parsed), TrackingCodeError::CheckMismatch);
      }
    }
  }
}

TEST(TrackingCode, CatchesEveryAdjacentTransposition) {
  for (std::uint8_t seed = 0; seed < 50; ++seed) {
    const std::string body = stripped(makeTrackingCode("33.29", bytes(seed))->text);
    for (std::size_t i = 0; i + 1 < body.size(); ++i) {
      if (body[i] == body[i + 1]) continue;
      std::string swapped = body;
      std::swap(swapped[i], swapped[i + 1]);
      EXPECT_TRUE(std::holds_alternative<TrackingCodeError>(parseTrackingCode(swapped))) << body << " " << i;
    }
  }
}

TEST(TrackingCode, ErrorsNameTheProblem) {
  const std::string code = makeTrackingCode("33.29", bytes(3))->text;
  EXPECT_EQ(std::get<TrackingCodeError>(parseTrackingCode(code.substr(0, 20))), TrackingCodeError::WrongLength);
  EXPECT_EQ(std::get<TrackingCodeError>(parseTrackingCode(code + "A")), TrackingCodeError::WrongLength);
  EXPECT_EQ(std::get<TrackingCodeError>(parseTrackingCode("")), TrackingCodeError::WrongLength);
  std::string withU = code;
  withU[5] = 'U';  // not in Crockford base32
  EXPECT_EQ(std::get<TrackingCodeError>(parseTrackingCode(withU)), TrackingCodeError::InvalidCharacter);
  std::string letterPrefix = code;
  letterPrefix[0] = 'A';
  EXPECT_EQ(std::get<TrackingCodeError>(parseTrackingCode(letterPrefix)), TrackingCodeError::InvalidCharacter);
  EXPECT_EQ(std::get<TrackingCodeError>(parseTrackingCode(code.substr(0, 23) + "_")),
            TrackingCodeError::InvalidCharacter);
  EXPECT_EQ(trackingCodeErrorName(TrackingCodeError::CheckMismatch), "check_mismatch");
}

}  // namespace
}  // namespace bhabin::tracking
