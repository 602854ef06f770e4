// Benchmarks of the geometry primitives; the same source runs natively and as WebAssembly in node.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "core/geo/haversine.h"

namespace {

using bhabin::geo::LatLon;

// Deterministic positions spread over Indonesia's bounding box (a tiny LCG: no <random> differences
// between standard libraries, so native and WebAssembly runs measure the same inputs).
std::vector<LatLon> indonesianPositions(std::size_t count) {
  std::vector<LatLon> positions;
  positions.reserve(count);
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  const auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(state >> 11) / static_cast<double>(1ull << 53);
  };
  for (std::size_t i = 0; i < count; ++i) positions.push_back({-11.0 + 17.0 * next(), 95.0 + 46.0 * next()});
  return positions;
}

// One full scan of every officer post by distance: the brute-force baseline any index must beat.
void BM_HaversineScan(benchmark::State& state) {
  const auto posts = indonesianPositions(static_cast<std::size_t>(state.range(0)));
  const LatLon query{-7.05, 108.98};
  for (auto _ : state) {
    double nearest = 1e300;
    for (const LatLon& post : posts) nearest = std::min(nearest, bhabin::geo::haversineKm(query, post));
    benchmark::DoNotOptimize(nearest);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_HaversineScan)->Arg(297)->Arg(83763);

}  // namespace
