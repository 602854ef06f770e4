// Village search over the 83,763 names of idn-area-data (node_modules/idn-area-data/data, or the folder in
// BHABIN_AREA_DATA_DIR): index build and queries, among them 5-letter words with one typo.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/search/village_index.h"

namespace {

using bhabin::search::SearchHit;
using bhabin::search::SearchSettings;
using bhabin::search::VillageIndex;
using bhabin::search::VillageRecord;

struct AreaData {
  std::vector<std::string> text;  // owns every string the records point into
  std::vector<VillageRecord> villages;
  std::string error;
};

// code -> (parent code, name) of one idn-area-data CSV file (columns code,[parent_code,]name; no quoting,
// no commas inside names).
std::unordered_map<std::string, std::pair<std::string, std::string>> readArea(const std::string& path, bool hasParent,
                                                                              std::string& error) {
  std::unordered_map<std::string, std::pair<std::string, std::string>> rows;
  std::ifstream in(path);
  if (!in) error = path + ": cannot open (set BHABIN_AREA_DATA_DIR to idn-area-data's data folder)";
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::size_t first = line.find(',');
    const std::size_t second = hasParent ? line.find(',', first + 1) : first;
    if (first == std::string::npos || second == std::string::npos) continue;
    rows[line.substr(0, first)] = {hasParent ? line.substr(first + 1, second - first - 1) : "",
                                   line.substr(second + 1)};
  }
  return rows;
}

const AreaData& areaData() {
  static const AreaData data = [] {
    AreaData d;
    const char* configured = std::getenv("BHABIN_AREA_DATA_DIR");
    const std::string dir = configured != nullptr ? configured : "node_modules/idn-area-data/data";
    const auto provinces = readArea(dir + "/provinces.csv", false, d.error);
    const auto regencies = readArea(dir + "/regencies.csv", true, d.error);
    const auto districts = readArea(dir + "/districts.csv", true, d.error);
    const auto villages = readArea(dir + "/villages.csv", true, d.error);
    if (!d.error.empty()) return d;
    // Sorted by code, as the file lists them, so runs are reproducible.
    std::vector<std::string> codes;
    for (const auto& v : villages) codes.push_back(v.first);
    std::sort(codes.begin(), codes.end());
    d.text.reserve(codes.size() * 5);
    for (const std::string& code : codes) {
      const auto& [districtCode, name] = villages.at(code);
      const auto& [regencyCode, districtName] = districts.at(districtCode);
      const auto& [provinceCode, regencyName] = regencies.at(regencyCode);
      for (const std::string* s : {&code, &name, &districtName, &regencyName, &provinces.at(provinceCode).second}) {
        d.text.push_back(*s);
      }
      const std::size_t at = d.text.size() - 5;
      d.villages.push_back({d.text[at], d.text[at + 1], d.text[at + 2], d.text[at + 3], d.text[at + 4]});
    }
    return d;
  }();
  return data;
}

bool skipWithoutData(benchmark::State& state) {
  if (areaData().error.empty()) return false;
  state.SkipWithError(areaData().error.c_str());
  return true;
}

void BM_VillageIndexBuild(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  for (auto _ : state) {
    VillageIndex index;
    index.build(areaData().villages);
    benchmark::DoNotOptimize(index.size());
  }
  state.counters["villages"] = static_cast<double>(areaData().villages.size());
}
BENCHMARK(BM_VillageIndexBuild)->Unit(benchmark::kMillisecond);

const char* const kQueries[] = {
    "brbes",               // 5 letters, one deletion (Brebes)
    "pasra",               // 5 letters, a swap while typing "pasar"
    "sukmj",               // 5 letters, prefix of Sukamaju with a letter missing
    "pasarbatang brebes",  // a name with its regency
    "desa sukamaju",       // the most common village name, with a prefix word
    "s",                   // one letter: thousands of prefix matches
};

void BM_VillageSearch(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  static const VillageIndex index = [] {
    VillageIndex built;
    built.build(areaData().villages);
    return built;
  }();
  const char* query = kQueries[state.range(0)];
  std::vector<SearchHit> hits;
  for (auto _ : state) {
    index.search(query, SearchSettings{}, hits);
    benchmark::DoNotOptimize(hits.data());
  }
  state.SetLabel(std::string(query) + " -> " + (hits.empty() ? std::string("nothing") : index.label(hits[0].village)));
}
BENCHMARK(BM_VillageSearch)->DenseRange(0, 5)->Unit(benchmark::kMicrosecond);

}  // namespace
