#include "core/report/phone.h"

#include <gtest/gtest.h>

namespace bhabin::report {
namespace {

std::string e164(std::string_view text) {
  auto result = normalizeIndonesianPhone(text);
  if (auto* code = std::get_if<ErrorCode>(&result)) return "error:" + std::string(errorCodeName(*code));
  return std::get<std::string>(result);
}

TEST(Phone, MobileNumbersInEveryCommonSpelling) {
  for (const char* spelling : {"0812-3456-7890", "081234567890", "+62 812 3456 7890", "+6281234567890",
                               "62812-3456-7890", "6281234567890", "0062 812 3456 7890", "+62 (0)812 3456 7890",
                               "812 3456 7890", "0812.3456.7890", " 0812 3456 7890 ", "(0812) 3456-7890"}) {
    EXPECT_EQ(e164(spelling), "+6281234567890") << spelling;
  }
}

TEST(Phone, MobileLengthsFromOldestToLongest) {
  EXPECT_EQ(e164("0811-234-567"), "+62811234567");       // 9-digit national number
  EXPECT_EQ(e164("0812-3456-78901"), "+62812345678901");  // 12 digits
  EXPECT_EQ(e164("0811-234-56"), "error:phone_too_short");
  EXPECT_EQ(e164("0812-3456-789012"), "error:phone_too_long");
}

TEST(Phone, LandlinesWithAreaCode) {
  EXPECT_EQ(e164("(021) 555-1234"), "+62215551234");
  EXPECT_EQ(e164("021 5551 2345"), "+622155512345");
  EXPECT_EQ(e164("(0283) 671234"), "+62283671234");
  EXPECT_EQ(e164("+62 283 671234"), "+62283671234");
  EXPECT_EQ(e164("(021) 555"), "error:phone_too_short");
  EXPECT_EQ(e164("0283 1234 567890"), "error:phone_too_long");
}

TEST(Phone, RejectionsSayWhy) {
  EXPECT_EQ(e164(""), "error:required");
  EXPECT_EQ(e164("   "), "error:required");
  EXPECT_EQ(e164("0812-ABCD-7890"), "error:phone_invalid_characters");
  EXPECT_EQ(e164("0812 3456 7890 ext 2"), "error:phone_invalid_characters");
  EXPECT_EQ(e164("0812+3456"), "error:phone_invalid_characters");  // + only at the start
  EXPECT_EQ(e164("+1 202 555 0100"), "error:phone_not_indonesian");
  EXPECT_EQ(e164("0065 6123 4567"), "error:phone_not_indonesian");
  EXPECT_EQ(e164("112"), "error:phone_bad_prefix");                // emergency short code
  EXPECT_EQ(e164("0112345678"), "error:phone_bad_prefix");
  EXPECT_EQ(e164("0800 1234 5678"), "error:phone_bad_prefix");     // 80x is not a mobile range
  EXPECT_EQ(e164("0862 1234 5678"), "error:phone_bad_prefix");
  EXPECT_EQ(e164("21 5551234"), "error:phone_bad_prefix");         // landline without its trunk 0
  EXPECT_EQ(e164("+62"), "error:phone_too_short");
  EXPECT_EQ(e164("--"), "error:phone_too_short");
}

}  // namespace
}  // namespace bhabin::report
