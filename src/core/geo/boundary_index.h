// Which of many boundaries (regencies, villages) contains a position: a coarse grid of bounding-box buckets
// narrows 514 regencies or 83,763 villages to the few whose box holds the point, then the exact polygon test.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/polygon.h"

namespace bhabin::geo {

struct Boundary {
  std::string code;  // Kemendagri code, e.g. "33.29" (regency) or "33.29.01.2001" (village)
  MultiPolygon shape;
};

class BoundaryIndex {
 public:
  // cellDegrees: bucket size; about the size of the typical boundary works best (0.25° for regencies).
  explicit BoundaryIndex(std::vector<Boundary> boundaries, double cellDegrees = 0.25);

  // The boundary containing p. Where boundaries overlap the smallest wins: published boundaries often draw
  // a city (kota) as an enclave inside its regency's outline without cutting a hole for it.
  const Boundary* find(const LatLon& p) const;
  std::size_t size() const { return boundaries_.size(); }

 private:
  std::optional<std::size_t> cellOf(const LatLon& p) const;

  std::vector<Boundary> boundaries_;
  double cellDegrees_;
  BoundingBox extent_;
  std::size_t columns_ = 0, rows_ = 0;
  std::vector<std::uint32_t> cellStart_;  // CSR: boundaries of cell c are members_[cellStart_[c] .. cellStart_[c+1])
  std::vector<std::uint32_t> members_;
};

}  // namespace bhabin::geo
