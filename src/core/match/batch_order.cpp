#include "core/match/batch_order.h"

#include <array>

namespace bhabin::match {

namespace {

// Spreads the 16 bits of v over the even bits of a 32-bit word.
std::uint32_t spreadBits(std::uint32_t v) {
  v &= 0xFFFFu;
  v = (v | (v << 8)) & 0x00FF00FFu;
  v = (v | (v << 4)) & 0x0F0F0F0Fu;
  v = (v | (v << 2)) & 0x33333333u;
  v = (v | (v << 1)) & 0x55555555u;
  return v;
}

std::uint32_t mortonKey(const geo::LatLon& p) {
  if (!geo::isValid(p)) return 0xFFFFFFFFu;
  const auto x = static_cast<std::uint32_t>((p.lonDeg + 180.0) / 360.0 * 65535.0);
  const auto y = static_cast<std::uint32_t>((p.latDeg + 90.0) / 180.0 * 65535.0);
  return spreadBits(x) | (spreadBits(y) << 1);
}

// One stable counting-sort pass on 16 bits of the keys.
void radixPass(const std::vector<std::uint32_t>& keys, int shift, const std::vector<std::uint32_t>& in,
               std::vector<std::uint32_t>& out) {
  std::vector<std::uint32_t> start(65537, 0);
  for (std::uint32_t i : in) ++start[((keys[i] >> shift) & 0xFFFFu) + 1];
  for (std::size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  for (std::uint32_t i : in) out[start[(keys[i] >> shift) & 0xFFFFu]++] = i;
}

}  // namespace

std::vector<std::uint32_t> spatialOrder(const std::vector<geo::LatLon>& positions) {
  const std::size_t n = positions.size();
  std::vector<std::uint32_t> keys(n);
  std::vector<std::uint32_t> order(n);
  for (std::size_t i = 0; i < n; ++i) {
    keys[i] = mortonKey(positions[i]);
    order[i] = static_cast<std::uint32_t>(i);
  }
  std::vector<std::uint32_t> scratch(n);
  radixPass(keys, 0, order, scratch);
  radixPass(keys, 16, scratch, order);
  return order;
}

}  // namespace bhabin::match
