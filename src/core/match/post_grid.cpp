#include "core/match/post_grid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bhabin::match {

namespace {

// Posts per cell around a typical post. The 3 x 3 cells around a query then hold about nine times that,
// which with at most two growths proves all but 0.2 % of nearest posts and 2.6 % of fifth-nearest on the
// national data (cells of about 3.9 km in Java); 1.0 to 2.0 posts per cell measured the same within noise,
// 3 and more were slower.
constexpr double kPostsPerCell = 1.5;
// The density is estimated on a coarse grid of this many cells per side over the posts' extent.
constexpr int kDensityCells = 64;
// Never more cells than this many per post (the extent of a scattered set is mostly empty), and never
// cells so small that rounding of degrees matters, or so large that the cells a query reads (3 plus
// 2 * kMaxGrowths across) span 180 degrees of longitude, which the edge bounds assume they do not.
constexpr std::size_t kMaxCellsPerPost = 8;
constexpr double kMinCellDeg = 1e-4;
constexpr double kMaxCellDeg = 20.0;

// The float unit vectors the search compares are within 2.1e-7 + 2e-7 * chord of the true chord (see the
// margin in post_index_search.cpp); the bounds on the posts beyond an edge are lowered by more than that.
constexpr double kOutsideMarginAbsolute = 5e-7;
constexpr double kOutsideMarginRelative = 4e-7;

struct Extent {
  double south = INFINITY, north = -INFINITY, west = INFINITY, east = -INFINITY;
};

Extent extentOf(const std::vector<geo::HaversinePoint>& positions) {
  Extent e;
  for (const geo::HaversinePoint& p : positions) {
    e.south = std::min(e.south, p.latDeg);
    e.north = std::max(e.north, p.latDeg);
    e.west = std::min(e.west, p.lonDeg);
    e.east = std::max(e.east, p.lonDeg);
  }
  return e;
}

// Posts per square degree of latitude around a typical post: the density of each coarse cell, weighted by
// the posts in it, so empty sea and a few remote posts do not water it down.
double typicalDensity(const std::vector<geo::HaversinePoint>& positions, const Extent& e, double cosMid) {
  const double latSpan = std::max(e.north - e.south, kMinCellDeg);
  const double lonSpan = std::max(e.east - e.west, kMinCellDeg);
  std::vector<std::uint32_t> counts(kDensityCells * kDensityCells, 0);
  for (const geo::HaversinePoint& p : positions) {
    const int row = std::min(kDensityCells - 1, static_cast<int>((p.latDeg - e.south) / latSpan * kDensityCells));
    const int column = std::min(kDensityCells - 1, static_cast<int>((p.lonDeg - e.west) / lonSpan * kDensityCells));
    ++counts[static_cast<std::size_t>(row * kDensityCells + column)];
  }
  double sumOfSquares = 0.0;
  for (std::uint32_t count : counts) sumOfSquares += static_cast<double>(count) * count;
  const double coarseArea = latSpan / kDensityCells * (lonSpan / kDensityCells) * cosMid;
  return sumOfSquares / (static_cast<double>(positions.size()) * coarseArea);
}

// sin(x) >= x - x^3/6 and chord = 2 sin(angle / 2) >= angle - angle^3/24, for the angles of the cells a query reads.
double sinBelow(double x) { return x - x * x * x / 6.0; }
double chordBelow(double angle) { return angle - angle * angle * angle / 24.0; }

}  // namespace

void PostGrid::build(const std::vector<geo::HaversinePoint>& positions, const std::vector<std::uint32_t>& ids,
                     const std::vector<float>& x, const std::vector<float>& y, const std::vector<float>& z) {
  *this = PostGrid();
  const std::size_t n = positions.size();
  if (n == 0) return;
  const Extent e = extentOf(positions);
  const double cosMid = std::max(0.05, std::cos((e.south + e.north) / 2.0 * geo::kRadiansPerDegree));
  double cellLat = std::max(kMinCellDeg, std::sqrt(kPostsPerCell / typicalDensity(positions, e, cosMid)));
  const auto cellsFor = [&](double side) {
    return ((e.north - e.south) / side + 3.0) * ((e.east - e.west) * cosMid / side + 3.0);
  };
  const double maxCells = static_cast<double>(std::max<std::size_t>(kMaxCellsPerPost * n, 1024));
  if (cellsFor(cellLat) > maxCells) cellLat *= std::sqrt(cellsFor(cellLat) / maxCells);
  while (cellsFor(cellLat) > maxCells) cellLat *= 1.1;  // the padding rows and columns, for tiny sets
  if (cellLat / cosMid > kMaxCellDeg) return;

  cellLatDeg_ = cellLat;
  cellLonDeg_ = cellLat / cosMid;
  rowsPerDeg_ = 1.0 / cellLatDeg_;
  columnsPerDeg_ = 1.0 / cellLonDeg_;
  // Half a cell more than the empty row and column, so rounding never files a post on the edge.
  southDeg_ = e.south - 1.5 * cellLatDeg_;
  westDeg_ = e.west - 1.5 * cellLonDeg_;
  rows_ = static_cast<std::uint32_t>((e.north - southDeg_) * rowsPerDeg_) + 2;
  columns_ = static_cast<std::uint32_t>((e.east - westDeg_) * columnsPerDeg_) + 2;

  // A counting sort by cell: counts, running totals, then each post placed at its cell's end, walking
  // backwards so that each cell keeps the index's (spatially coherent) slot order.
  const std::size_t cells = static_cast<std::size_t>(rows_) * columns_;
  cellBegin_.assign(cells + 1, 0);
  cellOfSlot_.resize(n);
  for (std::size_t slot = 0; slot < n; ++slot) {
    std::uint32_t row = 0, column = 0;
    if (!cellOf(positions[slot].latDeg, positions[slot].lonDeg, row, column)) {
      *this = PostGrid();  // cannot happen for valid positions; without a grid every query walks the tree
      return;
    }
    cellOfSlot_[slot] = row * columns_ + column;
    ++cellBegin_[cellOfSlot_[slot]];
  }
  std::uint32_t total = 0;
  for (std::size_t cell = 0; cell < cells; ++cell) {
    total += cellBegin_[cell];
    cellBegin_[cell] = total;
  }
  cellBegin_[cells] = total;
  entries_.resize(n);
  positions_.resize(n);
  entryOf_.resize(n);
  for (std::size_t slot = n; slot-- > 0;) {
    const std::uint32_t at = --cellBegin_[cellOfSlot_[slot]];
    entries_[at] = {x[slot], y[slot], z[slot], ids[slot]};
    positions_[at] = positions[slot];
    entryOf_[slot] = at;
  }
}

bool PostGrid::cellOf(double latDeg, double lonDeg, std::uint32_t& row, std::uint32_t& column) const {
  const double r = std::floor((latDeg - southDeg_) * rowsPerDeg_);
  const double c = std::floor((lonDeg - westDeg_) * columnsPerDeg_);
  // Not "r < 1 || ..." so that NaN falls outside too.
  if (!(r >= 1.0 && r <= rows_ - 2.0 && c >= 1.0 && c <= columns_ - 2.0)) {
    return false;
  }
  row = static_cast<std::uint32_t>(r);
  column = static_cast<std::uint32_t>(c);
  return true;
}

bool PostGrid::cellsAround(const geo::HaversinePoint& position, Cells& cells) const {
  std::uint32_t row = 0, column = 0;
  if (entries_.empty() || overflowing() || !cellOf(position.latDeg, position.lonDeg, row, column)) return false;
  cells = {row - 1, row + 1, column - 1, column + 1};
  return true;
}

bool PostGrid::grow(Cells& cells, bool south, bool north, bool west, bool east) const {
  if ((south && cells.row0 == 0) || (north && cells.row1 + 1 >= rows_) || (west && cells.column0 == 0) ||
      (east && cells.column1 + 1 >= columns_)) {
    return false;
  }
  cells = {cells.row0 - south, cells.row1 + north, cells.column0 - west, cells.column1 + east};
  return true;
}

// Anything filed beyond a latitude edge is at least the latitude difference away. Anything filed beyond a
// longitude edge lies on the far side of the meridian plane through it, or (when it wrapped round the
// antimeridian) through the opposite edge, as long as the cells span less than 180 degrees; so it is at
// least as far as that plane.
PostGrid::EdgeBounds PostGrid::edgeBounds(const geo::HaversinePoint& position, const Cells& cells) const {
  const auto chordSquaredFor = [](double angle) {
    const double below = chordBelow(std::max(angle, 0.0));
    const double chord = below - (kOutsideMarginAbsolute + kOutsideMarginRelative * below);
    return chord > 0.0 ? chord * chord : 0.0;
  };
  const auto meridianAngle = [&position](double gapDeg) {
    return position.cosLat * sinBelow(gapDeg * geo::kRadiansPerDegree);
  };
  const double south = southDeg_ + cells.row0 * cellLatDeg_;
  const double north = southDeg_ + (cells.row1 + 1.0) * cellLatDeg_;
  // Longitudes wrap at ±180: cells reaching past that edge do not hold the posts just across it.
  const double west = std::max(westDeg_ + cells.column0 * cellLonDeg_, -180.0);
  const double east = std::min(westDeg_ + (cells.column1 + 1.0) * cellLonDeg_, 180.0);
  return {chordSquaredFor((position.latDeg - south) * geo::kRadiansPerDegree),
          chordSquaredFor((north - position.latDeg) * geo::kRadiansPerDegree),
          chordSquaredFor(meridianAngle(position.lonDeg - west)),
          chordSquaredFor(meridianAngle(east - position.lonDeg))};
}

void PostGrid::moved(std::uint32_t slot, const geo::HaversinePoint& position, float x, float y, float z) {
  if (entries_.empty()) return;
  const std::uint32_t at = entryOf_[slot];
  positions_[at] = position;
  if (cellOfSlot_[slot] & kMovedOut) {
    Entry& now = movedOut_[cellOfSlot_[slot] & ~kMovedOut].now;
    now = {x, y, z, now.id};
    return;
  }
  Entry& entry = entries_[at];
  std::uint32_t row = 0, column = 0;
  if (cellOf(position.latDeg, position.lonDeg, row, column) && row * columns_ + column == cellOfSlot_[slot]) {
    entry = {x, y, z, entry.id};
    return;
  }
  movedOut_.push_back({{x, y, z, entry.id}, at});
  cellOfSlot_[slot] = kMovedOut | static_cast<std::uint32_t>(movedOut_.size() - 1);
  entry.x = std::numeric_limits<float>::quiet_NaN();
}

}  // namespace bhabin::match
