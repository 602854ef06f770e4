// The nearest-officer index: k nearest officer posts to a position by great-circle distance, exact (the same
// answer as a brute-force haversine scan, ties broken by id), with on-duty and load filters, and live updates
// (moves, duty changes, load changes) visible to the next query without a rebuild.
//
// Contract
// - Distances are haversine kilometres on a sphere of geo::kEarthRadiusKm, computed by geo::haversineKm.
// - Results are sorted by (distanceKm, id) ascending; `out` is cleared and refilled (caller-owned, so a
//   caller running many queries reuses its capacity).
// - Ids are unique per index; positions must be geo::isValid; loads 0 .. max() - 1. build() reports violations
//   instead of throwing.
// - Not thread-safe for writers: updates and queries must not overlap (the browser and each request handler
//   own their index; the server serialises updates).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/geo/haversine.h"
#include "core/geo/lat_lon.h"
#include "core/geo/unit_vector.h"
#include "core/match/post_grid.h"

namespace bhabin::match {

using PostId = std::uint32_t;

struct Post {
  PostId id = 0;
  geo::LatLon position;
  bool onDuty = true;
  std::int32_t openReports = 0;  // reports assigned and not yet closed: the officer's load, 0 .. max() - 1
};

struct NearestQuery {
  geo::LatLon position;
  std::size_t k = 5;  // how many posts at most; 0 gives an empty answer
  double maxDistanceKm = std::numeric_limits<double>::infinity();  // inclusive
  bool onDutyOnly = false;
  // Posts whose open load has reached this cap are skipped ("at the cap" means openReports >= cap).
  std::int32_t openReportsCap = std::numeric_limits<std::int32_t>::max();
};

struct Neighbor {
  PostId id = 0;
  double distanceKm = 0.0;
};

inline bool operator==(const Neighbor& a, const Neighbor& b) { return a.id == b.id && a.distanceKm == b.distanceKm; }

// The order of every answer, the index's and the brute-force reference's alike: distance, then id.
inline bool nearerThan(const Neighbor& a, const Neighbor& b) {
  return a.distanceKm < b.distanceKm || (a.distanceKm == b.distanceKm && a.id < b.id);
}

struct BuildError {
  std::size_t index = 0;  // position of the offending post in the input
  std::string message;    // English, for logs and the command-line tool
};

class PostIndex {
 public:
  // Builds the index; O(n log n). Fails on an invalid position or a repeated id, naming the first one.
  static std::variant<PostIndex, BuildError> build(const std::vector<Post>& posts);

  PostIndex() = default;

  std::size_t size() const { return ids_.size(); }

  void nearest(const NearestQuery& query, std::vector<Neighbor>& out) const;
  // As above, additionally skipping posts for which `accept(id)` is false.
  void nearest(const NearestQuery& query, const std::function<bool(PostId)>& accept, std::vector<Neighbor>& out) const;

  // Answers one query per position, all with the other settings of `query`, into flat caller-owned arrays:
  // the answer for positions[i] is results[i * k .. i * k + counts[i]), as nearest() would give it (the
  // rest of its k slots is unspecified).
  // Queries run in spatialOrder() so memory is read in runs: for thousands of queries this is the fast way.
  void nearestBatch(const std::vector<geo::LatLon>& positions, const NearestQuery& query,
                    std::vector<Neighbor>& results, std::vector<std::uint32_t>& counts) const;

  // Live updates; each returns false (and changes nothing) for an unknown id, an invalid position or load.
  bool move(PostId id, const geo::LatLon& position);
  bool setOnDuty(PostId id, bool onDuty);
  bool setOpenReports(PostId id, std::int32_t openReports);

  // The post's current state, or nothing for an unknown id.
  std::optional<Post> find(PostId id) const;

  // Moves only ever grow the bounding boxes they leave: how much they grew, relative to the boxes built for
  // the current positions (1.0 = as built). One of the two signs worthRebuilding() reads.
  double boxGrowth() const;
  // Whether moves have cost queries enough for a rebuild() to pay off: the boxes doubled, or so many posts
  // left their grid cells that every query walks the tree.
  bool worthRebuilding() const;
  void rebuild();

 private:
  // Leaves of 32-64 posts: about 4,000 nodes for the country, so the tree stays in cache, and leaf scans
  // long enough to vectorise. Since the grid answers most unfiltered queries, the tree serves filtered ones
  // and the grid's misses, where 64 was as fast as 32 and one level fewer makes the build 12 % faster
  // (128 made filtered k=5 queries 8 % slower).
  static constexpr std::uint32_t kLeafSize = 64;
  static constexpr std::int32_t kNoLoad = std::numeric_limits<std::int32_t>::max();
  static constexpr std::uint32_t kNoLeaf = std::numeric_limits<std::uint32_t>::max();

  // 36 bytes: only what the search reads. Boxes always contain the float coordinates of the posts below
  // them: fitted to them when built, grown by moves (rounded outwards); the split plane only guides the first
  // descent.
  struct Node {
    float min[3];
    float max[3];
    float split = 0.0f;       // internal node: posts below `split` on `axis` went left when built
    std::uint32_t first = 0;  // internal node: index of the right child (the left is the next node); leaf: first slot
    std::uint16_t count = 0;  // leaf: number of posts (> 0); internal node: 0
    std::uint16_t axis = 0;   // internal node: 0 = x, 1 = y, 2 = z
  };

  // Squared chords from the float query to the `count` posts from slot `first`, into `out`.
  void leafDistances(std::uint32_t first, std::uint32_t count, const float query[3], float* out) const;
  template <class Accept, class Candidates>
  void searchSubtree(std::uint32_t root, double lowerBound, const geo::UnitVector& u, const float query32[3],
                     const Accept& accept, const NearestQuery& query, Candidates& candidates) const;
  // `startLeaf`: a leaf to try first (kNoLeaf for none); set to the leaf the search started from.
  // The k nearest from the grid's cells around the query; false when those cells cannot prove them (the
  // candidates are then partial and must be discarded, keeping only their bound).
  template <class Candidates>
  bool searchGrid(const geo::HaversinePoint& from, const float query32[3], Candidates& candidates) const;
  // Down to a leaf (the hinted one when the query lies in its box), then up through the ancestors' siblings.
  template <class Accept, class Candidates>
  void searchTree(const NearestQuery& query, const Accept& accept, const geo::UnitVector& u, const float query32[3],
                  Candidates& candidates, std::uint32_t& startLeaf) const;
  // `acceptsAll`: `accept` takes every post, so only the query's own filters apply.
  template <class Accept>
  void search(const NearestQuery& query, const Accept& accept, bool acceptsAll, std::vector<Neighbor>& out,
              std::uint32_t& startLeaf) const;
  // 16 bytes, so the median splits move half the memory doubles would. The floats are the very coordinates
  // the search reads, so boxes fitted to them contain what is searched (as after a move).
  struct BuildPoint {
    float c[3];           // unit vector
    std::uint32_t input;  // index in the posts given to build()
  };
  std::uint32_t buildNode(std::uint32_t begin, std::uint32_t end, std::uint32_t parent, std::vector<BuildPoint>& points,
                          const float lo[3], const float hi[3]);
  void fitBoxes(const std::vector<BuildPoint>& points);
  void placeInTreeOrder(const std::vector<Post>& posts, const std::vector<BuildPoint>& points,
                        const std::vector<std::pair<PostId, std::uint32_t>>& byId);
  // Recomputes a node's load minima from its posts (leaf) or children; true when they changed.
  bool recomputeLoads(std::uint32_t node);
  void propagateLoads(std::uint32_t slot);
  double leafExtentSum() const;
  std::uint32_t slotOf(PostId id) const;

  std::vector<Node> nodes_;
  std::vector<std::uint32_t> parent_;            // per node
  std::vector<std::int32_t> minLoad_;            // per node: lowest openReports below it
  std::vector<std::int32_t> minLoadOnDuty_;      // per node: the same over on-duty posts; max() when none
  // What the search reads of a post, in tree order (slot) so a leaf's posts are contiguous: unit vectors as
  // floats, one array per axis so a leaf's distances compute in a loop the compiler vectorises. Floats halve
  // the memory a query touches; the candidate margin absorbs their rounding.
  std::vector<float> fx_, fy_, fz_;
  std::vector<PostId> ids_;
  std::vector<std::int32_t> loads_;
  std::vector<std::uint8_t> onDuty_;
  std::vector<geo::HaversinePoint> positions_;
  std::vector<std::uint32_t> leafOf_;                        // slot -> leaf node
  std::vector<std::pair<PostId, std::uint32_t>> slotById_;   // sorted by id
  double builtLeafExtent_ = 0.0;  // sum of the leaves' box extents right after the build
  PostGrid grid_;
};

// The reference answer: every post's haversine distance, sorted. O(n) per query; for tests and benchmarks.
void bruteForceNearest(const std::vector<Post>& posts, const NearestQuery& query, std::vector<Neighbor>& out);

}  // namespace bhabin::match
