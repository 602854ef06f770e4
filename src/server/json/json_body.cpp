#include "server/json/json_body.h"

#include <cmath>

#include "core/wire/json_limits.h"
#include "server/api/api_error.h"

namespace bhabin::server::json {

namespace {

constexpr wire::JsonLimits kSmallBodyLimits{64 * 1024, 8, 16 * 1024};

[[noreturn]] void wrongType(const char* member, const char* expected) {
  throw api::ApiError(400, "invalid_json", std::string("\"") + member + "\" must be " + expected);
}

}  // namespace

JsonBody JsonBody::parse(std::string_view body) {
  if (auto error = wire::checkJsonLimits(body, kSmallBodyLimits)) throw api::ApiError(400, "invalid_json", error->message);
  JsonBody parsed;
  parsed.document_.Parse(body.data(), body.size());
  if (parsed.document_.HasParseError() || !parsed.document_.IsObject()) {
    throw api::ApiError(400, "invalid_json", "the body must be one JSON object");
  }
  return parsed;
}

const rapidjson::Value* JsonBody::find(const char* member) const {
  const auto found = document_.FindMember(member);
  if (found == document_.MemberEnd() || found->value.IsNull()) return nullptr;
  return &found->value;
}

std::optional<std::string> JsonBody::text(const char* member) const {
  const rapidjson::Value* value = find(member);
  if (!value) return std::nullopt;
  if (!value->IsString()) wrongType(member, "a string");
  return std::string(value->GetString(), value->GetStringLength());
}

std::optional<bool> JsonBody::boolean(const char* member) const {
  const rapidjson::Value* value = find(member);
  if (!value) return std::nullopt;
  if (!value->IsBool()) wrongType(member, "true or false");
  return value->GetBool();
}

std::optional<double> JsonBody::number(const char* member) const {
  const rapidjson::Value* value = find(member);
  if (!value) return std::nullopt;
  if (!value->IsNumber() || !std::isfinite(value->GetDouble())) wrongType(member, "a finite number");
  return value->GetDouble();
}

std::optional<std::int64_t> JsonBody::integer(const char* member) const {
  const rapidjson::Value* value = find(member);
  if (!value) return std::nullopt;
  if (!value->IsInt64()) wrongType(member, "a whole number");
  return value->GetInt64();
}

std::optional<std::vector<std::string>> JsonBody::texts(const char* member) const {
  const rapidjson::Value* value = find(member);
  if (!value) return std::nullopt;
  if (!value->IsArray()) wrongType(member, "an array of strings");
  std::vector<std::string> items;
  for (const rapidjson::Value& item : value->GetArray()) {
    if (!item.IsString()) wrongType(member, "an array of strings");
    items.emplace_back(item.GetString(), item.GetStringLength());
  }
  return items;
}

}  // namespace bhabin::server::json
