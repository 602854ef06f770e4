// Sorting 64-bit keys with a 32-bit payload in linear time: how the cluster index orders its Morton codes.
#pragma once

#include <cstdint>
#include <vector>

namespace bhabin::cluster {

// Sorts `keys` ascending and applies the same permutation to `values` (same size, fewer than 2^32 entries).
// Stable. Time O(n) with six passes at most; passes whose digit all keys share are skipped.
void radixSort(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& values);

}  // namespace bhabin::cluster
