#include "server/areas/village_search.h"

namespace bhabin::server::areas {

VillageSearch::VillageSearch(const areas::AreaCatalog& catalog) {
  const auto records = catalog.villageRecords();
  index_.build(records);
  names_.reserve(records.size());
  for (const auto& record : records) names_.emplace_back(record.name);
}

std::vector<VillageMatch> VillageSearch::find(std::string_view query, std::size_t limit) const {
  bhabin::search::SearchSettings settings;
  settings.maxResults = limit;
  std::vector<bhabin::search::SearchHit> hits;
  index_.search(query, settings, hits);
  std::vector<VillageMatch> matches;
  matches.reserve(hits.size());
  for (const auto& hit : hits) {
    matches.push_back({std::string(index_.code(hit.village)), names_.at(hit.village), index_.label(hit.village)});
  }
  return matches;
}

}  // namespace bhabin::server::areas
