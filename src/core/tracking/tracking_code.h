// Report tracking codes: short enough to read over the phone, unguessable, and self-checking.
//
//   3329-7KQM-2XRD-9F4T-ZH5C   regency prefix (Kemendagri 33.29 without the dot), 15 random Crockford base32
//                               characters (75 bits), 1 check character, in groups of four.
//
// The check character is a weighted sum over GF(32): it catches every single mistyped character and every
// swap of two adjacent characters, anywhere in the code including the prefix.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace bhabin::tracking {

inline constexpr std::size_t kRandomBytes = 10;  // the caller's cryptographic random bytes (75 of 80 bits used)
inline constexpr std::size_t kRandomChars = 15;
inline constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford base32

using RandomBytes = std::array<std::uint8_t, kRandomBytes>;

struct TrackingCode {
  std::string text;  // canonical form, e.g. "3329-7KQM-2XRD-9F4T-ZH5C"

  std::string_view regencyDigits() const { return std::string_view(text).substr(0, 4); }  // "3329"
};

inline bool operator==(const TrackingCode& a, const TrackingCode& b) { return a.text == b.text; }

// A new code for a report filed in `regencyCode` ("33.29"), from bytes the caller took from libsodium
// (server) or crypto.getRandomValues (browser). Nothing when the regency code is malformed.
std::optional<TrackingCode> makeTrackingCode(std::string_view regencyCode, const RandomBytes& random);

enum class TrackingCodeError {
  WrongLength,       // not 4 + 16 characters once separators are removed
  InvalidCharacter,  // outside Crockford base32 (after folding O to 0 and I, L to 1)
  CheckMismatch,     // a character was mistyped
};

// Reads a code as a person typed it: case-insensitive, spaces and hyphens anywhere, O read as 0, I and L as 1.
std::variant<TrackingCode, TrackingCodeError> parseTrackingCode(std::string_view typed);

std::string_view trackingCodeErrorName(TrackingCodeError error);  // "wrong_length", ...

}  // namespace bhabin::tracking
