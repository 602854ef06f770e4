#include "core/wire/json_limits.h"

// cereal's JSON header first: it configures rapidjson (assertions throw), and every translation unit must see
// rapidjson configured the same way.
#include <cereal/archives/json.hpp>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "core/text/utf8.h"

#include <algorithm>
#include <string>

namespace bhabin::wire {

namespace {

namespace rj = RAPIDJSON_NAMESPACE;

// SAX handler that stops the parse at the first value breaking a limit.
class LimitChecker : public rj::BaseReaderHandler<rj::UTF8<>, LimitChecker> {
 public:
  explicit LimitChecker(const JsonLimits& limits) : limits_(limits) {}

  bool Default() { return checkRoot(false); }
  bool RawNumber(const char* text, rj::SizeType length, bool) {
    return checkRoot(false) && checkNumber({text, length});
  }
  bool String(const char* text, rj::SizeType length, bool) { return checkRoot(false) && checkString(text, length); }
  bool Key(const char* text, rj::SizeType length, bool) { return checkString(text, length); }
  bool StartObject() { return checkRoot(true) && enter(); }
  bool StartArray() { return checkRoot(false) && enter(); }
  bool EndObject(rj::SizeType) { return leave(); }
  bool EndArray(rj::SizeType) { return leave(); }

  const std::string& problem() const { return problem_; }

 private:
  bool fail(std::string problem) {
    problem_ = std::move(problem);
    return false;
  }
  bool checkRoot(bool isObject) {
    if (depth_ > 0 || isObject) return true;
    return fail("top level is not an object");
  }
  bool checkString(const char* text, rj::SizeType length) {
    if (length > limits_.maxStringBytes) {
      return fail("a string is longer than " + std::to_string(limits_.maxStringBytes) + " bytes");
    }
    // cereal reads strings as C strings and would silently cut them at an escaped NUL (\u0000).
    if (std::string_view(text, length).find('\0') != std::string_view::npos) {
      return fail("a string contains a NUL character (\\u0000)");
    }
    // The parser validates raw bytes, but an escape such as \uDC00 (half a surrogate pair) decodes to bytes
    // that are not UTF-8 (found by fuzzing); judge the decoded text.
    if (!text::isValidUtf8({text, length})) return fail("a string escapes half of a UTF-16 surrogate pair");
    return true;
  }
  // Numbers are judged from their text: rapidjson 1.1's full-precision conversion, which cereal's reader
  // uses, misbehaves (undefined shifts) on a zero significand whose decimal exponent leaves its fast path:
  // 0e45, or a zero with more than 22 digits after the point (found by fuzzing). A zero is therefore
  // accepted only without an exponent and with at most 16 digits, and any literal longer than a double ever
  // needs is refused before it gets there.
  bool checkNumber(std::string_view literal) {
    constexpr std::size_t kMaxNumberChars = 40;
    constexpr std::size_t kMaxZeroDigits = 16;
    if (literal.size() > kMaxNumberChars) return fail("a number is longer than 40 characters");
    const std::size_t exponent = literal.find_first_of("eE");
    const std::string_view significand = literal.substr(0, exponent);
    if (significand.find_first_of("123456789") != std::string_view::npos) return true;
    if (exponent != std::string_view::npos) return fail("a zero with an exponent (" + std::string(literal) + ")");
    const auto digits = static_cast<std::size_t>(std::count_if(significand.begin(), significand.end(),
                                                               [](char c) { return c == '0'; }));
    if (digits > kMaxZeroDigits) return fail("a zero with more than 16 digits (" + std::string(literal) + ")");
    return true;  // exponents beyond a double's range are still caught by the parser itself
  }
  bool enter() {
    if (++depth_ <= limits_.maxDepth) return true;
    return fail("nesting deeper than " + std::to_string(limits_.maxDepth) + " levels");
  }
  bool leave() {
    --depth_;
    return true;
  }

  const JsonLimits& limits_;
  std::size_t depth_ = 0;
  std::string problem_;
};

}  // namespace

std::optional<ParseError> checkJsonLimits(std::string_view json, const JsonLimits& limits) {
  if (json.size() > limits.maxBytes) {
    return ParseError{"document larger than " + std::to_string(limits.maxBytes) + " bytes"};
  }
  try {
    LimitChecker checker(limits);
    rj::Reader reader;
    rj::MemoryStream stream(json.data(), json.size());
    // Explicit flags replace cereal's defaults: no NaN/Infinity, strict UTF-8, numbers handed over as text
    // (checkNumber), and the iterative parser so that this pass itself never recurses.
    constexpr unsigned kFlags =
        rj::kParseIterativeFlag | rj::kParseValidateEncodingFlag | rj::kParseNumbersAsStringsFlag;
    const rj::ParseResult result = reader.Parse<kFlags>(stream, checker);
    if (result.IsError()) {
      if (!checker.problem().empty()) return ParseError{checker.problem()};
      return ParseError{std::string(rj::GetParseError_En(result.Code())) + " at byte " +
                        std::to_string(result.Offset())};
    }
  } catch (const cereal::RapidJSONException& error) {
    return ParseError{error.what()};
  }
  return std::nullopt;
}

}  // namespace bhabin::wire
