// The language files in assets/i18n against each other and against the keys the UI code asks for.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/i18n/catalog.h"

namespace bhabin::i18n {
namespace {

const std::filesystem::path kSourceDir = BHABIN_SOURCE_DIR;

std::string readFile(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

Catalog loadCatalog(const char* code) {
  auto parsed = parseCatalog(readFile(kSourceDir / "assets/i18n" / (std::string(code) + ".json")));
  if (auto* error = std::get_if<wire::ParseError>(&parsed)) {
    ADD_FAILURE() << code << ".json: " << error->message;
    return {};
  }
  return std::get<Catalog>(std::move(parsed));
}

// Every key UI code looks up with text("...") in src/ui and src/app.
std::set<std::string> keysUsedInCode() {
  std::set<std::string> keys;
  const std::regex lookup(R"re(text\("([a-z_]+\.[a-z_.]+)"\))re");
  for (const char* folder : {"src/ui", "src/app"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kSourceDir / folder)) {
      if (entry.path().extension() != ".cpp") continue;
      const std::string code = readFile(entry.path());
      for (std::sregex_iterator it(code.begin(), code.end(), lookup), end; it != end; ++it) keys.insert((*it)[1]);
    }
  }
  return keys;
}

TEST(CatalogFiles, EnglishHasEveryIndonesianKeyAndNoOthers) {
  const Catalog indonesian = loadCatalog("id");
  const Catalog english = loadCatalog("en");
  ASSERT_FALSE(indonesian.texts().empty());
  for (const auto& [key, text] : indonesian.texts()) EXPECT_TRUE(english.has(key)) << "en.json lacks " << key;
  for (const auto& [key, text] : english.texts()) EXPECT_TRUE(indonesian.has(key)) << "id.json lacks " << key;
}

TEST(CatalogFiles, NoTextIsEmpty) {
  for (const char* code : {"id", "en"}) {
    const Catalog catalog = loadCatalog(code);
    for (const auto& [key, text] : catalog.texts()) EXPECT_FALSE(text.empty()) << code << ": " << key;
  }
}

TEST(CatalogFiles, EveryKeyTheCodeUsesExists) {
  const Catalog indonesian = loadCatalog("id");
  const std::set<std::string> used = keysUsedInCode();
  ASSERT_FALSE(used.empty()) << "found no text(\"...\") lookups: has the UI code moved?";
  for (const std::string& key : used) EXPECT_TRUE(indonesian.has(key)) << "id.json lacks " << key;
}

}  // namespace
}  // namespace bhabin::i18n
