// Reads the small JSON bodies of API calls (login, duty, moves): first the core's streaming limits check,
// then rapidjson; a member of the wrong type is an error naming it, never a silent default.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bhabin::server::json {

class JsonBody {
 public:
  // Throws ApiError "invalid_json" (400) naming what is wrong, for anything but one object within limits.
  static JsonBody parse(std::string_view body);

  std::optional<std::string> text(const char* member) const;
  std::optional<bool> boolean(const char* member) const;
  std::optional<double> number(const char* member) const;
  std::optional<std::int64_t> integer(const char* member) const;
  // An array of strings (an array of anything else is an error naming the member).
  std::optional<std::vector<std::string>> texts(const char* member) const;

 private:
  const rapidjson::Value* find(const char* member) const;

  rapidjson::Document document_;
};

}  // namespace bhabin::server::json
