// The reference every PostIndex answer must equal: a scan of every post, sorted by (haversine km, id).
#include <algorithm>

#include "core/geo/haversine.h"
#include "core/match/post_index.h"

namespace bhabin::match {

void bruteForceNearest(const std::vector<Post>& posts, const NearestQuery& query, std::vector<Neighbor>& out) {
  out.clear();
  if (query.k == 0 || !geo::isValid(query.position)) return;
  for (const Post& post : posts) {
    if ((query.onDutyOnly && !post.onDuty) || post.openReports >= query.openReportsCap) continue;
    const double km = geo::haversineKm(query.position, post.position);
    if (km <= query.maxDistanceKm) out.push_back({post.id, km});
  }
  const std::size_t k = std::min(query.k, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k), out.end(), nearerThan);
  out.resize(k);
}

}  // namespace bhabin::match
