// Every stored or sent document starts with its format version, so data written by an older app still
// loads after an upgrade and data from a newer app is refused with a clear message instead of misread.
#pragma once

#include <cstdint>

namespace bhabin::wire {

// Version 1: the first release of reports, visits and sync changes.
// Version 2: a sync change carries a sambang visit ("visit", kind log_visit), so visits wait in the outbox too.
// Version 3: a timeline event carries the citizen's "rating" (confirm; 0 elsewhere), and the statuses, actions
// and roles of citizen-confirmed closure and deadlines are appended (closed; confirm, auto_close, escalate; system).
// Decoders accept 1..kFormatVersion; a record's describe() branches on io.version for fields added later and
// leaves them at their defaults in older documents (the version-1 golden bytes in tests/core must keep loading).
inline constexpr std::uint32_t kFormatVersion = 3;

// Binary documents open with a magic number naming their kind, then the version.
inline constexpr std::uint32_t kReportMagic = 0x42485250;  // "BHRP"
inline constexpr std::uint32_t kOutboxMagic = 0x42484F42;  // "BHOB"

}  // namespace bhabin::wire
