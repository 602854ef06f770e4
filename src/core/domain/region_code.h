// Kemendagri administrative codes: province "33", regency "33.29", district "33.29.01", village
// "33.29.01.2001". Only the shape is checked here; whether a code exists is the village table's business.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bhabin::domain {

enum class RegionLevel { Province, Regency, District, Village };

// The level of a well-formed code (2, 2.2, 2.2.2 or 2.2.2.4 digits); nothing for anything else.
std::optional<RegionLevel> regionLevel(std::string_view code);

bool isVillageCode(std::string_view code);

// "33.29" for "33.29.01.2001" (any code at regency level or below); nothing when `code` is not one.
std::optional<std::string> regencyOf(std::string_view code);

}  // namespace bhabin::domain
