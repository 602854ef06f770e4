#include "core/i18n/catalog.h"

#include <gtest/gtest.h>

#include <cstring>

namespace bhabin::i18n {
namespace {

TEST(Catalog, LooksTextsUpByKey) {
  auto parsed = parseCatalog(R"({"app.title": "e-Bhabinkamtibmas", "welcome.intro": "Selamat datang"})");
  ASSERT_TRUE(std::holds_alternative<Catalog>(parsed));
  const Catalog& catalog = std::get<Catalog>(parsed);
  EXPECT_STREQ(catalog.text("welcome.intro"), "Selamat datang");
  EXPECT_TRUE(catalog.has("app.title"));
  EXPECT_FALSE(catalog.has("app.missing"));
}

TEST(Catalog, MissingKeysShowThemselvesAndStayValid) {
  const Catalog catalog;
  const char* first = catalog.text("panel.first");
  const char* second = catalog.text("panel.second");
  EXPECT_STREQ(first, "panel.first");  // still valid after a second missing key was asked for
  EXPECT_STREQ(second, "panel.second");
  EXPECT_EQ(catalog.text("panel.first"), first);
}

TEST(Catalog, ParseErrorsAreReported) {
  auto parsed = parseCatalog(R"({"a": 3})");
  ASSERT_TRUE(std::holds_alternative<wire::ParseError>(parsed));
  EXPECT_EQ(std::get<wire::ParseError>(parsed).message, "value of \"a\" is not a string");
}

TEST(Catalog, LanguageCodesNameTheFiles) {
  EXPECT_EQ(languageCode(Language::Indonesian), "id");
  EXPECT_EQ(languageCode(Language::English), "en");
}

}  // namespace
}  // namespace bhabin::i18n
