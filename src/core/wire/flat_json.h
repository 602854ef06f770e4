// Reads a flat JSON object of string values ({"key": "text", ...}), the format of the UI language files.
// The only JSON parsing outside cereal archives; bounded so hostile input cannot exhaust memory or stack.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>

namespace bhabin::wire {

struct ParseError {
  std::string message;  // English, for developers and logs: names the offset or key that is wrong
};

using StringMap = std::map<std::string, std::string, std::less<>>;

inline constexpr std::size_t kMaxFlatJsonBytes = 1 << 20;

// The object's members in key order, or why the text is not such an object (not JSON, nested values,
// non-string values, duplicate keys, or more than kMaxFlatJsonBytes).
std::variant<StringMap, ParseError> parseFlatStringObject(std::string_view json);

}  // namespace bhabin::wire
