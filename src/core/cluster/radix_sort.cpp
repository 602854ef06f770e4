#include "core/cluster/radix_sort.h"

#include <algorithm>
#include <cassert>
#include <utility>

namespace bhabin::cluster {

void radixSort(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& values) {
  // 11-bit digits: six passes cover 64 bits and the 2048 counters of a pass stay in L1 cache.
  constexpr int kBits = 11;
  constexpr int kPasses = 6;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  constexpr std::uint64_t kMask = kBuckets - 1;
  assert(keys.size() == values.size() && keys.size() < (std::uint64_t{1} << 32));
  const std::size_t n = keys.size();
  std::vector<std::uint32_t> counts(kPasses * kBuckets, 0);
  for (const std::uint64_t key : keys) {
    for (int pass = 0; pass < kPasses; ++pass) ++counts[pass * kBuckets + ((key >> (pass * kBits)) & kMask)];
  }
  std::vector<std::uint64_t> keysOut(n);
  std::vector<std::uint32_t> valuesOut(n);
  for (int pass = 0; pass < kPasses; ++pass) {
    std::uint32_t* bucket = &counts[pass * kBuckets];
    // Points in one country share the top bits of their codes: such a pass would move nothing.
    if (std::any_of(bucket, bucket + kBuckets, [n](std::uint32_t c) { return c == n; })) continue;
    std::uint32_t offset = 0;
    for (std::size_t b = 0; b < kBuckets; ++b) offset += std::exchange(bucket[b], offset);
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t to = bucket[(keys[i] >> (pass * kBits)) & kMask]++;
      keysOut[to] = keys[i];
      valuesOut[to] = values[i];
    }
    keys.swap(keysOut);
    values.swap(valuesOut);
  }
}

}  // namespace bhabin::cluster
