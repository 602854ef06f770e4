#include "core/text/utf8.h"

#include <cstdint>

namespace bhabin::text {

namespace {

struct Decoded {
  char32_t codePoint = 0;
  std::size_t length = 0;  // 0 = malformed at this position
};

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Decodes one code point at `at`, rejecting every malformed form (RFC 3629, table 3-7 of Unicode).
Decoded decodeAt(std::string_view bytes, std::size_t at) {
  const auto lead = static_cast<unsigned char>(bytes[at]);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1Fu, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0Fu, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07u, minimum = 0x10000;
  } else {
    return {};
  }
  if (bytes.size() - at < length) return {};
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(bytes[at + i]);
    if (!isContinuation(next)) return {};
    value = (value << 6) | (next & 0x3Fu);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {};
  return {value, length};
}

bool isRemovedControl(char32_t c) {
  const bool c0 = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  const bool c1 = c >= 0x7F && c <= 0x9F;
  const bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  return c0 || c1 || bidi;
}

}  // namespace

bool isValidUtf8(std::string_view bytes) { return countCodePoints(bytes).has_value(); }

std::optional<std::size_t> countCodePoints(std::string_view bytes) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < bytes.size(); ++count) {
    const Decoded decoded = decodeAt(bytes, at);
    if (decoded.length == 0) return std::nullopt;
    at += decoded.length;
  }
  return count;
}

std::string_view trimWhitespace(std::string_view bytes) {
  constexpr std::string_view kAsciiSpace = " \t\r\n\v\f";
  constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
  bool changed = true;
  while (changed && !bytes.empty()) {
    changed = false;
    if (kAsciiSpace.find(bytes.front()) != std::string_view::npos) {
      bytes.remove_prefix(1), changed = true;
    } else if (bytes.substr(0, 2) == kNoBreakSpace) {
      bytes.remove_prefix(2), changed = true;
    }
    if (bytes.empty()) break;
    if (kAsciiSpace.find(bytes.back()) != std::string_view::npos) {
      bytes.remove_suffix(1), changed = true;
    } else if (bytes.size() >= 2 && bytes.substr(bytes.size() - 2) == kNoBreakSpace) {
      bytes.remove_suffix(2), changed = true;
    }
  }
  return bytes;
}

std::optional<std::string> cleanText(std::string_view bytes, Lines lines) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t at = 0; at < bytes.size();) {
    const Decoded decoded = decodeAt(bytes, at);
    if (decoded.length == 0) return std::nullopt;
    const char32_t c = decoded.codePoint;
    const std::string_view encoded = bytes.substr(at, decoded.length);
    at += decoded.length;
    if (c == '\r') {
      // CRLF and a lone CR both end one line.
      if (at < bytes.size() && bytes[at] == '\n') ++at;
      out += lines == Lines::Multi ? '\n' : ' ';
    } else if (c == '\n' || c == '\t') {
      out += lines == Lines::Multi ? static_cast<char>(c) : ' ';
    } else if (!isRemovedControl(c)) {
      out += encoded;
    }
  }
  return std::string(trimWhitespace(out));
}

}  // namespace bhabin::text
