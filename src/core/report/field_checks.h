// Checks shared by every form validator. Each appends its findings to `errors` under the given field name
// and returns the normalised value, so a validator reads as a list of fields.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/lat_lon.h"
#include "core/report/validation_error.h"
#include "core/report/validation_settings.h"
#include "core/text/utf8.h"

namespace bhabin::report {

struct TextRule {
  text::Lines lines = text::Lines::Single;
  bool required = true;
  std::size_t minChars = 0;  // checked only when the text is not empty
  std::size_t maxChars = 0;
};

// Cleans the text (text::cleanText) and checks it against the rule; lengths in code points.
std::string checkText(std::string_view raw, const char* field, const TextRule& rule,
                      std::vector<ValidationError>& errors);

// A position from a form: both numbers present, finite, in range, and inside the service area.
geo::LatLon checkPosition(std::optional<double> latDeg, std::optional<double> lonDeg, const ServiceArea& area,
                          std::vector<ValidationError>& errors);

// A past time: present, not after now plus the clock-skew tolerance, not older than the maximum age.
std::int64_t checkPastTime(std::optional<std::int64_t> atUnixMs, const char* field, std::int64_t nowUnixMs,
                           const ValidationSettings& settings, std::vector<ValidationError>& errors);

}  // namespace bhabin::report
