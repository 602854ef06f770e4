#include "core/report/validation_error.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace bhabin::report {
namespace {

TEST(ValidationErrors, EveryCodeHasAStableUniqueNameAndBothLanguages) {
  std::set<std::string_view> names;
  std::set<std::string_view> indonesian;
  for (ErrorCode code : kAllErrorCodes) {
    const std::string_view name = errorCodeName(code);
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_EQ(errorCodeFromName(name), code) << name;
    EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_"), std::string_view::npos) << name;
    const auto id = errorMessage(code, i18n::Language::Indonesian);
    const auto en = errorMessage(code, i18n::Language::English);
    EXPECT_FALSE(id.empty()) << name;
    EXPECT_FALSE(en.empty()) << name;
    EXPECT_NE(id, en) << name;  // an untranslated message would be identical
    EXPECT_TRUE(indonesian.insert(id).second) << name << " shares its message";
  }
  EXPECT_EQ(names.size(), static_cast<std::size_t>(ErrorCode::PhotoUnsupportedType) + 1);  // the list is complete
}

TEST(ValidationErrors, MessagesReadAsExpected) {
  const ValidationError error{"reporterPhone", ErrorCode::PhoneNotIndonesian};
  EXPECT_EQ(error.message(i18n::Language::Indonesian), "Gunakan nomor Indonesia (+62).");
  EXPECT_EQ(error.message(i18n::Language::English), "Use an Indonesian number (+62).");
  EXPECT_EQ(errorCodeName(ErrorCode::TooLong), "too_long");
  EXPECT_FALSE(errorCodeFromName("nope").has_value());
}

}  // namespace
}  // namespace bhabin::report
