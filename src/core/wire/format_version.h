// Every stored or sent document starts with its format version, so data written by an older app still
// loads after an upgrade and data from a newer app is refused with a clear message instead of misread.
#pragma once

#include <cstdint>

namespace bhabin::wire {

// Version 1: the first release of reports, visits and sync changes. Decoders accept 1..kFormatVersion;
// when a version 2 changes a record, its decoder branches on the version read and fills the new fields'
// defaults for version 1 (the version-1 golden bytes in tests/core/report_codec_test.cpp must keep loading).
inline constexpr std::uint32_t kFormatVersion = 1;

// Binary documents open with a magic number naming their kind, then the version.
inline constexpr std::uint32_t kReportMagic = 0x42485250;  // "BHRP"
inline constexpr std::uint32_t kOutboxMagic = 0x42484F42;  // "BHOB"

}  // namespace bhabin::wire
