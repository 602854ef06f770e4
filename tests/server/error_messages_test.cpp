// Every error code of the API speaks both languages, and the two differ (a copy would mean one is missing).
#include <gtest/gtest.h>

#include <set>

#include "server/api/api_error.h"

namespace bhabin::server::api {
namespace {

TEST(ErrorMessages, EveryCodeHasItsOwnIndonesianAndEnglishSentence) {
  std::set<std::string_view> seen;
  for (std::string_view code : knownErrorCodes()) {
    EXPECT_TRUE(seen.insert(code).second) << "listed twice: " << code;
    const std::string_view indonesian = errorMessage(code, i18n::Language::Indonesian);
    const std::string_view english = errorMessage(code, i18n::Language::English);
    EXPECT_FALSE(indonesian.empty()) << code;
    EXPECT_FALSE(english.empty()) << code;
    EXPECT_NE(indonesian, english) << code;
    EXPECT_NE(indonesian, errorMessage("no_such_code", i18n::Language::Indonesian)) << code;
  }
  EXPECT_GE(seen.size(), 20u);
}

}  // namespace
}  // namespace bhabin::server::api
