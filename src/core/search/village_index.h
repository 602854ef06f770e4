// Village search over the names of Indonesia's 83,763 villages: accent- and case-insensitive, by prefix, with
// one typo forgiven, "Desa"/"Kel." and the like ignored, and district, regency or province words as context.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bhabin::search {

// One village as the caller supplies it (from idn-area-data or the database); the index copies the text.
struct VillageRecord {
  std::string_view code;          // Kemendagri code, e.g. "33.29.01.2001"
  std::string_view name;          // e.g. "Pasarbatang"
  std::string_view districtName;  // kecamatan
  std::string_view regencyName;   // kabupaten / kota
  std::string_view provinceName;
};

struct SearchHit {
  std::uint32_t village = 0;  // index of the record in the order given to build()
  std::uint32_t score = 0;    // higher is better; comparable only within one query
};

struct SearchSettings {
  std::size_t maxResults = 10;
  // Words shorter than this are matched exactly or as a prefix only: one edit would make them match
  // almost anything.
  std::size_t minTypoWordLength = 4;
};

class VillageIndex {
 public:
  // Replaces the index with `villages` (any UTF-8; malformed bytes only split words).
  void build(const std::vector<VillageRecord>& villages);

  std::size_t size() const { return villages_.size(); }

  // "Name, District, Regency" of a village, with the text as given to build().
  std::string label(std::uint32_t village) const;
  std::string_view code(std::uint32_t village) const;

  // The best villages for `query` into `out` (cleared first), best first. Every query word must match the
  // village's name or its district, regency or province: exactly, as a prefix, or (words of at least
  // minTypoWordLength letters) within one substitution, insertion, deletion or swap of adjacent letters.
  // Ranking: exact before prefix before typo, a name match before a region match, a match of the name's
  // first word and a complete name first; ties go to the shorter name, then the alphabet, then build order.
  // Leading "desa", "ds", "kel", "kelurahan", "dusun" are ignored when more words follow.
  void search(std::string_view query, const SearchSettings& settings, std::vector<SearchHit>& out) const;

 private:
  struct Span {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
  };
  struct Village {
    Span code;
    Span name;
    std::uint32_t district = 0;
    std::uint32_t nameWords = 0;
  };
  struct Region {
    Span name;
    std::uint32_t parent = 0;  // district → regency → province; unused for provinces
  };
  struct TokenMatch {
    std::uint32_t token = 0;
    std::uint32_t quality = 0;
  };

  std::string_view text(Span span) const { return std::string_view(text_).substr(span.offset, span.length); }
  std::string_view token(std::uint32_t t) const;
  void matchTokens(const std::string& word, const SearchSettings& settings, std::vector<TokenMatch>& out) const;

  std::string text_;  // every name once, back to back
  std::vector<Village> villages_;
  std::vector<Region> districts_;
  std::vector<Region> regencies_;
  std::vector<Region> provinces_;
  // The dictionary: distinct words of all names, sorted, in one buffer.
  std::string tokenText_;
  std::vector<std::uint32_t> tokenStart_;  // token t is tokenText_[tokenStart_[t], tokenStart_[t + 1])
  std::size_t longestToken_ = 0;
  // Villages whose name has token t: nameHits_[nameStart_[t] .. nameStart_[t + 1]), each village * 2 + 1
  // when the token is the name's first word (or the whole name run together).
  std::vector<std::uint32_t> nameStart_;
  std::vector<std::uint32_t> nameHits_;
  // Regions whose name has token t: kind (0 district, 1 regency, 2 province) in the top two bits, then the id.
  std::vector<std::uint32_t> regionStart_;
  std::vector<std::uint32_t> regionHits_;
};

}  // namespace bhabin::search
