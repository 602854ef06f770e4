#include "core/wire/flat_json.h"

// cereal's JSON header first: it configures rapidjson (assertions throw), and every translation unit must see
// rapidjson configured the same way.
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace bhabin::wire {

namespace {

namespace rj = RAPIDJSON_NAMESPACE;

std::variant<StringMap, ParseError> parseChecked(std::string_view json) {
  rj::Document doc;
  // Explicit flags: no NaN/Infinity (cereal's defaults allow them), strict UTF-8, and the iterative parser,
  // which keeps hostile deep nesting off the call stack.
  doc.Parse<rj::kParseIterativeFlag | rj::kParseValidateEncodingFlag>(json.data(), json.size());
  if (doc.HasParseError()) {
    return ParseError{std::string(rj::GetParseError_En(doc.GetParseError())) + " at byte " +
                      std::to_string(doc.GetErrorOffset())};
  }
  if (!doc.IsObject()) return ParseError{"top level is not an object"};
  StringMap out;
  for (const auto& member : doc.GetObject()) {
    std::string key(member.name.GetString(), member.name.GetStringLength());
    if (!member.value.IsString()) return ParseError{"value of \"" + key + "\" is not a string"};
    std::string value(member.value.GetString(), member.value.GetStringLength());
    if (!out.emplace(key, std::move(value)).second) return ParseError{"duplicate key \"" + key + "\""};
  }
  return out;
}

}  // namespace

std::variant<StringMap, ParseError> parseFlatStringObject(std::string_view json) {
  if (json.size() > kMaxFlatJsonBytes) {
    return ParseError{"document larger than " + std::to_string(kMaxFlatJsonBytes) + " bytes"};
  }
  try {
    return parseChecked(json);
  } catch (const cereal::RapidJSONException& error) {
    return ParseError{error.what()};
  }
}

}  // namespace bhabin::wire
