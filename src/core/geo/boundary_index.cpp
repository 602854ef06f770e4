#include "core/geo/boundary_index.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bhabin::geo {

namespace {
// A grid coarser than this many cells would waste memory on sea; boundaries are then simply shared by more cells.
constexpr std::size_t kMaxCells = 4'000'000;
}  // namespace

BoundaryIndex::BoundaryIndex(std::vector<Boundary> boundaries, double cellDegrees)
    : boundaries_(std::move(boundaries)), cellDegrees_(cellDegrees > 0.0 ? cellDegrees : 0.25) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  extent_ = {kInf, kInf, -kInf, -kInf};
  for (const Boundary& b : boundaries_) {
    if (b.shape.empty()) continue;
    extent_.minLat = std::min(extent_.minLat, b.shape.box().minLat);
    extent_.maxLat = std::max(extent_.maxLat, b.shape.box().maxLat);
    extent_.minLon = std::min(extent_.minLon, b.shape.box().minLon);
    extent_.maxLon = std::max(extent_.maxLon, b.shape.box().maxLon);
  }
  if (!(extent_.minLat <= extent_.maxLat)) return;  // nothing to index
  const auto span = [this](double lo, double hi) { return static_cast<std::size_t>((hi - lo) / cellDegrees_) + 1; };
  while (span(extent_.minLat, extent_.maxLat) * span(extent_.minLon, extent_.maxLon) > kMaxCells) cellDegrees_ *= 2.0;
  rows_ = span(extent_.minLat, extent_.maxLat);
  columns_ = span(extent_.minLon, extent_.maxLon);

  // Two passes over the boxes: count per cell, then fill, so the buckets live in two flat arrays.
  std::vector<std::uint32_t> count(rows_ * columns_ + 1, 0);
  const auto forEachCell = [this](const BoundingBox& box, auto&& visit) {
    const auto r0 = static_cast<std::size_t>((box.minLat - extent_.minLat) / cellDegrees_);
    const auto r1 = static_cast<std::size_t>((box.maxLat - extent_.minLat) / cellDegrees_);
    const auto c0 = static_cast<std::size_t>((box.minLon - extent_.minLon) / cellDegrees_);
    const auto c1 = static_cast<std::size_t>((box.maxLon - extent_.minLon) / cellDegrees_);
    for (std::size_t r = r0; r <= std::min(r1, rows_ - 1); ++r) {
      for (std::size_t c = c0; c <= std::min(c1, columns_ - 1); ++c) visit(r * columns_ + c);
    }
  };
  for (const Boundary& b : boundaries_) {
    if (!b.shape.empty()) forEachCell(b.shape.box(), [&count](std::size_t cell) { ++count[cell + 1]; });
  }
  cellStart_.assign(count.size(), 0);
  for (std::size_t c = 1; c < count.size(); ++c) cellStart_[c] = cellStart_[c - 1] + count[c];
  members_.resize(cellStart_.back());
  std::vector<std::uint32_t> next(cellStart_.begin(), cellStart_.end() - 1);
  for (std::size_t i = 0; i < boundaries_.size(); ++i) {
    if (boundaries_[i].shape.empty()) continue;
    forEachCell(boundaries_[i].shape.box(),
                [&](std::size_t cell) { members_[next[cell]++] = static_cast<std::uint32_t>(i); });
  }
}

std::optional<std::size_t> BoundaryIndex::cellOf(const LatLon& p) const {
  if (rows_ == 0 || !isValid(p) || !extent_.contains(p)) return std::nullopt;
  const auto r = std::min(static_cast<std::size_t>((p.latDeg - extent_.minLat) / cellDegrees_), rows_ - 1);
  const auto c = std::min(static_cast<std::size_t>((p.lonDeg - extent_.minLon) / cellDegrees_), columns_ - 1);
  return r * columns_ + c;
}

const Boundary* BoundaryIndex::find(const LatLon& p) const {
  const auto cell = cellOf(p);
  if (!cell) return nullptr;
  const Boundary* smallest = nullptr;
  for (std::uint32_t i = cellStart_[*cell]; i < cellStart_[*cell + 1]; ++i) {
    const Boundary& candidate = boundaries_[members_[i]];
    if (smallest != nullptr && candidate.shape.areaSquareDegrees() >= smallest->shape.areaSquareDegrees()) continue;
    if (candidate.shape.contains(p)) smallest = &candidate;
  }
  return smallest;
}

}  // namespace bhabin::geo
