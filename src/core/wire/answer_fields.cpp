#include "core/wire/answer_fields.h"

#include <cmath>

namespace bhabin::wire::fields {

namespace {

Malformed wrongKind(const char* name, const char* expected) {
  return Malformed(std::string("\"") + name + "\" must be " + expected);
}

}  // namespace

const Value& member(const Value& object, const char* name) {
  if (!object.IsObject()) throw Malformed(std::string("expected an object holding \"") + name + "\"");
  const auto found = object.FindMember(name);
  if (found == object.MemberEnd()) throw Malformed(std::string("\"") + name + "\" is missing");
  return found->value;
}

const Value* optionalMember(const Value& object, const char* name) {
  if (!object.IsObject()) return nullptr;
  const auto found = object.FindMember(name);
  return found == object.MemberEnd() || found->value.IsNull() ? nullptr : &found->value;
}

std::string textOf(const Value& value, const char* name) {
  if (!value.IsString()) throw wrongKind(name, "a string");
  return std::string(value.GetString(), value.GetStringLength());
}

std::string text(const Value& object, const char* name) { return textOf(member(object, name), name); }

std::optional<std::string> optionalText(const Value& object, const char* name) {
  const Value* value = optionalMember(object, name);
  if (!value) return std::nullopt;
  return textOf(*value, name);
}

std::string textOrEmpty(const Value& object, const char* name) { return optionalText(object, name).value_or(""); }

std::vector<std::string> texts(const Value& object, const char* name) {
  std::vector<std::string> out;
  for (const Value& item : array(object, name).GetArray()) out.push_back(textOf(item, name));
  return out;
}

double number(const Value& object, const char* name) {
  const Value& value = member(object, name);
  if (!value.IsNumber() || !std::isfinite(value.GetDouble())) throw wrongKind(name, "a number");
  return value.GetDouble();
}

std::int64_t integer(const Value& object, const char* name) {
  const Value& value = member(object, name);
  if (!value.IsInt64()) throw wrongKind(name, "a whole number");
  return value.GetInt64();
}

std::optional<std::int64_t> optionalInteger(const Value& object, const char* name) {
  const Value* value = optionalMember(object, name);
  if (!value) return std::nullopt;
  if (!value->IsInt64()) throw wrongKind(name, "a whole number");
  return value->GetInt64();
}

bool boolean(const Value& object, const char* name) {
  const Value& value = member(object, name);
  if (!value.IsBool()) throw wrongKind(name, "true or false");
  return value.GetBool();
}

const Value& array(const Value& object, const char* name) {
  const Value& value = member(object, name);
  if (!value.IsArray()) throw wrongKind(name, "a list");
  return value;
}

}  // namespace bhabin::wire::fields
