// Reads a subcommand's whole input — a named file, or standard input for "-" — with a size cap, so a
// mistaken multi-gigabyte file fails quickly instead of exhausting memory.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>

namespace bhabin::tools {

inline constexpr std::size_t kMaxInputBytes = 64 << 20;

// The bytes of `path` ("-" = `in`), or nothing after writing the reason to `err` prefixed with `command`.
std::optional<std::string> readInput(const std::string& path, std::istream& in, std::ostream& err,
                                     const char* command);

}  // namespace bhabin::tools
