// The village-name search of the API: the core's VillageIndex over every village of the area catalog,
// answering with codes and "Name, District, Regency" labels. Immutable after construction, so request
// threads share it without locks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/search/village_index.h"
#include "server/areas/area_catalog.h"

namespace bhabin::server::areas {

struct VillageMatch {
  std::string code;
  std::string name;
  std::string label;  // "Pasarbatang, Brebes, Kabupaten Brebes"
};

class VillageSearch {
 public:
  VillageSearch() = default;
  explicit VillageSearch(const areas::AreaCatalog& catalog);

  std::vector<VillageMatch> find(std::string_view query, std::size_t limit) const;
  std::size_t size() const { return index_.size(); }

 private:
  bhabin::search::VillageIndex index_;
  std::vector<std::string> names_;
};

}  // namespace bhabin::server::areas
