// An Open311 "POST requests" form as our own report form: the same JSON the browser sends, so the core's
// validator, the matching and the storage treat a report from an Open311 client like any other.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/report/validation_settings.h"

namespace bhabin::server::open311 {

struct PostedRequest {
  std::string serviceCode;
  double latDeg = 0;
  double lonDeg = 0;
  std::string description;
  std::string firstName;
  std::string lastName;
  std::string phone;
};

// Open311 has no title: the description's first sentence (or line) when it is a title's length, otherwise
// its beginning cut at a word and marked with an ellipsis, within the title limits of `settings`.
std::string titleFromDescription(std::string_view description, const report::ValidationSettings& settings);

// The report form as JSON for service::Reports::create: filed now, anonymous when no name was given.
std::string reportFormJson(const PostedRequest& posted, std::int64_t nowUnixMs, const report::ValidationSettings& settings);

}  // namespace bhabin::server::open311
