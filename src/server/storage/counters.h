// Database-wide sequence numbers, taken inside the caller's transaction so their order is commit order:
// a client that pulled up to N can never later miss a change numbered below N.
#pragma once

#include <cstdint>
#include <string_view>

#include "server/storage/database.h"

namespace bhabin::server::storage {

inline constexpr std::string_view kChangesCounter = "changes";    // report changes, the pull cursor
// Everything the matching roster holds: officer state, village assignments, regions and boundaries.
inline constexpr std::string_view kOfficersCounter = "officers";

// Increments the counter and returns its new value; the row stays locked until the transaction ends.
std::int64_t nextCounterValue(Connection& connection, std::string_view name);
std::int64_t currentCounterValue(Connection& connection, std::string_view name);

}  // namespace bhabin::server::storage
