// A uniform latitude/longitude grid over the officer posts, for the query asked most: the k nearest posts
// without filters. Most such answers lie in the 3 x 3 cells around the query; the grid hands the search
// those cells' posts (contiguous per row, so a few cache lines) and, for each edge of the cells searched, how
// near a post filed beyond it can be at most. When the k-th candidate is nearer than every edge, the
// candidates are the answer; when it is not, the search adds the cells beyond the edges it crosses, up to
// kMaxGrowths times, and otherwise falls back to the k-d tree. The grid never decides an answer on its own.
//
// Live moves keep it exact: a post that moves within its cell is updated in place; one that leaves its cell
// is listed apart (and blanked in its old cell), and every grid query also looks at that list. Past
// kMaxMovedOut such posts the grid declines every query until the owner rebuilds the index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/geo/haversine.h"

namespace bhabin::match {

class PostGrid {
 public:
  // A post as a grid query reads it: its unit vector as floats (the very values the index searches; x is
  // NaN once the post has left its cell, so no distance to it passes a comparison) and its id.
  struct Entry {
    float x, y, z;
    std::uint32_t id;
  };
  // A post that left the cell it was filed in, where it is now; `entry` is its place in the grid.
  struct MovedPost {
    Entry now;
    std::uint32_t entry;
  };
  static constexpr std::size_t kMaxMovedOut = 64;

  static constexpr std::uint32_t kMaxGrowths = 2;

  // A rectangle of cells, rows and columns inclusive.
  struct Cells {
    std::uint32_t row0, row1, column0, column1;
  };
  // Lower bounds on the squared chord from a position to any post filed beyond each edge of some cells.
  struct EdgeBounds {
    double south, north, west, east;
  };

  // Files the posts, given in slot order with their ids and the float unit vectors the index searches.
  // The cell size follows the density around a typical post, so the cells around a query hold about a
  // dozen posts in a town as in the hills.
  void build(const std::vector<geo::HaversinePoint>& positions, const std::vector<std::uint32_t>& ids,
             const std::vector<float>& x, const std::vector<float>& y, const std::vector<float>& z);

  // The 3 x 3 cells around a position, or false when the position is outside the grid, the grid is empty,
  // or too many posts moved out of their cells.
  bool cellsAround(const geo::HaversinePoint& position, Cells& cells) const;
  // Moves out by a cell each edge of `cells` whose flag is set; false (and `cells` unchanged) when that
  // would leave the grid.
  bool grow(Cells& cells, bool south, bool north, bool west, bool east) const;
  EdgeBounds edgeBounds(const geo::HaversinePoint& position, const Cells& cells) const;
  // The entries filed in columns column0..column1 of a row: one contiguous run.
  const Entry* runBegin(std::uint32_t row, std::uint32_t column0) const {
    return entries_.data() + cellBegin_[static_cast<std::size_t>(row) * columns_ + column0];
  }
  const Entry* runEnd(std::uint32_t row, std::uint32_t column1) const {
    return entries_.data() + cellBegin_[static_cast<std::size_t>(row) * columns_ + column1 + 1];
  }

  const Entry* entries() const { return entries_.data(); }
  // Where each entry's post is now, by entry: for the exact distances of the answer.
  const geo::HaversinePoint* positions() const { return positions_.data(); }
  const std::vector<MovedPost>& movedOut() const { return movedOut_; }
  bool overflowing() const { return movedOut_.size() > kMaxMovedOut; }

  // Follows a post's move (by its slot in the index).
  void moved(std::uint32_t slot, const geo::HaversinePoint& position, float x, float y, float z);

 private:
  static constexpr std::uint32_t kMovedOut = 0x80000000u;

  bool cellOf(double latDeg, double lonDeg, std::uint32_t& row, std::uint32_t& column) const;

  double southDeg_ = 0.0, westDeg_ = 0.0;  // the grid's corner: an empty row and column beyond every post
  double cellLatDeg_ = 1.0, cellLonDeg_ = 1.0;
  double rowsPerDeg_ = 1.0, columnsPerDeg_ = 1.0;
  std::uint32_t rows_ = 0, columns_ = 0;
  std::vector<std::uint32_t> cellBegin_;  // per cell, row by row, plus one: index of its first entry
  std::vector<Entry> entries_;            // by cell
  std::vector<geo::HaversinePoint> positions_;  // by entry
  std::vector<std::uint32_t> entryOf_;    // per slot
  // Per slot: the cell it is filed in, or kMovedOut plus its index in movedOut_.
  std::vector<std::uint32_t> cellOfSlot_;
  std::vector<MovedPost> movedOut_;
};

}  // namespace bhabin::match
