// Open311's date-times: the W3C note's subset of ISO 8601 with a required time zone
// ("2026-11-27T10:00:00Z", "2026-11-27T17:00:00+07:00"), to and from milliseconds since 1970 UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bhabin::server::open311 {

// "2026-11-27T10:00:00+00:00": whole seconds (rounded down), in UTC or, with `offsetMinutes` east of UTC,
// in that zone ("2026-11-27T17:00:00+07:00").
std::string formatW3cDateTime(std::int64_t unixMs, int offsetMinutes = 0);

// YYYY-MM-DDThh:mm:ss, optional fraction of a second, then Z or +hh:mm / -hh:mm. Nothing for anything else,
// including impossible dates (2026-02-30). A space stands for '+' in the zone, because a '+' that a client
// forgot to percent-encode arrives decoded as a space.
std::optional<std::int64_t> parseW3cDateTime(std::string_view text);

}  // namespace bhabin::server::open311
