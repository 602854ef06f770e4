#include "core/wire/json_limits.h"

#include <gtest/gtest.h>

#include <string>

namespace bhabin::wire {
namespace {

std::string problem(std::string_view json, const JsonLimits& limits = {}) {
  auto error = checkJsonLimits(json, limits);
  return error ? error->message : "ok";
}

TEST(JsonLimits, AcceptsOrdinaryObjects) {
  EXPECT_EQ(problem(R"({"a": [1, 2.5, -3e2, true, null, {"b": "c"}]})"), "ok");
  EXPECT_EQ(problem("{}"), "ok");
}

TEST(JsonLimits, RefusesNonObjectsAndBrokenJson) {
  EXPECT_EQ(problem("[1]"), "top level is not an object");
  EXPECT_EQ(problem("\"text\""), "top level is not an object");
  EXPECT_NE(problem(R"({"a": 1)").find("at byte"), std::string::npos);
  EXPECT_NE(problem(R"({"a": 1} x)").find("at byte"), std::string::npos);
  EXPECT_NE(problem("").find("at byte 0"), std::string::npos);
}

TEST(JsonLimits, RefusesNaNInfinityAndNumbersBeyondDouble) {
  EXPECT_NE(problem(R"({"a": NaN})"), "ok");
  EXPECT_NE(problem(R"({"a": Infinity})"), "ok");
  EXPECT_NE(problem(R"({"a": -Infinity})"), "ok");
  EXPECT_NE(problem(R"({"a": 1e400})").find("too big"), std::string::npos);
  EXPECT_NE(problem(R"({"a": -1e400})").find("too big"), std::string::npos);
  EXPECT_EQ(problem(R"({"a": 123456789012345678901234567890})"), "ok");  // a finite double; typed reads refuse it
  EXPECT_EQ(problem("{\"a\": 1" + std::string(40, '0') + "}"), "a number is longer than 40 characters");
}

TEST(JsonLimits, RefusesEscapedHalvesOfSurrogatePairs) {
  EXPECT_EQ(problem(R"({"a": "\uDDDD"})"), "a string escapes half of a UTF-16 surrogate pair");
  EXPECT_EQ(problem(R"({"a": "x\uDC00y"})"), "a string escapes half of a UTF-16 surrogate pair");
  EXPECT_EQ(problem(R"({"a": "\uD83D\uDE00 \u00e9"})"), "ok");  // a whole pair (an emoji) and an accent
}

TEST(JsonLimits, RefusesZerosWithAnExponentThatRapidjsonMisconverts) {
  EXPECT_EQ(problem(R"({"a": 0e45})"), "a zero with an exponent (0e45)");
  EXPECT_EQ(problem(R"({"a": -0.000E-46})"), "a zero with an exponent (-0.000E-46)");
  EXPECT_EQ(problem(R"({"a": [0, 0.0, -0.0, 1e5, 0.5e-3, 0.000000000000000]})"), "ok");
  // Found by fuzzing: many zero digits push rapidjson onto the same faulty path without any exponent.
  EXPECT_EQ(problem(R"({"a": 0.00000000000000000000000})"), "a zero with more than 16 digits (0.00000000000000000000000)");
  EXPECT_EQ(problem(R"({"a": 0.0000000000000000000000001})"), "ok");
}

TEST(JsonLimits, BoundsNestingWithoutRecursing) {
  JsonLimits limits;
  limits.maxDepth = 3;
  EXPECT_EQ(problem(R"({"a": {"b": [1]}})", limits), "ok");
  EXPECT_EQ(problem(R"({"a": {"b": [[1]]}})", limits), "nesting deeper than 3 levels");
  const std::string deep = "{\"a\": " + std::string(200000, '[') + std::string(200000, ']') + "}";
  EXPECT_EQ(problem(deep, JsonLimits{1 << 20, 16, 1024}), "nesting deeper than 16 levels");
}

TEST(JsonLimits, BoundsSizeAndStrings) {
  JsonLimits limits;
  limits.maxStringBytes = 4;
  EXPECT_EQ(problem(R"({"abcd": "wxyz"})", limits), "ok");
  EXPECT_EQ(problem(R"({"abcde": "x"})", limits), "a string is longer than 4 bytes");
  EXPECT_EQ(problem(R"({"a": "vwxyz"})", limits), "a string is longer than 4 bytes");
  const std::string tenMegabytes = "{\"a\": \"" + std::string(10 << 20, 'x') + "\"}";
  EXPECT_EQ(problem(tenMegabytes), "document larger than 1048576 bytes");
}

TEST(JsonLimits, RefusesEscapedNulBecauseCerealWouldTruncateAtIt) {
  EXPECT_EQ(problem(R"({"a": "x\u0000y"})"), "a string contains a NUL character (\\u0000)");
  EXPECT_EQ(problem(R"({"a\u0000": "x"})"), "a string contains a NUL character (\\u0000)");
}

TEST(JsonLimits, RefusesInvalidUtf8) {
  EXPECT_NE(problem("{\"a\": \"\xC0\xAF\"}"), "ok");
  EXPECT_NE(problem("{\"a\": \"\xED\xA0\x80\"}"), "ok");
}

}  // namespace
}  // namespace bhabin::wire
