// Indonesian phone numbers as people write them, normalised to E.164 ("+6281234567890").
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "core/report/validation_error.h"

namespace bhabin::report {

// Accepts mobile and landline numbers in the common spellings: "0812-3456-7890", "+62 812 3456 7890",
// "62812...", "0062 812...", "+62 (0)812...", "812 3456 7890", "(021) 555-1234". Separators are spaces,
// hyphens, dots, slashes and parentheses. The result is "+62" followed by the national number (mobile 8xx:
// 9..12 digits; landline with area code: 8..11 digits). Otherwise the reason, one of the Phone* codes
// (Required for empty input).
std::variant<std::string, ErrorCode> normalizeIndonesianPhone(std::string_view text);

}  // namespace bhabin::report
