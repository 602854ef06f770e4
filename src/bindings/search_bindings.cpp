// JavaScript API of core/search: Module.VillageIndex, built from one tab-separated string (one conversion
// instead of 400,000 strings crossing embind), answering with a Uint32Array of village numbers.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/search/village_index.h"

namespace {

using emscripten::val;

class VillageIndexJs {
 public:
  // `rows`: one village per line, "code\tname\tdistrict\tregency\tprovince" (\n or \r\n line ends). Lines with
  // fewer fields are skipped; village numbers count the lines kept, from 0. Returns that number of villages.
  double build(const std::string& rows) {
    std::vector<bhabin::search::VillageRecord> records;
    std::string_view rest(rows);
    while (!rest.empty()) {
      std::string_view line = rest.substr(0, rest.find('\n'));
      rest.remove_prefix(std::min(rest.size(), line.size() + 1));
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      std::string_view fields[5];
      std::size_t count = 0;
      for (; count < 5 && !line.empty(); ++count) {
        const std::size_t tab = line.find('\t');
        fields[count] = line.substr(0, tab);
        line.remove_prefix(tab == std::string_view::npos ? line.size() : tab + 1);
      }
      if (count == 5) records.push_back({fields[0], fields[1], fields[2], fields[3], fields[4]});
    }
    index_.build(records);  // copies the text the records point into
    return static_cast<double>(index_.size());
  }

  // The village numbers of the best matches, best first: a Uint32Array view valid until the next search.
  val search(const std::string& query, double maxResults) {
    bhabin::search::SearchSettings settings;
    settings.maxResults = maxResults >= 0 && maxResults < 1e6 ? static_cast<std::size_t>(maxResults) : 10;
    index_.search(query, settings, hits_);
    villages_.clear();
    for (const auto& hit : hits_) villages_.push_back(hit.village);
    return val(emscripten::typed_memory_view(villages_.size(), villages_.data()));
  }

  // "Name, District, Regency", or "" for a number out of range.
  std::string label(double village) const {
    return village >= 0 && village < static_cast<double>(index_.size()) ? index_.label(static_cast<std::uint32_t>(village))
                                                                         : std::string();
  }
  std::string code(double village) const {
    return village >= 0 && village < static_cast<double>(index_.size())
               ? std::string(index_.code(static_cast<std::uint32_t>(village)))
               : std::string();
  }
  double size() const { return static_cast<double>(index_.size()); }

 private:
  bhabin::search::VillageIndex index_;
  std::vector<bhabin::search::SearchHit> hits_;
  std::vector<std::uint32_t> villages_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(bhabin_search) {
  emscripten::class_<VillageIndexJs>("VillageIndex")
      .constructor<>()
      .function("build", &VillageIndexJs::build)
      .function("search", &VillageIndexJs::search)
      .function("label", &VillageIndexJs::label)
      .function("code", &VillageIndexJs::code)
      .function("size", &VillageIndexJs::size);
}
