#include "core/match/post_index.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/geo/haversine.h"
#include "core/match/batch_order.h"

namespace bhabin::match {

namespace {

// Leaves of 16-32 posts: few enough nodes (about 5,000 for the country) for the tree to stay in cache, and
// leaf scans long enough to vectorise.
constexpr std::uint32_t kLeafSize = 32;
constexpr std::int32_t kNoLoad = std::numeric_limits<std::int32_t>::max();

// The search orders posts by chord length computed in float from float-rounded unit vectors; the answer is
// ordered by haversine distance. Rounding the post and the query to float moves each by at most 2^-24 per
// axis (1.04e-7 in length), and the float arithmetic adds at most a few ulps of the chord: a computed chord
// is within 2.1e-7 + 2e-7 * chord of the true one. Every post whose computed chord is within twice that of
// the k-th (under 3 m) is kept as a candidate, and the final order is decided by haversine and id, exactly as
// a brute-force scan decides it.
constexpr double kChordMarginAbsolute = 4.4e-7;
constexpr double kChordMarginRelative = 4e-7;
double widened(double chordSquared) {
  const double chord = std::sqrt(chordSquared) * (1.0 + kChordMarginRelative) + kChordMarginAbsolute;
  return chord * chord;
}

// How many near-tie candidates beyond k a query keeps. Only posts at (numerically) the same place as the
// k-th tie with it; beyond k+kExtra of them, the smallest ids are the ones kept, which is what the answer needs.
constexpr std::size_t kExtra = 32;

float roundedDown(double v) {
  float f = static_cast<float>(v);
  return static_cast<double>(f) > v ? std::nextafter(f, -INFINITY) : f;
}

float roundedUp(double v) {
  float f = static_cast<float>(v);
  return static_cast<double>(f) < v ? std::nextafter(f, INFINITY) : f;
}

// Squared distance from a point to a box, 0 inside: a lower bound for every post in the box.
template <class Box>
double boxDistanceSquared(const Box& box, const geo::UnitVector& u) {
  const double p[3] = {u.x, u.y, u.z};
  double sum = 0.0;
  for (int d = 0; d < 3; ++d) {
    const double below = static_cast<double>(box.min[d]) - p[d];
    const double above = p[d] - static_cast<double>(box.max[d]);
    const double gap = std::max(std::max(below, above), 0.0);
    sum += gap * gap;
  }
  return sum;
}

struct Candidate {
  double chordSquared;
  PostId id;
  std::uint32_t slot;
};

bool before(const Candidate& a, const Candidate& b) {
  return a.chordSquared < b.chordSquared || (a.chordSquared == b.chordSquared && a.id < b.id);
}

// The best candidates so far, sorted by (chord, id): the k best plus near ties of the k-th. Lives on the
// stack for the usual small k, so a query allocates nothing.
class Candidates {
 public:
  Candidates(std::size_t k, double limit) : k_(k), limit_(limit), bound_(limit) {
    if (k + kExtra > kInline) {
      heap_.resize(k + kExtra);
      items_ = heap_.data();
    }
  }
  Candidates(const Candidates&) = delete;
  Candidates& operator=(const Candidates&) = delete;

  // Posts farther than this cannot enter the answer.
  double bound() const { return bound_; }

  void offer(const Candidate& c) {
    if (size_ == k_ + kExtra && !before(c, items_[size_ - 1])) return;
    std::size_t at = size_ < k_ + kExtra ? size_++ : size_ - 1;
    while (at > 0 && before(c, items_[at - 1])) {
      items_[at] = items_[at - 1];
      --at;
    }
    items_[at] = c;
    if (size_ < k_) return;
    bound_ = std::min(limit_, widened(items_[k_ - 1].chordSquared));
    while (size_ > k_ && items_[size_ - 1].chordSquared > bound_) --size_;
  }

  const Candidate* begin() const { return items_; }
  const Candidate* end() const { return items_ + size_; }

 private:
  static constexpr std::size_t kInline = 48;
  std::size_t k_;
  double limit_;
  double bound_;
  std::size_t size_ = 0;
  Candidate inline_[kInline];
  std::vector<Candidate> heap_;
  Candidate* items_ = inline_;
};

}  // namespace

std::variant<PostIndex, BuildError> PostIndex::build(const std::vector<Post>& posts) {
  if (posts.size() >= std::numeric_limits<std::uint32_t>::max()) return BuildError{0, "too many posts for one index"};
  std::vector<std::pair<PostId, std::uint32_t>> byId;
  byId.reserve(posts.size());
  for (std::size_t i = 0; i < posts.size(); ++i) {
    if (!geo::isValid(posts[i].position)) {
      return BuildError{i, "post " + std::to_string(posts[i].id) + " has an invalid position"};
    }
    byId.emplace_back(posts[i].id, static_cast<std::uint32_t>(i));
  }
  if (!std::is_sorted(byId.begin(), byId.end())) std::sort(byId.begin(), byId.end());
  const auto repeated = std::adjacent_find(byId.begin(), byId.end(),
                                           [](const auto& a, const auto& b) { return a.first == b.first; });
  if (repeated != byId.end()) {
    return BuildError{(repeated + 1)->second, "post id " + std::to_string(repeated->first) + " appears twice"};
  }

  PostIndex index;
  const std::size_t n = posts.size();
  std::vector<BuildPoint> points(n);
  double lo[3] = {INFINITY, INFINITY, INFINITY};
  double hi[3] = {-INFINITY, -INFINITY, -INFINITY};
  for (std::size_t i = 0; i < n; ++i) {
    const geo::UnitVector u = geo::toUnitVector(posts[i].position);
    points[i] = {{u.x, u.y, u.z}, static_cast<std::uint32_t>(i)};
    for (int d = 0; d < 3; ++d) {
      lo[d] = std::min(lo[d], points[i].c[d]);
      hi[d] = std::max(hi[d], points[i].c[d]);
    }
  }
  if (n > 0) {
    index.nodes_.reserve(2 * (n / (kLeafSize / 2) + 1));
    index.parent_.reserve(index.nodes_.capacity());
    index.buildNode(0, static_cast<std::uint32_t>(n), 0, points, lo, hi);
  }
  index.placeInTreeOrder(posts, points, byId);
  index.builtLeafExtent_ = index.leafExtentSum();
  return index;
}

std::uint32_t PostIndex::buildNode(std::uint32_t begin, std::uint32_t end, std::uint32_t parent,
                                   std::vector<BuildPoint>& points, const double lo[3], const double hi[3]) {
  const auto self = static_cast<std::uint32_t>(nodes_.size());
  nodes_.emplace_back();
  parent_.push_back(parent);
  if (end - begin <= kLeafSize) {
    nodes_[self].first = begin;
    nodes_[self].count = static_cast<std::uint16_t>(end - begin);
    return self;
  }
  // Split the widest side of the region at the median: balanced depth, boxes close to cubes. The region
  // (the parent's, cut at its split) is enough to choose the side; tight boxes are computed afterwards.
  int axis = 0;
  for (int d = 1; d < 3; ++d) {
    if (hi[d] - lo[d] > hi[axis] - lo[axis]) axis = d;
  }
  const std::uint32_t middle = begin + (end - begin) / 2;
  std::nth_element(points.begin() + begin, points.begin() + middle, points.begin() + end,
                   [axis](const BuildPoint& a, const BuildPoint& b) { return a.c[axis] < b.c[axis]; });
  const double split = points[middle].c[axis];
  nodes_[self].axis = static_cast<std::uint16_t>(axis);
  nodes_[self].split = static_cast<float>(split);
  double leftHi[3] = {hi[0], hi[1], hi[2]};
  double rightLo[3] = {lo[0], lo[1], lo[2]};
  leftHi[axis] = split;
  rightLo[axis] = split;
  buildNode(begin, middle, self, points, lo, leftHi);
  const std::uint32_t right = buildNode(middle, end, self, points, rightLo, hi);
  nodes_[self].first = right;
  return self;
}

// Tight boxes, bottom up: a leaf's from its posts, an internal node's as the union of its children's.
void PostIndex::fitBoxes(const std::vector<BuildPoint>& points) {
  for (std::size_t i = nodes_.size(); i-- > 0;) {
    Node& node = nodes_[i];
    if (node.count > 0) {
      double lo[3] = {INFINITY, INFINITY, INFINITY};
      double hi[3] = {-INFINITY, -INFINITY, -INFINITY};
      for (std::uint32_t slot = node.first; slot < node.first + node.count; ++slot) {
        for (int d = 0; d < 3; ++d) {
          lo[d] = std::min(lo[d], points[slot].c[d]);
          hi[d] = std::max(hi[d], points[slot].c[d]);
        }
      }
      for (int d = 0; d < 3; ++d) {
        node.min[d] = roundedDown(lo[d]);
        node.max[d] = roundedUp(hi[d]);
      }
    } else {
      const Node& left = nodes_[i + 1];
      const Node& right = nodes_[node.first];
      for (int d = 0; d < 3; ++d) {
        node.min[d] = std::min(left.min[d], right.min[d]);
        node.max[d] = std::max(left.max[d], right.max[d]);
      }
    }
  }
}

void PostIndex::placeInTreeOrder(const std::vector<Post>& posts, const std::vector<BuildPoint>& points,
                                 const std::vector<std::pair<PostId, std::uint32_t>>& byId) {
  fitBoxes(points);
  const std::size_t n = posts.size();
  fx_.resize(n);
  fy_.resize(n);
  fz_.resize(n);
  ids_.resize(n);
  loads_.resize(n);
  onDuty_.resize(n);
  positions_.resize(n);
  std::vector<std::uint32_t> slotOfInput(n);
  for (std::size_t slot = 0; slot < n; ++slot) {
    const Post& post = posts[points[slot].input];
    slotOfInput[points[slot].input] = static_cast<std::uint32_t>(slot);
    fx_[slot] = static_cast<float>(points[slot].c[0]);
    fy_[slot] = static_cast<float>(points[slot].c[1]);
    fz_[slot] = static_cast<float>(points[slot].c[2]);
    ids_[slot] = post.id;
    loads_[slot] = post.openReports;
    onDuty_[slot] = post.onDuty ? 1 : 0;
    positions_[slot] = geo::toHaversinePoint(post.position);
  }
  slotById_.resize(n);
  for (std::size_t i = 0; i < n; ++i) slotById_[i] = {byId[i].first, slotOfInput[byId[i].second]};
  leafOf_.assign(n, 0);
  minLoad_.assign(nodes_.size(), kNoLoad);
  minLoadOnDuty_.assign(nodes_.size(), kNoLoad);
  // Children come after their parent in build order, so a reverse walk sees children first.
  for (std::size_t i = nodes_.size(); i-- > 0;) {
    const auto node = static_cast<std::uint32_t>(i);
    const Node& built = nodes_[node];
    for (std::uint32_t slot = built.first; built.count > 0 && slot < built.first + built.count; ++slot) {
      leafOf_[slot] = node;
    }
    recomputeLoads(node);
  }
}

bool PostIndex::recomputeLoads(std::uint32_t index) {
  const Node& node = nodes_[index];
  std::int32_t all = kNoLoad;
  std::int32_t onDuty = kNoLoad;
  if (node.count > 0) {
    for (std::uint32_t slot = node.first; slot < node.first + node.count; ++slot) {
      all = std::min(all, loads_[slot]);
      if (onDuty_[slot]) onDuty = std::min(onDuty, loads_[slot]);
    }
  } else {
    all = std::min(minLoad_[index + 1], minLoad_[node.first]);
    onDuty = std::min(minLoadOnDuty_[index + 1], minLoadOnDuty_[node.first]);
  }
  const bool changed = all != minLoad_[index] || onDuty != minLoadOnDuty_[index];
  minLoad_[index] = all;
  minLoadOnDuty_[index] = onDuty;
  return changed;
}

void PostIndex::propagateLoads(std::uint32_t slot) {
  std::uint32_t node = leafOf_[slot];
  while (recomputeLoads(node) && node != 0) node = parent_[node];
}

void PostIndex::leafDistances(std::uint32_t first, std::uint32_t count, const float query[3], float* out) const {
  const float* x = fx_.data() + first;
  const float* y = fy_.data() + first;
  const float* z = fz_.data() + first;
  for (std::uint32_t i = 0; i < count; ++i) {
    const float dx = x[i] - query[0];
    const float dy = y[i] - query[1];
    const float dz = z[i] - query[2];
    out[i] = dx * dx + dy * dy + dz * dz;
  }
}

// Depth first, nearer child first, below `root`; the stack holds the farther children with their bounds.
template <class Accept, class Candidates>
void PostIndex::searchSubtree(std::uint32_t root, double lowerBound, const geo::UnitVector& u, const float query32[3],
                              const Accept& accept, const NearestQuery& query, Candidates& candidates) const {
  const std::int32_t cap = query.openReportsCap;
  const bool dutyOnly = query.onDutyOnly;
  // Subtree minima only matter when a filter is on; without one the search never reads them.
  const std::int32_t* subtreeLoad = dutyOnly ? minLoadOnDuty_.data() : (cap < kNoLoad ? minLoad_.data() : nullptr);
  struct Pending {
    std::uint32_t node;
    double lowerBound;
  };
  Pending stack[64];
  int depth = 0;
  std::uint32_t current = root;
  for (;;) {
    const Node& node = nodes_[current];
    if (lowerBound <= candidates.bound() && (subtreeLoad == nullptr || subtreeLoad[current] < cap)) {
      if (node.count > 0) {
        float distances[kLeafSize];
        leafDistances(node.first, node.count, query32, distances);
        for (std::uint32_t i = 0; i < node.count; ++i) {
          const double d2 = static_cast<double>(distances[i]);
          if (d2 > candidates.bound()) continue;
          const std::uint32_t slot = node.first + i;
          if (subtreeLoad != nullptr && ((dutyOnly && !onDuty_[slot]) || loads_[slot] >= cap)) continue;
          if (accept(ids_[slot])) candidates.offer({d2, ids_[slot], slot});
        }
      } else {
        const std::uint32_t left = current + 1;
        const std::uint32_t right = node.first;
        const double leftBound = boxDistanceSquared(nodes_[left], u);
        const double rightBound = boxDistanceSquared(nodes_[right], u);
        const bool leftFirst = leftBound <= rightBound;
        stack[depth++] = leftFirst ? Pending{right, rightBound} : Pending{left, leftBound};
        current = leftFirst ? left : right;
        lowerBound = leftFirst ? leftBound : rightBound;
        continue;
      }
    }
    if (depth == 0) return;
    --depth;
    current = stack[depth].node;
    lowerBound = stack[depth].lowerBound;
  }
}

template <class Accept>
void PostIndex::search(const NearestQuery& query, const Accept& accept, std::vector<Neighbor>& out) const {
  out.clear();
  if (query.k == 0 || nodes_.empty() || !geo::isValid(query.position) || !(query.maxDistanceKm >= 0.0)) return;
  const geo::UnitVector u = geo::toUnitVector(query.position);
  const float query32[3] = {static_cast<float>(u.x), static_cast<float>(u.y), static_cast<float>(u.z)};
  const double p[3] = {u.x, u.y, u.z};
  Candidates candidates(query.k, widened(geo::chordSquaredForKm(query.maxDistanceKm)));

  // Start where the query would have been filed: down the split planes to a leaf, which usually holds the
  // answer or something close to it. Then back up the path, searching each sibling subtree whose box can
  // still hold something closer. The path and its siblings cover the whole tree, so the answer is exact
  // whatever moves did to the split planes; the planes only make the first guess good.
  std::uint32_t path[64];
  int depth = 0;
  std::uint32_t current = 0;
  while (nodes_[current].count == 0) {
    path[depth++] = current;
    const Node& node = nodes_[current];
    current = p[node.axis] < static_cast<double>(node.split) ? current + 1 : node.first;
  }
  searchSubtree(current, boxDistanceSquared(nodes_[current], u), u, query32, accept, query, candidates);
  while (depth > 0) {
    const std::uint32_t parent = path[--depth];
    const bool siblingIsRight = current == parent + 1;
    const std::uint32_t sibling = siblingIsRight ? nodes_[parent].first : parent + 1;
    current = parent;
    // Most far siblings fail on the parent's split axis alone; the full box distance is for the rest.
    const Node& box = nodes_[sibling];
    const std::uint16_t axis = nodes_[parent].axis;
    const double gap = siblingIsRight ? static_cast<double>(box.min[axis]) - p[axis] : p[axis] - static_cast<double>(box.max[axis]);
    if (gap > 0.0 && gap * gap > candidates.bound()) continue;
    searchSubtree(sibling, boxDistanceSquared(box, u), u, query32, accept, query, candidates);
  }

  const geo::HaversinePoint from = geo::toHaversinePoint(query.position);
  for (const Candidate& c : candidates) {
    const double km = geo::preparedHaversineKm(from, positions_[c.slot]);
    if (km <= query.maxDistanceKm) out.push_back({c.id, km});
  }
  std::sort(out.begin(), out.end(), [](const Neighbor& a, const Neighbor& b) {
    return a.distanceKm < b.distanceKm || (a.distanceKm == b.distanceKm && a.id < b.id);
  });
  if (out.size() > query.k) out.resize(query.k);
}

void PostIndex::nearest(const NearestQuery& query, std::vector<Neighbor>& out) const {
  search(query, [](PostId) { return true; }, out);
}

void PostIndex::nearest(const NearestQuery& query, const std::function<bool(PostId)>& accept,
                        std::vector<Neighbor>& out) const {
  search(query, accept, out);
}

void PostIndex::nearestBatch(const std::vector<geo::LatLon>& positions, const NearestQuery& query,
                             std::vector<Neighbor>& results, std::vector<std::uint32_t>& counts) const {
  results.assign(positions.size() * query.k, Neighbor{});
  counts.assign(positions.size(), 0);
  NearestQuery each = query;
  std::vector<Neighbor> answer;
  answer.reserve(query.k);
  for (std::uint32_t i : spatialOrder(positions)) {
    each.position = positions[i];
    nearest(each, answer);
    std::copy(answer.begin(), answer.end(), results.begin() + static_cast<std::ptrdiff_t>(i * query.k));
    counts[i] = static_cast<std::uint32_t>(answer.size());
  }
}

std::uint32_t PostIndex::slotOf(PostId id) const {
  const auto it = std::lower_bound(slotById_.begin(), slotById_.end(), std::make_pair(id, std::uint32_t{0}));
  return it != slotById_.end() && it->first == id ? it->second : std::numeric_limits<std::uint32_t>::max();
}

bool PostIndex::move(PostId id, const geo::LatLon& position) {
  const std::uint32_t slot = slotOf(id);
  if (slot == std::numeric_limits<std::uint32_t>::max() || !geo::isValid(position)) return false;
  const geo::UnitVector u = geo::toUnitVector(position);
  positions_[slot] = geo::toHaversinePoint(position);
  fx_[slot] = static_cast<float>(u.x);
  fy_[slot] = static_cast<float>(u.y);
  fz_[slot] = static_cast<float>(u.z);
  // The post stays in its leaf; boxes on the way up grow to contain it, so pruning stays exact. A box that
  // already contains it means every ancestor does too.
  const double p[3] = {static_cast<double>(fx_[slot]), static_cast<double>(fy_[slot]), static_cast<double>(fz_[slot])};
  for (std::uint32_t index = leafOf_[slot];;) {
    Node& node = nodes_[index];
    bool grew = false;
    for (int d = 0; d < 3; ++d) {
      if (p[d] < static_cast<double>(node.min[d])) {
        node.min[d] = roundedDown(p[d]);
        grew = true;
      }
      if (p[d] > static_cast<double>(node.max[d])) {
        node.max[d] = roundedUp(p[d]);
        grew = true;
      }
    }
    if (!grew || index == 0) break;
    index = parent_[index];
  }
  return true;
}

bool PostIndex::setOnDuty(PostId id, bool onDuty) {
  const std::uint32_t slot = slotOf(id);
  if (slot == std::numeric_limits<std::uint32_t>::max()) return false;
  onDuty_[slot] = onDuty ? 1 : 0;
  propagateLoads(slot);
  return true;
}

bool PostIndex::setOpenReports(PostId id, std::int32_t openReports) {
  const std::uint32_t slot = slotOf(id);
  if (slot == std::numeric_limits<std::uint32_t>::max()) return false;
  loads_[slot] = openReports;
  propagateLoads(slot);
  return true;
}

std::optional<Post> PostIndex::find(PostId id) const {
  const std::uint32_t slot = slotOf(id);
  if (slot == std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
  return Post{id, {positions_[slot].latDeg, positions_[slot].lonDeg}, onDuty_[slot] != 0, loads_[slot]};
}

double PostIndex::leafExtentSum() const {
  double sum = 0.0;
  for (const Node& node : nodes_) {
    if (node.count == 0) continue;
    for (int d = 0; d < 3; ++d) sum += static_cast<double>(node.max[d]) - static_cast<double>(node.min[d]);
  }
  return sum;
}

double PostIndex::boxGrowth() const {
  return builtLeafExtent_ > 0.0 ? leafExtentSum() / builtLeafExtent_ : 1.0;
}

void PostIndex::rebuild() {
  std::vector<Post> posts;
  posts.reserve(size());
  for (std::size_t slot = 0; slot < size(); ++slot) {
    posts.push_back({ids_[slot], {positions_[slot].latDeg, positions_[slot].lonDeg}, onDuty_[slot] != 0, loads_[slot]});
  }
  // The posts were valid and unique when this index was built, and updates keep them so.
  *this = std::get<PostIndex>(build(posts));
}

void bruteForceNearest(const std::vector<Post>& posts, const NearestQuery& query, std::vector<Neighbor>& out) {
  out.clear();
  if (query.k == 0 || !geo::isValid(query.position)) return;
  for (const Post& post : posts) {
    if ((query.onDutyOnly && !post.onDuty) || post.openReports >= query.openReportsCap) continue;
    const double km = geo::haversineKm(query.position, post.position);
    if (km <= query.maxDistanceKm) out.push_back({post.id, km});
  }
  const auto closer = [](const Neighbor& a, const Neighbor& b) {
    return a.distanceKm < b.distanceKm || (a.distanceKm == b.distanceKm && a.id < b.id);
  };
  const std::size_t k = std::min(query.k, out.size());
  std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k), out.end(), closer);
  out.resize(k);
}

}  // namespace bhabin::match
