#include "core/match/post_index.h"

#include <algorithm>
#include <cmath>

namespace bhabin::match {

namespace {

float roundedDown(double v) {
  float f = static_cast<float>(v);
  return static_cast<double>(f) > v ? std::nextafter(f, -INFINITY) : f;
}

float roundedUp(double v) {
  float f = static_cast<float>(v);
  return static_cast<double>(f) < v ? std::nextafter(f, INFINITY) : f;
}

// nth_element with the axis fixed at compile time: the comparison is the inner loop of the build.
template <class Point>
void medianSplit(std::vector<Point>& points, std::uint32_t begin, std::uint32_t middle, std::uint32_t end, int axis) {
  const auto split = [&](auto less) {
    std::nth_element(points.begin() + begin, points.begin() + middle, points.begin() + end, less);
  };
  switch (axis) {
    case 0: return split([](const Point& a, const Point& b) { return a.c[0] < b.c[0]; });
    case 1: return split([](const Point& a, const Point& b) { return a.c[1] < b.c[1]; });
    default: return split([](const Point& a, const Point& b) { return a.c[2] < b.c[2]; });
  }
}

// Below this many points a split is an exact median (nth_element); above it, a partition around the median
// of a sample.
constexpr std::uint32_t kExactMedianBelow = 128;
constexpr std::uint32_t kSampleSize = 63;

// Reorders [begin, end) so that the points before the returned index lie below `split` on `axis` and the
// rest at or above it, with both sides non-empty and within 3/8 .. 5/8 of the range, so the depth stays
// logarithmic (the search's stack holds one entry per level). A partition around the median of a sample
// reads and moves each point once, where nth_element makes two or three passes: it is most of the build.
// When the sample misleads (many equal coordinates, a skewed order), the exact median is the fallback.
template <class Point>
std::uint32_t splitNearMedian(std::vector<Point>& points, std::uint32_t begin, std::uint32_t end, int axis,
                              float& split) {
  const std::uint32_t n = end - begin;
  if (n >= kExactMedianBelow) {
    float sample[kSampleSize];
    for (std::uint32_t i = 0; i < kSampleSize; ++i) {
      const auto offset = static_cast<std::uint32_t>((std::uint64_t{2 * i + 1} * n) / (2 * kSampleSize));
      sample[i] = points[begin + offset].c[axis];
    }
    std::nth_element(sample, sample + kSampleSize / 2, sample + kSampleSize);
    const float pivot = sample[kSampleSize / 2];
    const auto middle = std::partition(points.begin() + begin, points.begin() + end,
                                       [axis, pivot](const Point& p) { return p.c[axis] < pivot; });
    const auto left = static_cast<std::uint32_t>(middle - (points.begin() + begin));
    if (left >= n / 8 * 3 && n - left >= n / 8 * 3) {
      split = pivot;
      return begin + left;
    }
  }
  const std::uint32_t middle = begin + n / 2;
  medianSplit(points, begin, middle, end, axis);
  split = points[middle].c[axis];
  return middle;
}

}  // namespace

std::variant<PostIndex, BuildError> PostIndex::build(const std::vector<Post>& posts) {
  if (posts.size() >= std::numeric_limits<std::uint32_t>::max()) return BuildError{0, "too many posts for one index"};
  std::vector<std::pair<PostId, std::uint32_t>> byId;
  byId.reserve(posts.size());
  for (std::size_t i = 0; i < posts.size(); ++i) {
    if (!geo::isValid(posts[i].position)) {
      return BuildError{i, "post " + std::to_string(posts[i].id) + " has an invalid position"};
    }
    if (posts[i].openReports < 0 || posts[i].openReports >= kNoLoad) {
      return BuildError{i, "post " + std::to_string(posts[i].id) + " has an invalid number of open reports"};
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
  float lo[3] = {INFINITY, INFINITY, INFINITY};
  float hi[3] = {-INFINITY, -INFINITY, -INFINITY};
  for (std::size_t i = 0; i < n; ++i) {
    const geo::UnitVector u = geo::toUnitVector(posts[i].position);
    points[i] = {{static_cast<float>(u.x), static_cast<float>(u.y), static_cast<float>(u.z)}, static_cast<std::uint32_t>(i)};
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
  index.grid_.build(index.positions_, index.ids_, index.fx_, index.fy_, index.fz_);
  return index;
}

std::uint32_t PostIndex::buildNode(std::uint32_t begin, std::uint32_t end, std::uint32_t parent,
                                   std::vector<BuildPoint>& points, const float lo[3], const float hi[3]) {
  const auto self = static_cast<std::uint32_t>(nodes_.size());
  nodes_.emplace_back();
  parent_.push_back(parent);
  if (end - begin <= kLeafSize) {
    nodes_[self].first = begin;
    nodes_[self].count = static_cast<std::uint16_t>(end - begin);
    return self;
  }
  // Split the widest side of the region near the median: balanced depth, boxes close to cubes. The region
  // (the parent's, cut at its split) is enough to choose the side; tight boxes are computed afterwards.
  int axis = 0;
  for (int d = 1; d < 3; ++d) {
    if (hi[d] - lo[d] > hi[axis] - lo[axis]) axis = d;
  }
  float split = 0.0f;
  const std::uint32_t middle = splitNearMedian(points, begin, end, axis, split);
  nodes_[self].axis = static_cast<std::uint16_t>(axis);
  nodes_[self].split = split;
  float leftHi[3] = {hi[0], hi[1], hi[2]};
  float rightLo[3] = {lo[0], lo[1], lo[2]};
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
      float lo[3] = {INFINITY, INFINITY, INFINITY};
      float hi[3] = {-INFINITY, -INFINITY, -INFINITY};
      for (std::uint32_t slot = node.first; slot < node.first + node.count; ++slot) {
        for (int d = 0; d < 3; ++d) {
          lo[d] = std::min(lo[d], points[slot].c[d]);
          hi[d] = std::max(hi[d], points[slot].c[d]);
        }
      }
      std::copy(lo, lo + 3, node.min);
      std::copy(hi, hi + 3, node.max);
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
    fx_[slot] = points[slot].c[0];
    fy_[slot] = points[slot].c[1];
    fz_[slot] = points[slot].c[2];
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
  grid_.moved(slot, positions_[slot], fx_[slot], fy_[slot], fz_[slot]);
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
  // max() marks "no eligible post" in the subtree minima, so no real load may take that value.
  if (slot == std::numeric_limits<std::uint32_t>::max() || openReports < 0 || openReports >= kNoLoad) return false;
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

bool PostIndex::worthRebuilding() const {
  // A rebuild costs a few milliseconds per 10,000 posts; once moves have stretched the boxes this much,
  // queries lose more than that.
  constexpr double kRebuildAtBoxGrowth = 2.0;
  return boxGrowth() > kRebuildAtBoxGrowth || grid_.overflowing();
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

}  // namespace bhabin::match
