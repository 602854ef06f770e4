#include "core/text/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace bhabin::text {
namespace {

TEST(Utf8, AcceptsWellFormedTextOfEveryLength) {
  EXPECT_TRUE(isValidUtf8(""));
  EXPECT_TRUE(isValidUtf8("Desa Kaliwlingi"));
  EXPECT_TRUE(isValidUtf8("\xC3\xA9"));          // é, 2 bytes
  EXPECT_TRUE(isValidUtf8("\xE2\x9C\x93"));      // ✓, 3 bytes
  EXPECT_TRUE(isValidUtf8("\xF0\x9F\x9A\x93"));  // 🚓, 4 bytes
  EXPECT_TRUE(isValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  EXPECT_TRUE(isValidUtf8(std::string("a\0b", 3)));
}

TEST(Utf8, RejectsOverlongForms) {
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));          // '/' in 2 bytes
  EXPECT_FALSE(isValidUtf8("\xC1\xBF"));
  EXPECT_FALSE(isValidUtf8("\xE0\x80\xAF"));      // '/' in 3 bytes
  EXPECT_FALSE(isValidUtf8("\xF0\x80\x80\xAF"));  // '/' in 4 bytes
}

TEST(Utf8, RejectsSurrogatesAndCodePointsBeyondUnicode) {
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(isValidUtf8("\xED\xBF\xBF"));      // U+DFFF
  EXPECT_TRUE(isValidUtf8("\xED\x9F\xBF"));       // U+D7FF, just below
  EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(isValidUtf8("\xF8\x88\x80\x80\x80"));
  EXPECT_FALSE(isValidUtf8("\xFF"));
}

TEST(Utf8, RejectsTruncatedAndStraySequences) {
  EXPECT_FALSE(isValidUtf8("\xE2\x9C"));      // ✓ cut short
  EXPECT_FALSE(isValidUtf8("abc\xF0\x9F\x9A"));
  EXPECT_FALSE(isValidUtf8("\x80"));          // continuation without a lead
  EXPECT_FALSE(isValidUtf8("\xC3" "a"));      // lead followed by ASCII
}

TEST(Utf8, CountsCodePointsNotBytes) {
  EXPECT_EQ(countCodePoints(""), 0u);
  EXPECT_EQ(countCodePoints("abc"), 3u);
  EXPECT_EQ(countCodePoints("caf\xC3\xA9"), 4u);
  EXPECT_EQ(countCodePoints("\xF0\x9F\x9A\x93\xE2\x9C\x93"), 2u);
  EXPECT_FALSE(countCodePoints("\xC0\xAF").has_value());
}

TEST(Utf8, TrimsAsciiWhitespaceAndNoBreakSpace) {
  EXPECT_EQ(trimWhitespace("  \t\r\n teks \n "), "teks");
  EXPECT_EQ(trimWhitespace("\xC2\xA0 teks\xC2\xA0"), "teks");
  EXPECT_EQ(trimWhitespace("a b"), "a b");
  EXPECT_EQ(trimWhitespace(" \xC2\xA0 "), "");
  EXPECT_EQ(trimWhitespace(""), "");
}

TEST(Utf8, CleanTextStripsControlsAndBidiOverrides) {
  EXPECT_EQ(cleanText(std::string("a\0b\x07" "c\x7F" "d", 7), Lines::Single), "abcd");
  EXPECT_EQ(cleanText("x\xC2\x85y", Lines::Single), "xy");               // C1 control U+0085
  EXPECT_EQ(cleanText("abc\xE2\x80\xAE" "fed", Lines::Single), "abcfed");  // U+202E right-to-left override
  EXPECT_EQ(cleanText("a\xE2\x81\xA6" "b", Lines::Single), "ab");         // U+2066
  EXPECT_EQ(cleanText("caf\xC3\xA9 \xE2\x9C\x93", Lines::Single), "caf\xC3\xA9 \xE2\x9C\x93");
}

TEST(Utf8, CleanTextNormalisesLineBreaksPerFieldKind) {
  EXPECT_EQ(cleanText("  baris 1\r\nbaris 2\rbaris\t3\n ", Lines::Multi), "baris 1\nbaris 2\nbaris\t3");
  EXPECT_EQ(cleanText("judul\r\nlanjut\tlagi", Lines::Single), "judul lanjut lagi");
}

TEST(Utf8, CleanTextRefusesInvalidUtf8) {
  EXPECT_FALSE(cleanText("ok\xED\xA0\x80", Lines::Multi).has_value());
  EXPECT_FALSE(cleanText("\xC0\xAF", Lines::Single).has_value());
}

}  // namespace
}  // namespace bhabin::text
