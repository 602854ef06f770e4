#include "core/search/search_text.h"

#include <cstdint>

namespace bhabin::search {

namespace {

// U+00C0..U+017F folded to ASCII, one character each; digits stand for two letters (1 ae, 2 th, 3 ss, 4 ij,
// 5 oe) and a space for the two symbols (× ÷) in that range.
constexpr std::string_view kLatinFold =
    "aaaaaa1ceeeeiiiidnooooo ouuuuy23"
    "aaaaaa1ceeeeiiiidnooooo ouuuuy2y"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii44jjkkkllllllllllnnnnnnnnnoooooo55rrrrrrsssssssstttttt"
    "uuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinFold.size() == 0x180 - 0xC0);

constexpr std::string_view kPairs[] = {"ae", "th", "ss", "ij", "oe"};

struct Decoded {
  char32_t codePoint = 0;
  std::size_t length = 1;
  bool valid = false;
};

// Lenient decoding: a malformed sequence yields one invalid byte, so scanning always moves on.
Decoded decodeAt(std::string_view bytes, std::size_t at) {
  const auto lead = static_cast<unsigned char>(bytes[at]);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
  if (length == 0 || bytes.size() - at < length) return {};
  char32_t value = lead & (0x7Fu >> length);
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(bytes[at + i]);
    if ((next & 0xC0) != 0x80) return {};
    value = (value << 6) | (next & 0x3Fu);
  }
  return {value, length, true};
}

bool isApostrophe(char32_t c) { return c == '\'' || c == '"' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x2BC; }

}  // namespace

void searchWords(std::string_view text, std::vector<std::string>& words) {
  words.clear();
  std::string word;
  const auto endWord = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decodeAt(text, at);
    at += d.length;
    const char32_t c = d.codePoint;
    if (!d.valid) {
      endWord();
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else if (isApostrophe(c)) {
      // "Ja'an" is one word, typed as "jaan" as often as with the apostrophe.
    } else if (c >= 0xC0 && c < 0x180) {
      const char folded = kLatinFold[c - 0xC0];
      if (folded == ' ') {
        endWord();
      } else if (folded >= '1' && folded <= '5') {
        word += kPairs[folded - '1'];
      } else {
        word += folded;
      }
    } else {
      endWord();
    }
  }
  endWord();
}

}  // namespace bhabin::search
