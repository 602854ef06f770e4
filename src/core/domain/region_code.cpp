#include "core/domain/region_code.h"

#include <array>
#include <cstddef>

namespace bhabin::domain {

namespace {

bool allDigits(std::string_view part) {
  for (char c : part) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::optional<RegionLevel> regionLevel(std::string_view code) {
  // Part widths per level: province 2, regency 2, district 2, village 4.
  constexpr std::array<std::size_t, 4> kWidths = {2, 2, 2, 4};
  std::size_t parts = 0;
  std::size_t start = 0;
  while (parts < kWidths.size()) {
    const std::size_t dot = code.find('.', start);
    const std::string_view part = code.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part.size() != kWidths[parts] || !allDigits(part)) return std::nullopt;
    ++parts;
    if (dot == std::string_view::npos) return static_cast<RegionLevel>(parts - 1);
    start = dot + 1;
  }
  return std::nullopt;  // a fifth part
}

bool isVillageCode(std::string_view code) { return regionLevel(code) == RegionLevel::Village; }

std::optional<std::string> regencyOf(std::string_view code) {
  const auto level = regionLevel(code);
  if (!level || *level == RegionLevel::Province) return std::nullopt;
  return std::string(code.substr(0, 5));
}

}  // namespace bhabin::domain
