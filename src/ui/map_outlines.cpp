#include "ui/map_outlines.h"

#include "core/domain/region_code.h"
#include "core/wire/geojson_boundaries.h"

namespace bhabin::ui {

void MapOutlines::refresh() { fetch("/api/v1/boundaries", regenciesEtag_, OutlineLayer::Regencies, regencyOutlines_); }

void MapOutlines::showRegency(const std::string& regencyCode) {
  if (regencyCode.empty() || regencyCode == villagesRegency_) return;
  villagesRegency_ = regencyCode;
  villagesEtag_.clear();
  fetch("/api/v1/boundaries?regency=" + regencyCode, villagesEtag_, OutlineLayer::Villages, villageOutlines_);
}

// The core reads the collection first: the map draws only outlines that parse, and only the villages'
// in the village layer (the regency's own outline is in the other one already).
void MapOutlines::fetch(const std::string& path, std::string& etag, OutlineLayer layer, int& count) {
  HttpRequest request;
  request.path = path;
  if (!etag.empty()) request.headers["If-None-Match"] = etag;
  platform_.send(request, [this, &etag, layer, &count](const HttpResponse& response) {
    if (response.status != 200) return;  // 304: what is drawn is current; failures: the last copy stays
    auto parsed = wire::parseGeoJsonBoundaries(response.body);
    auto* boundaries = std::get_if<std::vector<geo::Boundary>>(&parsed);
    if (!boundaries) return;
    std::vector<geo::Boundary> shown;
    for (geo::Boundary& boundary : *boundaries) {
      const bool village = domain::regionLevel(boundary.code) == domain::RegionLevel::Village;
      if (village == (layer == OutlineLayer::Villages)) shown.push_back(std::move(boundary));
    }
    etag = response.etag;
    count = static_cast<int>(shown.size());
    map_.showOutlines(layer, wire::encodeGeoJsonFeatures(shown));
  });
}

}  // namespace bhabin::ui
