#include "core/search/village_index.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "core/search/search_text.h"

namespace bhabin::search {

namespace {

// Per query word, how a dictionary word matched it.
constexpr std::uint32_t kExact = 4;
constexpr std::uint32_t kPrefix = 3;
constexpr std::uint32_t kTypo = 2;
constexpr std::uint32_t kTypoPrefix = 1;

// A word's contribution to a village's score: a name match outranks a region match of the same kind, and a
// match of the name's first word an inner word.
constexpr std::uint32_t kPerQuality = 10;
constexpr std::uint32_t kFirstWordBonus = 3;
constexpr std::uint32_t kRegionPenalty = 5;
constexpr std::uint32_t kCompleteNameBonus = 20;

constexpr std::uint32_t kRegionKindShift = 30;
constexpr std::size_t kMaxQueryWords = 8;

constexpr std::string_view kTypoAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

// Words people put before a village name that are not part of it ("Desa Pasarbatang", "Kel. Gambir").
bool isVillagePrefixWord(const std::string& word) {
  return word == "desa" || word == "ds" || word == "kel" || word == "kelurahan" || word == "dusun" || word == "dsn";
}

// Sorted (key, quality) pairs: the best quality of `key`, 0 when absent.
std::uint32_t qualityOf(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& hits, std::uint32_t key) {
  const auto found = std::lower_bound(hits.begin(), hits.end(), std::pair<std::uint32_t, std::uint32_t>{key, 0});
  return found != hits.end() && found->first == key ? found->second : 0;
}

// Sorts by key and keeps each key once, with its best quality.
void keepBestPerKey(std::vector<std::pair<std::uint32_t, std::uint32_t>>& hits) {
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  hits.erase(std::unique(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
             hits.end());
}

// Counting sort of (token, hit) entries into the compressed rows start/hits, tokens renumbered by `rank`.
void fillPostings(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& entries,
                  const std::vector<std::uint32_t>& rank, std::vector<std::uint32_t>& start,
                  std::vector<std::uint32_t>& hits) {
  start.assign(rank.size() + 1, 0);
  for (const auto& entry : entries) ++start[rank[entry.first] + 1];
  for (std::size_t t = 1; t < start.size(); ++t) start[t] += start[t - 1];
  hits.resize(entries.size());
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (const auto& entry : entries) hits[next[rank[entry.first]]++] = entry.second;
}

}  // namespace

void VillageIndex::build(const std::vector<VillageRecord>& villages) {
  *this = VillageIndex();
  const auto addText = [this](std::string_view s) {
    const Span span{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(s.size())};
    text_ += s;
    return span;
  };
  std::unordered_map<std::string, std::uint32_t> tokenIds;
  std::vector<std::string> tokens;
  const auto intern = [&](const std::string& word) {
    const auto inserted = tokenIds.try_emplace(word, static_cast<std::uint32_t>(tokens.size()));
    if (inserted.second) tokens.push_back(word);
    return inserted.first->second;
  };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> nameEntries;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> regionEntries;
  std::vector<std::string> words;
  // Regions are told apart by their full path, so two districts of the same name in different regencies
  // stay two regions. Keys separate the names with a byte no name contains.
  std::unordered_map<std::string, std::uint32_t> regionIds[3];
  std::vector<Region>* regionLists[3] = {&districts_, &regencies_, &provinces_};
  const auto regionOf = [&](std::uint32_t kind, const std::string& key, std::string_view name, std::uint32_t parent) {
    const auto inserted = regionIds[kind].try_emplace(key, static_cast<std::uint32_t>(regionLists[kind]->size()));
    if (inserted.second) {
      regionLists[kind]->push_back({addText(name), parent});
      searchWords(name, words);
      for (const std::string& word : words) {
        regionEntries.emplace_back(intern(word), (kind << kRegionKindShift) | inserted.first->second);
      }
    }
    return inserted.first->second;
  };

  villages_.reserve(villages.size());
  tokenIds.reserve(villages.size());
  std::string key;
  const VillageRecord* previous = nullptr;
  std::uint32_t district = 0;
  for (const VillageRecord& record : villages) {
    // Records usually come district by district: the previous village's district needs no lookup.
    const bool sameDistrict = previous != nullptr && previous->districtName == record.districtName &&
                              previous->regencyName == record.regencyName &&
                              previous->provinceName == record.provinceName;
    previous = &record;
    if (!sameDistrict) {
      key.assign(record.provinceName);
      const std::uint32_t province = regionOf(2, key, record.provinceName, 0);
      (key += '\x1f') += record.regencyName;
      const std::uint32_t regency = regionOf(1, key, record.regencyName, province);
      (key += '\x1f') += record.districtName;
      district = regionOf(0, key, record.districtName, regency);
    }

    const auto village = static_cast<std::uint32_t>(villages_.size());
    searchWords(record.name, words);
    villages_.push_back({addText(record.code), addText(record.name), district, static_cast<std::uint32_t>(words.size())});
    std::string runTogether;
    for (std::size_t w = 0; w < words.size(); ++w) {
      nameEntries.emplace_back(intern(words[w]), village * 2 + (w == 0 ? 1 : 0));
      runTogether += words[w];
    }
    // "Pasar Batang" is also found as "pasarbatang".
    if (words.size() > 1) nameEntries.emplace_back(intern(runTogether), village * 2 + 1);
  }

  std::vector<std::uint32_t> order(tokens.size());
  for (std::uint32_t t = 0; t < order.size(); ++t) order[t] = t;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return tokens[a] < tokens[b]; });
  std::vector<std::uint32_t> rank(tokens.size());
  tokenStart_.reserve(tokens.size() + 1);
  for (std::uint32_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    tokenStart_.push_back(static_cast<std::uint32_t>(tokenText_.size()));
    tokenText_ += tokens[order[r]];
    longestToken_ = std::max(longestToken_, tokens[order[r]].size());
  }
  tokenStart_.push_back(static_cast<std::uint32_t>(tokenText_.size()));
  fillPostings(nameEntries, rank, nameStart_, nameHits_);
  fillPostings(regionEntries, rank, regionStart_, regionHits_);
}

std::string VillageIndex::label(std::uint32_t village) const {
  const Village& v = villages_.at(village);
  const Region& district = districts_[v.district];
  std::string out(text(v.name));
  ((out += ", ") += text(district.name)) += ", ";
  return out += text(regencies_[district.parent].name);
}

std::string_view VillageIndex::code(std::uint32_t village) const { return text(villages_.at(village).code); }

std::string_view VillageIndex::token(std::uint32_t t) const {
  return std::string_view(tokenText_).substr(tokenStart_[t], tokenStart_[t + 1] - tokenStart_[t]);
}

void VillageIndex::matchTokens(const std::string& word, const SearchSettings& settings,
                               std::vector<TokenMatch>& out) const {
  out.clear();
  const auto tokenCount = static_cast<std::uint32_t>(tokenStart_.size() - 1);
  const auto addStartingWith = [&](std::string_view prefix, std::uint32_t whole, std::uint32_t partial) {
    std::uint32_t lo = 0;
    std::uint32_t hi = tokenCount;
    while (lo < hi) {
      const std::uint32_t mid = lo + (hi - lo) / 2;
      if (token(mid) < prefix) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (std::uint32_t t = lo; t < tokenCount && token(t).substr(0, prefix.size()) == prefix; ++t) {
      out.push_back({t, token(t).size() == prefix.size() ? whole : partial});
    }
  };
  addStartingWith(word, kExact, kPrefix);
  // A word longer than every token plus one letter is more than one edit from all of them.
  if (word.size() >= settings.minTypoWordLength && word.size() <= longestToken_ + 1) {
    // Every string one edit away. An insertion after the last letter is left out: its matches are a subset
    // of the word's own prefix matches.
    std::string variant;
    for (std::size_t i = 0; i < word.size(); ++i) {
      variant.assign(word).erase(i, 1);
      addStartingWith(variant, kTypo, kTypoPrefix);
      for (const char c : kTypoAlphabet) {
        if (c == word[i]) continue;
        variant.assign(word)[i] = c;
        addStartingWith(variant, kTypo, kTypoPrefix);
        variant.assign(word).insert(i, 1, c);
        addStartingWith(variant, kTypo, kTypoPrefix);
      }
      if (i + 1 < word.size() && word[i] != word[i + 1]) {
        variant.assign(word);
        std::swap(variant[i], variant[i + 1]);
        addStartingWith(variant, kTypo, kTypoPrefix);
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const TokenMatch& a, const TokenMatch& b) {
    return a.token != b.token ? a.token < b.token : a.quality > b.quality;
  });
  out.erase(std::unique(out.begin(), out.end(), [](const TokenMatch& a, const TokenMatch& b) { return a.token == b.token; }),
            out.end());
}

void VillageIndex::search(std::string_view query, const SearchSettings& settings, std::vector<SearchHit>& out) const {
  out.clear();
  std::vector<std::string> words;
  searchWords(query, words);
  while (words.size() > 1 && isVillagePrefixWord(words.front())) words.erase(words.begin());
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  if (words.empty() || villages_.empty()) return;

  // Per query word: the score it gives each village through the name, and each region through its name.
  using Hits = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
  std::vector<Hits> nameScores(words.size());
  std::vector<Hits> regionScores(words.size());
  std::vector<std::uint32_t> candidates;
  std::vector<TokenMatch> matches;
  for (std::size_t w = 0; w < words.size(); ++w) {
    matchTokens(words[w], settings, matches);
    for (const TokenMatch& m : matches) {
      for (std::uint32_t h = nameStart_[m.token]; h < nameStart_[m.token + 1]; ++h) {
        const std::uint32_t hit = nameHits_[h];
        nameScores[w].emplace_back(hit / 2, m.quality * kPerQuality + (hit % 2 == 1 ? kFirstWordBonus : 0));
      }
      for (std::uint32_t h = regionStart_[m.token]; h < regionStart_[m.token + 1]; ++h) {
        regionScores[w].emplace_back(regionHits_[h], m.quality * kPerQuality - kRegionPenalty);
      }
    }
    keepBestPerKey(nameScores[w]);
    keepBestPerKey(regionScores[w]);
    for (const auto& hit : nameScores[w]) candidates.push_back(hit.first);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  // Every word must match the name or a region of the village.
  for (const std::uint32_t v : candidates) {
    const Village& village = villages_[v];
    const std::uint32_t district = village.district;
    const std::uint32_t regency = districts_[district].parent;
    const std::uint32_t province = regencies_[regency].parent;
    std::uint32_t total = 0;
    std::uint32_t exactNameWords = 0;
    bool allWordsMatch = true;
    for (std::size_t w = 0; w < words.size() && allWordsMatch; ++w) {
      const std::uint32_t byName = qualityOf(nameScores[w], v);
      const std::uint32_t byRegion = std::max({qualityOf(regionScores[w], district),
                                               qualityOf(regionScores[w], (1u << kRegionKindShift) | regency),
                                               qualityOf(regionScores[w], (2u << kRegionKindShift) | province)});
      if (byName >= kExact * kPerQuality) ++exactNameWords;
      total += std::max(byName, byRegion);
      allWordsMatch = byName > 0 || byRegion > 0;
    }
    if (!allWordsMatch) continue;
    if (exactNameWords == village.nameWords) total += kCompleteNameBonus;
    out.push_back({v, total});
  }
  const auto better = [this](const SearchHit& a, const SearchHit& b) {
    if (a.score != b.score) return a.score > b.score;
    const std::string_view nameA = text(villages_[a.village].name);
    const std::string_view nameB = text(villages_[b.village].name);
    if (nameA.size() != nameB.size()) return nameA.size() < nameB.size();
    if (nameA != nameB) return nameA < nameB;
    return a.village < b.village;
  };
  const std::size_t kept = std::min(settings.maxResults, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(kept), out.end(), better);
  out.resize(kept);
}

}  // namespace bhabin::search
