// The queries of PostIndex: the descent to the query's leaf, the walk back up through sibling subtrees,
// and the exact final ordering by haversine distance and id.
#include <algorithm>
#include <cmath>

#include "core/geo/haversine.h"
#include "core/match/batch_order.h"
#include "core/match/post_index.h"

namespace bhabin::match {

namespace {

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

// Asks the memory system for a line ahead of its use; a hint only, so compilers without it lose nothing.
inline void prefetch(const void* address) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(address);
#else
  (void)address;
#endif
}

struct Candidate {
  double chordSquared;
  PostId id;
  std::uint32_t slot;  // the post's slot in the index, or its entry in the grid
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

  // Empties the list but keeps the bound: what the cleared candidates proved (k posts this near) still holds.
  void clearKeepingBound() {
    size_ = 0;
    limit_ = bound_;
  }

  void offer(const Candidate& c) {
    if (size_ == k_ + kExtra && !before(c, items_[size_ - 1])) return;
    std::size_t at = size_ < k_ + kExtra ? size_++ : size_ - 1;
    while (at > 0 && before(c, items_[at - 1])) {
      items_[at] = items_[at - 1];
      --at;
    }
    items_[at] = c;
    // Only a newcomer among the k best moves the k-th, and with it the bound (a square root).
    if (size_ < k_ || at >= k_) return;
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

template <class Candidates>
bool PostIndex::searchGrid(const geo::HaversinePoint& from, const float query32[3], Candidates& candidates) const {
  PostGrid::Cells cells;
  if (!grid_.cellsAround(from, cells)) return false;
  const PostGrid::Entry* const entries = grid_.entries();
  // The answer's positions (for the haversine at the end) lie in the same runs as the entries: fetch them
  // alongside instead of after the scan.
  for (std::uint32_t row = cells.row0; row <= cells.row1; ++row) {
    const char* first = reinterpret_cast<const char*>(grid_.positions() + (grid_.runBegin(row, cells.column0) - entries));
    const char* last = reinterpret_cast<const char*>(grid_.positions() + (grid_.runEnd(row, cells.column1) - entries));
    for (const char* line = first; line < last; line += 64) prefetch(line);
  }
  const auto offer = [&](const PostGrid::Entry& entry, std::uint32_t at) {
    const float dx = entry.x - query32[0];
    const float dy = entry.y - query32[1];
    const float dz = entry.z - query32[2];
    const double d2 = static_cast<double>(dx * dx + dy * dy + dz * dz);
    if (d2 <= candidates.bound()) candidates.offer({d2, entry.id, at});
  };
  const auto offerRun = [&](std::uint32_t row, std::uint32_t column0, std::uint32_t column1) {
    const PostGrid::Entry* end = grid_.runEnd(row, column1);
    for (const PostGrid::Entry* entry = grid_.runBegin(row, column0); entry != end; ++entry) {
      offer(*entry, static_cast<std::uint32_t>(entry - entries));
    }
  };
  // The query's own row first: its posts are the likeliest answer, and once they set the bound most of the
  // other rows' posts fail it without reordering the candidates.
  for (const std::uint32_t row : {cells.row0 + 1, cells.row0, cells.row1}) offerRun(row, cells.column0, cells.column1);
  for (const PostGrid::MovedPost& moved : grid_.movedOut()) offer(moved.now, moved.entry);
  // Growing the cells past the edges the k-th candidate's margin crosses usually settles it with a few more
  // posts, where the tree walk costs a microsecond.
  for (std::uint32_t growths = 0;; ++growths) {
    const PostGrid::EdgeBounds edges = grid_.edgeBounds(from, cells);
    const double bound = candidates.bound();
    const bool south = edges.south < bound, north = edges.north < bound;
    const bool west = edges.west < bound, east = edges.east < bound;
    if (!(south || north || west || east)) return true;
    const PostGrid::Cells previous = cells;
    if (growths == PostGrid::kMaxGrowths || !grid_.grow(cells, south, north, west, east)) return false;
    // New rows span the new width (corners included); new columns only the old rows.
    if (south) offerRun(cells.row0, cells.column0, cells.column1);
    if (north) offerRun(cells.row1, cells.column0, cells.column1);
    for (std::uint32_t row = previous.row0; row <= previous.row1 && (west || east); ++row) {
      if (west) offerRun(row, cells.column0, cells.column0);
      if (east) offerRun(row, cells.column1, cells.column1);
    }
  }
}

template <class Accept>
void PostIndex::search(const NearestQuery& query, const Accept& accept, bool acceptsAll, std::vector<Neighbor>& out,
                       std::uint32_t& startLeaf) const {
  out.clear();
  if (query.k == 0 || nodes_.empty() || !geo::isValid(query.position) || !(query.maxDistanceKm >= 0.0)) return;
  const geo::UnitVector u = geo::toUnitVector(query.position);
  const float query32[3] = {static_cast<float>(u.x), static_cast<float>(u.y), static_cast<float>(u.z)};
  const geo::HaversinePoint from = geo::toHaversinePoint(query.position);
  Candidates candidates(query.k, widened(geo::chordSquaredForKm(query.maxDistanceKm)));
  const bool filtered = !acceptsAll || query.onDutyOnly || query.openReportsCap < kNoLoad;
  // Candidates from the grid name their post by grid entry, those from the tree by slot.
  const geo::HaversinePoint* positions = grid_.positions();
  if (filtered || !searchGrid(from, query32, candidates)) {
    // The tree search offers the grid's posts again; starting from their bound it prunes from the first leaf.
    candidates.clearKeepingBound();
    searchTree(query, accept, u, query32, candidates, startLeaf);
    positions = positions_.data();
  }
  for (const Candidate& c : candidates) {
    const double km = geo::preparedHaversineKm(from, positions[c.slot]);
    if (km <= query.maxDistanceKm) out.push_back({c.id, km});
  }
  std::sort(out.begin(), out.end(), nearerThan);
  if (out.size() > query.k) out.resize(query.k);
}

template <class Accept, class Candidates>
void PostIndex::searchTree(const NearestQuery& query, const Accept& accept, const geo::UnitVector& u,
                           const float query32[3], Candidates& candidates, std::uint32_t& startLeaf) const {
  const double p[3] = {u.x, u.y, u.z};
  // Start where the query would have been filed: the hinted leaf when the query lies in its box (the last
  // leaf of the previous query in a batch, usually the same one), else down the split planes to a leaf. It
  // usually holds the answer or something close to it. Then up through the ancestors, searching each
  // sibling subtree whose box can still hold something closer. A leaf and the siblings of its ancestors
  // cover the whole tree, so the answer is exact whatever leaf the search starts from and whatever moves
  // did to the split planes; the hint and the planes only make the first guess good.
  std::uint32_t current = startLeaf;
  if (current >= nodes_.size() || nodes_[current].count == 0 || boxDistanceSquared(nodes_[current], u) > 0.0) {
    current = 0;
    while (nodes_[current].count == 0) {
      const Node& node = nodes_[current];
      current = p[node.axis] < static_cast<double>(node.split) ? current + 1 : node.first;
    }
  }
  startLeaf = current;
  searchSubtree(current, boxDistanceSquared(nodes_[current], u), u, query32, accept, query, candidates);
  // The first leaf's best posts are usually the answer, and their positions (for the haversine at the end)
  // are a cache miss for a random query: fetch them while the walk up checks the siblings.
  for (const Candidate& c : candidates) prefetch(&positions_[c.slot]);
  while (current != 0) {
    const std::uint32_t parent = parent_[current];
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
}

void PostIndex::nearest(const NearestQuery& query, std::vector<Neighbor>& out) const {
  std::uint32_t noHint = kNoLeaf;
  search(query, [](PostId) { return true; }, true, out, noHint);
}

void PostIndex::nearest(const NearestQuery& query, const std::function<bool(PostId)>& accept,
                        std::vector<Neighbor>& out) const {
  std::uint32_t noHint = kNoLeaf;
  search(query, accept, false, out, noHint);
}

void PostIndex::nearestBatch(const std::vector<geo::LatLon>& positions, const NearestQuery& query,
                             std::vector<Neighbor>& results, std::vector<std::uint32_t>& counts) const {
  const std::size_t k = query.k;
  const std::vector<std::uint32_t> order = spatialOrder(positions);
  // Reading the positions and writing the answers in spatial order means one random access per query on
  // each side; done in loops of their own, those accesses overlap instead of stalling every search.
  std::vector<geo::LatLon> inOrder(order.size());
  for (std::size_t j = 0; j < order.size(); ++j) inOrder[j] = positions[order[j]];
  std::vector<Neighbor> answersInOrder(order.size() * k);
  std::vector<std::uint32_t> countsInOrder(order.size());
  NearestQuery each = query;
  std::vector<Neighbor> answer;
  answer.reserve(k);
  std::uint32_t previousLeaf = kNoLeaf;
  for (std::size_t j = 0; j < inOrder.size(); ++j) {
    each.position = inOrder[j];
    search(each, [](PostId) { return true; }, true, answer, previousLeaf);
    std::copy(answer.begin(), answer.end(), answersInOrder.begin() + static_cast<std::ptrdiff_t>(j * k));
    countsInOrder[j] = static_cast<std::uint32_t>(answer.size());
  }
  // Only each query's first counts[i] slots are defined, so a reused vector keeps its old contents.
  results.resize(positions.size() * k);
  counts.resize(positions.size());
  for (std::size_t j = 0; j < order.size(); ++j) {
    const std::size_t i = order[j];
    counts[i] = countsInOrder[j];
    std::copy_n(answersInOrder.begin() + static_cast<std::ptrdiff_t>(j * k), countsInOrder[j],
                results.begin() + static_cast<std::ptrdiff_t>(i * k));
  }
}

}  // namespace bhabin::match
