// Indonesia's three time zones by province code, so dates a supervisor types ("2026-11-01") mean midnight
// where they work: WIB (UTC+7) for Sumatra, Java, West and Central Kalimantan; WITA (UTC+8) for Bali, Nusa
// Tenggara, the rest of Kalimantan and Sulawesi; WIT (UTC+9) for Maluku and Papua. None of them has
// daylight saving time.
#pragma once

#include <optional>
#include <string_view>

namespace bhabin::domain {

// Minutes east of UTC for the province of `regionCode` (any level); nothing for a code of no known province.
std::optional<int> indonesianUtcOffsetMinutes(std::string_view regionCode);

}  // namespace bhabin::domain
