#include "core/cluster/cluster_index.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>

#include "core/cluster/radix_sort.h"
#include "core/cluster/web_mercator.h"

namespace bhabin::cluster {

namespace {

constexpr std::uint64_t kLastUnit = 0xFFFFFFFFull;
// A sequential pass over fewer points than this beats splitting them into quadrants with binary searches.
constexpr std::size_t kScanBelow = 64;
// Grid levels with at most 1/kCellsKeptPerPoint as many cells as points keep their cells and the links to
// their children, so a query walks them without searching; those with at most 1/kPositionsStoredPerPoint
// also store each cell's position, computed at build (more would make the build slower than it saves).
constexpr std::size_t kCellsKeptPerPoint = 4;
constexpr std::size_t kPositionsStoredPerPoint = 8;

enum class Overlap { None, Partial, Inside };

struct Interval {
  std::uint64_t lo = 0;
  std::uint64_t hi = 0;  // inclusive
};

// The viewport on the integer grid: one x interval, or two when it crosses the antimeridian.
struct Window {
  std::array<Interval, 2> x;
  int xCount = 0;  // 0: empty viewport
  Interval y;

  bool contains(MercatorPoint p) const {
    if (p.y < y.lo || p.y > y.hi) return false;
    for (int i = 0; i < xCount; ++i) {
      if (p.x >= x[i].lo && p.x <= x[i].hi) return true;
    }
    return false;
  }

  Overlap overlap(const Interval& boxX, const Interval& boxY) const {
    if (boxY.hi < y.lo || boxY.lo > y.hi) return Overlap::None;
    const bool insideY = boxY.lo >= y.lo && boxY.hi <= y.hi;
    bool touches = false;
    for (int i = 0; i < xCount; ++i) {
      if (boxX.hi < x[i].lo || boxX.lo > x[i].hi) continue;
      if (insideY && boxX.lo >= x[i].lo && boxX.hi <= x[i].hi) return Overlap::Inside;
      touches = true;
    }
    return touches ? Overlap::Partial : Overlap::None;
  }
};

// The cells of one grid level that overlap a window and those inside it, as ranges of their columns and rows
// spread to the even and odd bits of a Morton code. Spreading keeps the order, so a cell's code is tested with
// a mask and two comparisons per axis instead of being decoded. Answers as Window::overlap does for the cell.
class LevelCells {
 public:
  LevelCells() = default;  // no cells
  LevelCells(const Window& window, int level) : columnCount_(window.xCount) {
    const int shift = 32 - level;
    rows_ = rangesOf(window.y, shift, [](std::uint64_t row) { return mortonCode({0, static_cast<std::uint32_t>(row)}); });
    for (int i = 0; i < columnCount_; ++i) {
      columns_[i] = rangesOf(window.x[i], shift, [](std::uint64_t column) {
        return mortonCode({static_cast<std::uint32_t>(column), 0});
      });
    }
  }

  Overlap overlap(std::uint64_t cellCode) const {
    constexpr std::uint64_t kColumnBits = 0x5555555555555555ull;
    const std::uint64_t row = cellCode & ~kColumnBits;
    if (!rows_.overlapping.contains(row)) return Overlap::None;
    const bool insideRows = rows_.inside.contains(row);
    const std::uint64_t column = cellCode & kColumnBits;
    bool touches = false;
    for (int i = 0; i < columnCount_; ++i) {
      if (!columns_[i].overlapping.contains(column)) continue;
      if (insideRows && columns_[i].inside.contains(column)) return Overlap::Inside;
      touches = true;
    }
    return touches ? Overlap::Partial : Overlap::None;
  }

 private:
  struct Range {
    std::uint64_t lo = 1;  // the default, lo > hi, holds nothing
    std::uint64_t hi = 0;
    bool contains(std::uint64_t spread) const { return lo <= spread && spread <= hi; }
  };
  struct Ranges {
    Range overlapping;  // cells sharing a unit with the interval
    Range inside;       // cells whose every unit is in the interval
  };

  // The cells of `interval` (grid units) on the level with cells of 2^shift units, spread.
  template <typename Spread>
  static Ranges rangesOf(const Interval& interval, int shift, Spread spread) {
    Ranges ranges;
    ranges.overlapping = {spread(interval.lo >> shift), spread(interval.hi >> shift)};
    const std::uint64_t firstInside = ((interval.lo >> shift) << shift) == interval.lo
                                          ? interval.lo >> shift
                                          : (interval.lo >> shift) + 1;
    const std::uint64_t endInside = (interval.hi + 1) >> shift;  // one past the last cell inside
    if (firstInside < endInside) ranges.inside = {spread(firstInside), spread(endInside - 1)};
    return ranges;
  }

  Ranges rows_;
  std::array<Ranges, 2> columns_;
  int columnCount_ = 0;
};

Window toWindow(const Viewport& v) {
  Window window;
  if (std::isnan(v.southDeg) || std::isnan(v.northDeg) || std::isnan(v.westDeg) || std::isnan(v.eastDeg)) {
    return window;
  }
  window.y = {mercatorY(std::max(v.southDeg, v.northDeg)), mercatorY(std::min(v.southDeg, v.northDeg))};
  double widthDeg = v.eastDeg - v.westDeg;
  if (widthDeg < 0.0) widthDeg += 360.0;  // west > east: the viewport crosses the antimeridian
  // Not below 360 also catches infinite edges (inf - inf is NaN).
  if (!(widthDeg < 360.0)) {
    window.x[0] = {0, kLastUnit};
    window.xCount = 1;
    return window;
  }
  double westDeg = std::fmod(v.westDeg + 180.0, 360.0);
  if (westDeg < 0.0) westDeg += 360.0;
  westDeg -= 180.0;
  const double eastDeg = westDeg + widthDeg;
  const std::uint64_t west = mercatorX(westDeg);
  if (eastDeg <= 180.0) {
    window.x[0] = {west, mercatorX(eastDeg)};
    window.xCount = 1;
  } else {
    window.x[0] = {west, kLastUnit};
    window.x[1] = {0, mercatorX(eastDeg - 360.0)};
    window.xCount = 2;
  }
  return window;
}

// The grid level from which code `b` differs from the preceding code `a` (33 when they are equal): the first
// level at which the two points fall into different cells.
int firstSplitLevel(std::uint64_t a, std::uint64_t b) {
  std::uint64_t differing = a ^ b;
  if (differing == 0) return 33;
  int leadingZeros = 0;
  for (int step = 32; step > 0; step /= 2) {
    if ((differing >> (64 - step)) == 0) leadingZeros += step, differing <<= step;
  }
  return leadingZeros / 2 + 1;
}

std::uint64_t bitsBelowLevel(int level) {
  return level == 0 ? ~std::uint64_t{0} : (std::uint64_t{1} << (64 - 2 * level)) - 1;
}

// The smallest point code in the cell of grid level `level` with Morton code `prefix` (2 * level bits).
std::uint64_t firstCodeIn(int level, std::uint64_t prefix) {
  return level == 0 ? 0 : prefix << (64 - 2 * level);
}

geo::LatLon meanPosition(std::uint64_t sumX, std::uint64_t sumY, std::size_t count) {
  const auto n = static_cast<double>(count);
  // The centre of the mean's grid unit, so a lone point comes back within half a unit of where it was.
  return fromMercator(static_cast<double>(sumX) / n + 0.5, static_cast<double>(sumY) / n + 0.5);
}

}  // namespace

// One query's walk down the quadtree of the sorted codes: a node is the run of codes sharing a prefix. Runs
// inside the viewport are emitted cell by cell, runs outside skipped, and only runs the viewport's edge cuts
// are split further. Down to the deepest kept level the walk follows the kept levels' links from a cell to its
// children; below it, it splits the points of one such cell by binary search.
class ClusterIndex::Walk {
 public:
  Walk(const ClusterIndex& index, const Window& window, int level, Clusters& out)
      : index_(index),
        window_(window),
        level_(level),
        cellsLevel_(std::min(level, static_cast<int>(index.levels_.size()) - 1)),
        // Only a walk below the kept levels tests the query level's cells by their codes.
        levelCells_(level > cellsLevel_ ? LevelCells(window, level) : LevelCells()),
        out_(out) {}

  // Starts at the deepest node holding the whole window: the nodes above it would only be split down to it.
  void run() {
    const Node start = startNode();
    // Down the kept levels to the start node's cell through the links and quadrants (a few bytes per level),
    // then, below them, a search among that cell's points only.
    std::size_t cell = 0;
    for (int level = 0; level < std::min(start.level, cellsLevel_); ++level) {
      const std::size_t quadrant = (start.prefix >> (2 * (start.level - level - 1))) & 3;
      const std::vector<std::uint8_t>& quadrants = index_.levels_[level + 1].quadrant;
      const std::size_t lastChild = index_.levels_[level].child[cell + 1];
      cell = index_.levels_[level].child[cell];
      while (cell < lastChild && quadrants[cell] < quadrant) ++cell;
      if (cell == lastChild || quadrants[cell] != quadrant) return;  // no point in the window's cell
    }
    if (start.level <= cellsLevel_) return visitCell(start, cell);
    const std::vector<std::uint64_t>& codes = index_.codes_;
    auto begin = codes.begin();
    auto end = codes.end();
    if (cellsLevel_ >= 0) {
      const std::vector<std::uint32_t>& cellBegins = index_.levels_[cellsLevel_].begin;
      end = begin + cellBegins[cell + 1];
      begin += cellBegins[cell];
    }
    const std::uint64_t first = firstCodeIn(start.level, start.prefix);
    begin = std::lower_bound(begin, end, first);
    end = std::upper_bound(begin, end, first | bitsBelowLevel(start.level));
    visitPoints(start, static_cast<std::size_t>(begin - codes.begin()), static_cast<std::size_t>(end - codes.begin()));
  }

 private:
  struct Members {
    std::uint64_t sumX = 0;
    std::uint64_t sumY = 0;
    std::size_t count = 0;
    std::uint32_t id = kNoPointId;  // of the last member found; meaningful when count is 1
  };

  // A cell of grid level `level`: its Morton code (2 * level bits) and its column and row.
  struct Node {
    int level = 0;
    std::uint64_t prefix = 0;
    std::uint64_t x = 0;
    std::uint64_t y = 0;

    // Quadrant `child` (0..3) in Morton order: its low bit picks the column, its high bit the row.
    Node child(std::size_t quadrant) const {
      return {level + 1, (prefix << 2) | quadrant, 2 * x + (quadrant & 1), 2 * y + (quadrant >> 1)};
    }
  };

  static Node nodeAt(int level, std::uint64_t prefix) {
    const MercatorPoint cell = fromMortonCode(prefix);
    return {level, prefix, cell.x, cell.y};
  }

  // The deepest node, at most at the query level, whose cell holds the window (the root when the window
  // crosses the antimeridian).
  Node startNode() const {
    if (window_.xCount != 1) return {};
    const std::uint64_t differing = (window_.x[0].lo ^ window_.x[0].hi) | (window_.y.lo ^ window_.y.hi);
    int level = level_;
    while (level > 0 && (differing >> (32 - level)) != 0) --level;
    if (level == 0) return {};
    const int shift = 32 - level;
    const std::uint64_t x = window_.x[0].lo >> shift;
    const std::uint64_t y = window_.y.lo >> shift;
    return {level, mortonCode({static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y)}), x, y};
  }

  // `cell` indexes the kept level node.level <= cellsLevel_.
  void visitCell(const Node& node, std::size_t cell) {
    const Overlap overlap = overlapOf(node);
    if (overlap == Overlap::None) return;
    if (overlap == Overlap::Inside || (node.level == level_ && index_.edgeCells_ == EdgeCells::Whole)) {
      return emitCellsWithin(node.level, cell);
    }
    const Level& cells = index_.levels_[node.level];
    if (node.level == level_) return emitMembersInside(node, cells.begin[cell], cells.begin[cell + 1]);
    if (node.level == cellsLevel_) return visitPoints(node, cells.begin[cell], cells.begin[cell + 1]);
    const std::vector<std::uint8_t>& quadrants = index_.levels_[node.level + 1].quadrant;
    for (std::size_t child = cells.child[cell]; child < cells.child[cell + 1]; ++child) {
      visitCell(node.child(quadrants[child]), child);
    }
  }

  // [begin, end) indexes the points of a node below the deepest kept level the walk uses.
  void visitPoints(const Node& node, std::size_t begin, std::size_t end) {
    if (begin == end) return;
    const Overlap overlap = overlapOf(node);
    if (overlap == Overlap::None) return;
    if (overlap == Overlap::Inside || (node.level == level_ && index_.edgeCells_ == EdgeCells::Whole)) {
      return emitCells(begin, end);
    }
    if (node.level == level_) return emitMembersInside(node, begin, end);
    if (end - begin < kScanBelow) return scanCells(begin, end);
    const auto bounds = childBounds(index_.codes_, node, begin, end);
    for (std::size_t child = 0; child < 4; ++child) visitPoints(node.child(child), bounds[child], bounds[child + 1]);
  }

  // Every query-level cell within cell `cell` of kept level `level`: the stored cells when the query level is
  // kept, otherwise the cells of its points.
  void emitCellsWithin(int level, std::size_t cell) {
    std::size_t begin = cell;
    std::size_t end = cell + 1;
    for (; level < cellsLevel_; ++level) {
      const std::vector<std::uint32_t>& child = index_.levels_[level].child;
      begin = child[begin], end = child[end];
    }
    const Level& cells = index_.levels_[level];
    if (level == level_) return emitStoredCells(cells, begin, end);
    emitCells(cells.begin[begin], cells.begin[end]);
  }

  // The query level's cells among points [begin, end) of a node above that level the viewport's edge cuts,
  // found by stepping through the run: for a short run cheaper than splitting it level by level.
  void scanCells(std::size_t begin, std::size_t end) {
    const std::uint64_t lowBits = bitsBelowLevel(level_);
    const int cellShift = 64 - 2 * level_;  // level_ > 0: the node above it is at level 0 or deeper
    for (std::size_t first = begin; first < end;) {
      const std::size_t next = gallopPast(first, end, index_.codes_[first] | lowBits);
      const std::uint64_t cell = index_.codes_[first] >> cellShift;
      const Overlap overlap = levelCells_.overlap(cell);
      if (overlap == Overlap::Inside || (overlap == Overlap::Partial && index_.edgeCells_ == EdgeCells::Whole)) {
        emitCells(first, next);
      } else if (overlap == Overlap::Partial) {
        emitMembersInside(nodeAt(level_, cell), first, next);
      }
      first = next;
    }
  }

  void emitStoredCells(const Level& cells, std::size_t begin, std::size_t end) {
    const bool positionsStored = !cells.latDeg.empty();
    for (std::size_t cell = begin; cell < end; ++cell) {
      const std::uint32_t first = cells.begin[cell];
      const std::uint32_t next = cells.begin[cell + 1];
      const geo::LatLon at = positionsStored ? geo::LatLon{cells.latDeg[cell], cells.lonDeg[cell]}
                                             : index_.runPosition(first, next);
      emit(at, next - first, index_.ids_[first]);
    }
  }

  // Every cell of the query level within points [begin, end).
  void emitCells(std::size_t begin, std::size_t end) {
    const std::uint64_t lowBits = bitsBelowLevel(level_);
    for (std::size_t first = begin; first < end;) {
      const std::size_t next = gallopPast(first, end, index_.codes_[first] | lowBits);
      emit(index_.runPosition(first, next), next - first, index_.ids_[first]);
      first = next;
    }
  }

  // First index after `known` (whose code is <= last) with a code above `last`, or `end`. Doubling steps
  // first, so a one-point cell costs one comparison and a big cell a logarithm of its size.
  std::size_t gallopPast(std::size_t known, std::size_t end, std::uint64_t last) const {
    const auto& codes = index_.codes_;
    std::size_t step = 1;
    std::size_t probe = known + 1;
    while (probe < end && codes[probe] <= last) {
      known = probe;
      step *= 2;
      probe = known + step;
    }
    const auto from = codes.begin() + static_cast<std::ptrdiff_t>(known + 1);
    const auto to = codes.begin() + static_cast<std::ptrdiff_t>(std::min(probe, end));
    return static_cast<std::size_t>(std::upper_bound(from, to, last) - codes.begin());
  }

  // One cluster of the points inside the viewport of a query-level cell the viewport's edge cuts (Clip).
  void emitMembersInside(const Node& cell, std::size_t begin, std::size_t end) {
    Members members;
    addMembersInside(cell, begin, end, members);
    if (members.count > 0) emit(meanPosition(members.sumX, members.sumY, members.count), members.count, members.id);
  }

  // The members inside the viewport among points [begin, end) of a node the viewport's edge cuts: sub-nodes
  // inside add their sums in O(1), so the cost follows the edge, not the number of points.
  void addMembersInside(const Node& node, std::size_t begin, std::size_t end, Members& members) {
    if (begin == end) return;
    const Overlap overlap = overlapOf(node);
    if (overlap == Overlap::None) return;
    if (overlap == Overlap::Inside) {
      members.sumX += index_.prefixX_[end] - index_.prefixX_[begin];
      members.sumY += index_.prefixY_[end] - index_.prefixY_[begin];
      members.count += end - begin;
      members.id = index_.ids_[begin];
      return;
    }
    if (end - begin < kScanBelow) {
      for (std::size_t i = begin; i < end; ++i) {
        const MercatorPoint p = fromMortonCode(index_.codes_[i]);
        if (!window_.contains(p)) continue;
        members.sumX += p.x, members.sumY += p.y, ++members.count, members.id = index_.ids_[i];
      }
      return;
    }
    // A partial node is never a single grid unit (those are inside or outside), so nodeLevel < 32 here.
    const auto bounds = childBounds(index_.codes_, node, begin, end);
    for (std::size_t child = 0; child < 4; ++child) {
      addMembersInside(node.child(child), bounds[child], bounds[child + 1], members);
    }
  }

  Overlap overlapOf(const Node& node) const {
    const std::uint64_t span = std::uint64_t{1} << (32 - node.level);
    return window_.overlap({node.x * span, node.x * span + span - 1}, {node.y * span, node.y * span + span - 1});
  }

  // Where the four children of a node (level < 32) start and end within its run [begin, end).
  static std::array<std::size_t, 5> childBounds(const std::vector<std::uint64_t>& codes, const Node& node,
                                                std::size_t begin, std::size_t end) {
    const int childShift = 62 - 2 * node.level;
    std::array<std::size_t, 5> bounds{begin, 0, 0, 0, end};
    for (std::size_t child = 1; child < 4; ++child) {
      const std::uint64_t firstCode = ((node.prefix << 2) | child) << childShift;
      bounds[child] = static_cast<std::size_t>(
          std::lower_bound(codes.begin() + static_cast<std::ptrdiff_t>(bounds[child - 1]),
                           codes.begin() + static_cast<std::ptrdiff_t>(end), firstCode) -
          codes.begin());
    }
    return bounds;
  }

  void emit(const geo::LatLon& at, std::size_t count, std::uint32_t firstId) {
    out_.latDeg.push_back(at.latDeg);
    out_.lonDeg.push_back(at.lonDeg);
    out_.count.push_back(static_cast<std::uint32_t>(count));
    out_.id.push_back(count == 1 ? firstId : kNoPointId);
  }

  const ClusterIndex& index_;
  const Window& window_;
  const int level_;
  const int cellsLevel_;  // the deepest kept level the walk uses (the query level at most); -1: none kept
  const LevelCells levelCells_;  // the query level's cells in the window
  Clusters& out_;
};

void Clusters::clear() {
  latDeg.clear();
  lonDeg.clear();
  count.clear();
  id.clear();
}

ClusterIndex::ClusterIndex(ClusterSettings settings) : edgeCells_(settings.edgeCells) {
  assert(settings.radiusPx > 0.0 && settings.tileSizePx > 0.0);
  const double offset = std::round(std::log2(settings.tileSizePx / (2.0 * settings.radiusPx)));
  levelOffset_ = std::isnan(offset) ? 0 : static_cast<int>(std::clamp(offset, -32.0, 32.0));
}

int ClusterIndex::gridLevel(double zoom) const {
  if (std::isnan(zoom)) zoom = 0.0;
  const double level = std::floor(std::clamp(zoom, -64.0, 64.0)) + levelOffset_;
  return static_cast<int>(std::clamp(level, 0.0, 32.0));
}

void ClusterIndex::build(const geo::LatLon* positions, const std::uint32_t* ids, std::size_t count) {
  assert(count < kNoPointId);
  std::vector<std::uint64_t> codes;
  std::vector<std::uint32_t> sortedIds;
  codes.reserve(count);
  sortedIds.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (!geo::isValid(positions[i])) continue;
    codes.push_back(mortonCode(toMercator(positions[i])));
    sortedIds.push_back(ids != nullptr ? ids[i] : static_cast<std::uint32_t>(i));
  }
  radixSort(codes, sortedIds);
  prefixX_.assign(codes.size() + 1, 0);
  prefixY_.assign(codes.size() + 1, 0);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const MercatorPoint p = fromMortonCode(codes[i]);
    prefixX_[i + 1] = prefixX_[i] + p.x;
    prefixY_[i + 1] = prefixY_[i] + p.y;
  }
  codes_ = std::move(codes);
  ids_ = std::move(sortedIds);
  positionCache_ = {};
  buildLevels();
}

void ClusterIndex::buildLevels() {
  levels_.clear();
  const std::size_t n = codes_.size();
  if (n == 0) return;
  // cellsAt[l]: the number of cells of level l, from the level at which each point leaves its predecessor.
  std::vector<std::uint8_t> splitAt(n, 0);
  std::array<std::size_t, 34> cellsAt{};
  for (std::size_t i = 1; i < n; ++i) {
    splitAt[i] = static_cast<std::uint8_t>(firstSplitLevel(codes_[i - 1], codes_[i]));
    ++cellsAt[splitAt[i]];
  }
  cellsAt[0] = 1;
  for (std::size_t l = 1; l < cellsAt.size(); ++l) cellsAt[l] += cellsAt[l - 1];
  int kept = 0;
  while (kept <= 32 && cellsAt[kept] * kCellsKeptPerPoint <= n) ++kept;
  levels_.resize(static_cast<std::size_t>(kept));
  // Each level's cells are the finer level's cells that start a new cell at this level.
  for (int l = kept - 1; l >= 0; --l) {
    Level& level = levels_[l];
    const auto starts = [&](std::uint32_t i) { return i == 0 || splitAt[i] <= l; };
    level.begin.reserve(cellsAt[l] + 1);
    if (l + 1 == kept) {
      for (std::uint32_t i = 0; i < n; ++i) {
        if (starts(i)) level.begin.push_back(i);
      }
    } else {
      const std::vector<std::uint32_t>& finer = levels_[l + 1].begin;
      level.child.reserve(cellsAt[l] + 1);
      for (std::size_t cell = 0; cell + 1 < finer.size(); ++cell) {
        if (!starts(finer[cell])) continue;
        level.begin.push_back(finer[cell]);
        level.child.push_back(static_cast<std::uint32_t>(cell));
      }
      level.child.push_back(static_cast<std::uint32_t>(finer.size() - 1));
    }
    level.quadrant.reserve(level.begin.size());
    const int quadrantShift = 64 - 2 * l;
    for (const std::uint32_t first : level.begin) {
      level.quadrant.push_back(l == 0 ? 0 : static_cast<std::uint8_t>((codes_[first] >> quadrantShift) & 3));
    }
    const bool storePositions = cellsAt[l] * kPositionsStoredPerPoint <= n;
    for (std::size_t cell = 0; storePositions && cell < level.begin.size(); ++cell) {
      const std::uint32_t first = level.begin[cell];
      const std::size_t end = cell + 1 < level.begin.size() ? level.begin[cell + 1] : n;
      const geo::LatLon at = meanPosition(prefixX_[end] - prefixX_[first], prefixY_[end] - prefixY_[first], end - first);
      level.latDeg.push_back(at.latDeg);
      level.lonDeg.push_back(at.lonDeg);
    }
    level.begin.push_back(static_cast<std::uint32_t>(n));
  }
}

geo::LatLon ClusterIndex::runPosition(std::size_t first, std::size_t end) const {
  if (positionCache_.size() != codes_.size()) positionCache_.resize(codes_.size());
  CachedPosition& slot = positionCache_[first];
  if (slot.count != end - first) {
    slot.at = meanPosition(prefixX_[end] - prefixX_[first], prefixY_[end] - prefixY_[first], end - first);
    slot.count = static_cast<std::uint32_t>(end - first);
  }
  return slot.at;
}

void ClusterIndex::query(const Viewport& viewport, double zoom, Clusters& out) const {
  out.clear();
  const Window window = toWindow(viewport);
  if (window.xCount == 0) return;
  Walk(*this, window, gridLevel(zoom), out).run();
}

}  // namespace bhabin::cluster
