#include "core/wire/flat_json.h"

#include <gtest/gtest.h>

#include <string>

namespace bhabin::wire {
namespace {

std::string errorOf(std::string_view json) {
  auto parsed = parseFlatStringObject(json);
  const auto* error = std::get_if<ParseError>(&parsed);
  return error ? error->message : std::string("(parsed)");
}

TEST(FlatJson, ReadsStringMembersIncludingEscapesAndNonAscii) {
  auto parsed = parseFlatStringObject(R"({"a": "satu", "b": "dua \"kutip\"", "c": "\u00e9 – ✓"})");
  ASSERT_TRUE(std::holds_alternative<StringMap>(parsed));
  const auto& map = std::get<StringMap>(parsed);
  ASSERT_EQ(map.size(), 3u);
  EXPECT_EQ(map.at("a"), "satu");
  EXPECT_EQ(map.at("b"), "dua \"kutip\"");
  EXPECT_EQ(map.at("c"), "\xC3\xA9 \xE2\x80\x93 \xE2\x9C\x93");
}

TEST(FlatJson, EmptyObjectIsEmptyMap) {
  auto parsed = parseFlatStringObject("{}");
  ASSERT_TRUE(std::holds_alternative<StringMap>(parsed));
  EXPECT_TRUE(std::get<StringMap>(parsed).empty());
}

TEST(FlatJson, RejectsWhatIsNotAFlatStringObject) {
  EXPECT_EQ(errorOf(R"(["a"])"), "top level is not an object");
  EXPECT_EQ(errorOf(R"({"a": 1})"), "value of \"a\" is not a string");
  EXPECT_EQ(errorOf(R"({"a": {"b": "c"}})"), "value of \"a\" is not a string");
  EXPECT_EQ(errorOf(R"({"a": "x", "a": "y"})"), "duplicate key \"a\"");
  EXPECT_NE(errorOf(R"({"a": "x")").find("at byte"), std::string::npos);
  EXPECT_NE(errorOf("").find("at byte 0"), std::string::npos);
}

TEST(FlatJson, RejectsInvalidUtf8) {
  EXPECT_NE(errorOf("{\"a\": \"\xC0\xAF\"}").find("at byte"), std::string::npos);  // overlong '/'
  EXPECT_NE(errorOf("{\"a\": \"\xED\xA0\x80\"}").find("at byte"), std::string::npos);  // surrogate half
}

TEST(FlatJson, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = "{\"a\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(errorOf(deep), "value of \"a\" is not a string");
}

TEST(FlatJson, RefusesDocumentsOverTheSizeLimit) {
  const std::string big = "{\"a\": \"" + std::string(kMaxFlatJsonBytes, 'x') + "\"}";
  EXPECT_NE(errorOf(big).find("larger than"), std::string::npos);
}

}  // namespace
}  // namespace bhabin::wire
