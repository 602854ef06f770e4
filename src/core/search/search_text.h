// Text as search compares it: Latin accents folded to ASCII, lower case, apostrophes dropped, everything else
// a word break. Names and queries go through the same function, so "Ja'an", "JAAN" and "Jáan" meet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bhabin::search {

// The searchable words of UTF-8 `text`, in order. Letters with accents from Latin-1 and Latin Extended-A
// become their base letters (ß → ss, æ → ae); ASCII letters and digits are kept in lower case; ' " ` and
// typographic apostrophes are dropped inside words; any other character, and every byte of malformed UTF-8,
// separates words.
// `words` is cleared first; reusing one vector keeps a bulk build free of allocations.
void searchWords(std::string_view text, std::vector<std::string>& words);

}  // namespace bhabin::search
