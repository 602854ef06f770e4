// Strict UTF-8 checks and the text clean-up every form field goes through: valid encoding, code-point
// counting, trimming and control-character removal. Pure functions over bytes; no locale.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bhabin::text {

// True when `bytes` is well-formed UTF-8: no overlong forms, no surrogates (U+D800..U+DFFF), nothing above
// U+10FFFF, no truncated or stray continuation bytes.
bool isValidUtf8(std::string_view bytes);

// Number of code points (what a user calls characters) in valid UTF-8; nothing for invalid input.
std::optional<std::size_t> countCodePoints(std::string_view bytes);

// `bytes` without leading and trailing white space (ASCII space, tab, CR, LF, VT, FF and U+00A0).
std::string_view trimWhitespace(std::string_view bytes);

enum class Lines { Single, Multi };

// Field text ready to store: valid UTF-8 required (nothing returned otherwise); control characters (C0
// except tab and newline, DEL, C1) and bidirectional overrides (U+202A..U+202E, U+2066..U+2069) removed,
// because they can hide or reorder what an officer reads; CRLF and CR become LF; for single-line fields
// tabs and newlines become spaces; the result is trimmed.
std::optional<std::string> cleanText(std::string_view bytes, Lines lines);

}  // namespace bhabin::text
