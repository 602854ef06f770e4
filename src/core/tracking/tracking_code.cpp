#include "core/tracking/tracking_code.h"

#include "core/domain/region_code.h"

namespace bhabin::tracking {

namespace {

constexpr std::size_t kPrefixChars = 4;
constexpr std::size_t kBodyChars = kPrefixChars + kRandomChars;  // what the check character covers
constexpr std::size_t kGroup = 4;

// Multiplication in GF(2^5) modulo the primitive polynomial x^5 + x^2 + 1.
std::uint8_t gfMultiply(std::uint8_t a, std::uint8_t b) {
  std::uint8_t product = 0;
  while (b != 0) {
    if (b & 1u) product ^= a;
    b = static_cast<std::uint8_t>(b >> 1);
    a = static_cast<std::uint8_t>(a << 1);
    if (a & 0x20u) a ^= 0x25u;
  }
  return product;
}

// Sum of value[i] * alpha^(i+1) with alpha = x. A substituted character changes the sum by e * alpha^k (never
// 0); swapping neighbours a, b changes it by (a ^ b) * alpha^k * (1 ^ alpha) (never 0 for a != b). The check
// character has weight alpha^0, so it is covered by the same argument.
std::uint8_t checkValue(std::string_view body) {
  std::uint8_t sum = 0;
  std::uint8_t weight = 1;
  for (char c : body) {
    weight = gfMultiply(weight, 2);
    sum ^= gfMultiply(static_cast<std::uint8_t>(kAlphabet.find(c)), weight);
  }
  return sum;
}

std::string grouped(std::string_view chars) {
  std::string text;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (i > 0 && i % kGroup == 0) text += '-';
    text += chars[i];
  }
  return text;
}

// Folds the look-alikes people type into canonical characters; 0 for characters that have no meaning.
char canonical(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'O') return '0';
  if (c == 'I' || c == 'L') return '1';
  return kAlphabet.find(c) == std::string_view::npos ? '\0' : c;
}

}  // namespace

std::optional<TrackingCode> makeTrackingCode(std::string_view regencyCode, const RandomBytes& random) {
  if (domain::regionLevel(regencyCode) != domain::RegionLevel::Regency) return std::nullopt;
  std::string body;
  body += regencyCode.substr(0, 2);
  body += regencyCode.substr(3, 2);
  // Read the bytes as one big-endian bit string, five bits per character.
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t next = 0;
  while (body.size() < kBodyChars) {
    if (bits < 5) {
      buffer = (buffer << 8) | random[next++];
      bits += 8;
    }
    bits -= 5;
    body += kAlphabet[(buffer >> bits) & 0x1Fu];
  }
  body += kAlphabet[checkValue(body)];
  return TrackingCode{grouped(body)};
}

std::variant<TrackingCode, TrackingCodeError> parseTrackingCode(std::string_view typed) {
  std::string chars;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (chars.size() == kBodyChars + 1) return TrackingCodeError::WrongLength;
    const char folded = canonical(c);
    if (folded == '\0') return TrackingCodeError::InvalidCharacter;
    chars += folded;
  }
  if (chars.size() != kBodyChars + 1) return TrackingCodeError::WrongLength;
  for (std::size_t i = 0; i < kPrefixChars; ++i) {
    if (chars[i] < '0' || chars[i] > '9') return TrackingCodeError::InvalidCharacter;
  }
  const std::string_view body = std::string_view(chars).substr(0, kBodyChars);
  if (kAlphabet[checkValue(body)] != chars.back()) return TrackingCodeError::CheckMismatch;
  return TrackingCode{grouped(chars)};
}

std::string_view trackingCodeErrorName(TrackingCodeError error) {
  switch (error) {
    case TrackingCodeError::WrongLength: return "wrong_length";
    case TrackingCodeError::InvalidCharacter: return "invalid_character";
    case TrackingCodeError::CheckMismatch: return "check_mismatch";
  }
  return "wrong_length";
}

}  // namespace bhabin::tracking
