// Map clustering: the points (officer posts, reports) inside a viewport at a Leaflet zoom level, grouped
// into one cluster per grid cell of about the configured screen radius. One sorted array serves every zoom.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/geo/lat_lon.h"

namespace bhabin::cluster {

// `id` of a result that groups two or more points.
inline constexpr std::uint32_t kNoPointId = std::numeric_limits<std::uint32_t>::max();

// What a cluster whose cell the viewport's edge cuts through holds.
enum class EdgeCells {
  Whole,  // all the cell's points, also those just outside: counts stay put while the map pans (the default)
  Clip,   // only its points inside the viewport: counts add up to the points in view (for counting; slower)
};

struct ClusterSettings {
  // Points closer than about this many screen pixels share a cluster (supercluster's `radius` at 256-px
  // tiles): a cluster is one cell of a grid whose cell width is the power of two nearest to 2 * radiusPx
  // (a supercluster cluster's diameter), so between 1.41 and 2.83 times radiusPx.
  double radiusPx = 60.0;
  // Leaflet's tile size: at zoom z the world is tileSizePx * 2^z pixels wide.
  double tileSizePx = 256.0;
  EdgeCells edgeCells = EdgeCells::Whole;
};

// A map viewport in degrees, as Leaflet's getBounds() gives it. West greater than east, or east beyond 180
// (an unwrapped Leaflet view), means the viewport crosses the antimeridian; a width of 360° or more is the
// whole world. South and north are clamped to the Web-Mercator map (±85.0511°). Edges are inclusive.
struct Viewport {
  double southDeg = -90.0;
  double westDeg = -180.0;
  double northDeg = 90.0;
  double eastDeg = 180.0;
};

// Query results, one entry per cluster in every vector (structure of arrays, so bindings can hand them to
// JavaScript as typed arrays). Order: Morton order of the cells, deterministic.
struct Clusters {
  std::vector<double> latDeg;  // mean of the members' Web-Mercator positions (the point itself when alone)
  std::vector<double> lonDeg;
  std::vector<std::uint32_t> count;  // members, at least 1
  std::vector<std::uint32_t> id;     // the member's id when count is 1, otherwise kNoPointId

  std::size_t size() const { return count.size(); }
  void clear();
};

class ClusterIndex {
 public:
  explicit ClusterIndex(ClusterSettings settings = {});

  // Replaces the indexed points: `positions[i]` with id `ids[i]` (or id i when `ids` is null). Positions
  // that fail geo::isValid are skipped. Positions are kept on a grid of about 1 cm (see web_mercator.h).
  void build(const geo::LatLon* positions, const std::uint32_t* ids, std::size_t count);

  std::size_t size() const { return codes_.size(); }

  // The grid level (2^level cells across the world) clustering uses at a zoom: floor(zoom) plus the offset
  // the radius implies, within 0..32. A NaN zoom counts as 0.
  int gridLevel(double zoom) const;

  // The clusters at `zoom` of the grid cells `viewport` overlaps, into `out` (cleared first): every point
  // inside the viewport belongs to exactly one cluster and no two clusters share a cell. With EdgeCells::Whole
  // a cluster holds all points of its cell; with EdgeCells::Clip only those inside, so counts add up to the
  // number of points in the viewport. A viewport with a NaN edge is empty.
  // Not safe to call from two threads at once on one index: it fills a cache of cluster positions.
  void query(const Viewport& viewport, double zoom, Clusters& out) const;

 private:
  class Walk;

  // Every non-empty cell of one coarse grid level, so a query walks from a cell to its children without
  // searching the points, and a zoomed-out query reads a few cells and their stored positions. Kept for the
  // levels with at most 1/4 as many cells as points; positions for those with at most 1/8.
  struct Level {
    std::vector<std::uint32_t> begin;  // index of the cell's first point, plus one entry: the point count
    // Index of the cell's first child cell in the next kept level, plus one entry: that level's cell count.
    // Empty on the deepest kept level, whose children are points.
    std::vector<std::uint32_t> child;
    std::vector<std::uint8_t> quadrant;  // the cell's quadrant (0..3, Morton order) within its parent cell
    std::vector<double> latDeg;  // the cell's position as a query reports it; empty when not stored
    std::vector<double> lonDeg;
  };

  void buildLevels();
  // The position of the cluster of points [first, end), from the cache when it holds that run.
  geo::LatLon runPosition(std::size_t first, std::size_t end) const;

  int levelOffset_ = 0;
  EdgeCells edgeCells_ = EdgeCells::Whole;
  std::vector<std::uint64_t> codes_;  // Morton codes of the points, sorted
  std::vector<std::uint32_t> ids_;    // ids in the same order
  // Sums of grid x and y over the first i sorted points (exact in 64 bits), so any run's mean is O(1).
  std::vector<std::uint64_t> prefixX_;
  std::vector<std::uint64_t> prefixY_;
  std::vector<Level> levels_;  // levels_[l] is grid level l, for l = 0 up to the last level kept

  // A run of points is one cluster at every level where its first point starts a cell of exactly that many
  // points, and projecting its mean back to degrees (exp and atan) costs more than finding it. So the last
  // position computed for a run is kept in the slot of its first point, with the run's length: a lone point's
  // slot serves every zoom, a bigger cluster's until a query at another zoom starts a run of another length
  // there. Allocated by the first query that needs it.
  struct CachedPosition {
    std::uint32_t count = 0;  // the run's length; 0: empty
    geo::LatLon at;
  };
  mutable std::vector<CachedPosition> positionCache_;
};

}  // namespace bhabin::cluster
