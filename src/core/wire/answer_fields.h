// Reading the server's JSON answers field by field: each reader names the field it expected when the answer
// lacks it or holds the wrong kind, and decodeAnswer turns any such miss into a ParseError. Shared by the
// decoders of api_answers and roster_admin_answers.
#pragma once

// cereal's JSON header first: it configures rapidjson (assertions throw), and every translation unit must see
// rapidjson configured the same way.
#include <cereal/archives/json.hpp>
#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/wire/flat_json.h"
#include "core/wire/json_limits.h"

namespace bhabin::wire::fields {

struct Malformed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using Value = rapidjson::Value;

const Value& member(const Value& object, const char* name);
const Value* optionalMember(const Value& object, const char* name);  // nothing when missing or null
std::string textOf(const Value& value, const char* name);
std::string text(const Value& object, const char* name);
std::optional<std::string> optionalText(const Value& object, const char* name);
std::string textOrEmpty(const Value& object, const char* name);
std::vector<std::string> texts(const Value& object, const char* name);
double number(const Value& object, const char* name);  // finite
std::int64_t integer(const Value& object, const char* name);
std::optional<std::int64_t> optionalInteger(const Value& object, const char* name);
bool boolean(const Value& object, const char* name);
const Value& array(const Value& object, const char* name);

// A code field read by `fromCode` (e.g. report::statusFromCode); an unknown code names itself.
template <typename T, typename FromCode>
T codeOf(const Value& object, const char* name, FromCode fromCode) {
  const std::string code = text(object, name);
  const auto parsed = fromCode(code);
  if (!parsed) throw Malformed(std::string("\"") + name + "\" has an unknown value \"" + code + "\"");
  return *parsed;
}

// Parses within `limits` and hands the root object to `read`; every failure becomes a ParseError.
template <typename Read>
auto decodeAnswer(std::string_view json, const JsonLimits& limits, Read read)
    -> std::variant<decltype(read(std::declval<const Value&>())), ParseError> {
  if (auto error = checkJsonLimits(json, limits)) return *error;
  rapidjson::Document document;
  document.Parse(json.data(), json.size());
  if (document.HasParseError() || !document.IsObject()) return ParseError{"the answer is not one JSON object"};
  try {
    return read(document);
  } catch (const Malformed& error) {
    return ParseError{error.what()};
  }
}

}  // namespace bhabin::wire::fields
