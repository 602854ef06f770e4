// Map clustering on the 83,763 officer posts of the national data: index build, the whole country and
// screen-sized viewports at zooms 5, 8, 11 and 14 (the same cases bench/compare/clustering.mjs times).
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "bench_data.h"
#include "core/cluster/cluster_index.h"

namespace {

using bhabin::bench::nationalData;
using bhabin::cluster::ClusterIndex;
using bhabin::cluster::Clusters;
using bhabin::cluster::Viewport;

constexpr double kPi = 3.14159265358979323846;
const Viewport kIndonesia{-11.5, 94.5, 6.5, 141.5};

bool skipWithoutData(benchmark::State& state) {
  if (nationalData().error.empty()) return false;
  state.SkipWithError(nationalData().error.c_str());
  return true;
}

std::vector<bhabin::geo::LatLon> postPositions() {
  std::vector<bhabin::geo::LatLon> positions;
  for (const auto& post : nationalData().posts) positions.push_back(post.position);
  return positions;
}

const ClusterIndex& nationalIndex() {
  static const ClusterIndex index = [] {
    ClusterIndex built;
    const auto positions = postPositions();
    built.build(positions.data(), nullptr, positions.size());
    return built;
  }();
  return index;
}

// What a 1280 x 800 px Leaflet map centred on `latDeg, lonDeg` shows at `zoom` (256-px tiles).
Viewport screenAt(double latDeg, double lonDeg, int zoom) {
  const double worldPx = 256.0 * std::pow(2.0, zoom);
  const double sinLat = std::sin(latDeg * kPi / 180.0);
  const double centreY = (0.5 - std::log((1 + sinLat) / (1 - sinLat)) / (4 * kPi)) * worldPx;
  const auto latAt = [worldPx](double y) { return std::atan(std::sinh(kPi * (1 - 2 * y / worldPx))) * 180 / kPi; };
  const double halfWidthDeg = 640.0 / worldPx * 360.0;
  return {latAt(centreY + 400.0), lonDeg - halfWidthDeg, latAt(centreY - 400.0), lonDeg + halfWidthDeg};
}

void BM_ClusterIndexBuild(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  const auto positions = postPositions();
  for (auto _ : state) {
    ClusterIndex index;
    index.build(positions.data(), nullptr, positions.size());
    benchmark::DoNotOptimize(index.size());
  }
  state.counters["posts"] = static_cast<double>(positions.size());
}
BENCHMARK(BM_ClusterIndexBuild)->Unit(benchmark::kMillisecond);

void BM_ClusterWholeCountry(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  const ClusterIndex& index = nationalIndex();
  Clusters out;
  for (auto _ : state) {
    index.query(kIndonesia, static_cast<double>(state.range(0)), out);
    benchmark::DoNotOptimize(out.count.data());
  }
  state.counters["clusters"] = static_cast<double>(out.size());
}
BENCHMARK(BM_ClusterWholeCountry)->Arg(5)->Arg(8)->Arg(11)->Arg(14)->Unit(benchmark::kMicrosecond);

// A screen over Jakarta, Brebes and Makassar in turn: each iteration is one viewport query.
void BM_ClusterScreen(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  const ClusterIndex& index = nationalIndex();
  const int zoom = static_cast<int>(state.range(0));
  const std::vector<Viewport> screens{screenAt(-6.2, 106.82, zoom), screenAt(-7.05, 108.98, zoom),
                                      screenAt(-5.14, 119.42, zoom)};
  Clusters out;
  std::size_t next = 0;
  for (auto _ : state) {
    index.query(screens[next], zoom, out);
    next = (next + 1) % screens.size();
    benchmark::DoNotOptimize(out.count.data());
  }
}
BENCHMARK(BM_ClusterScreen)->Arg(5)->Arg(8)->Arg(11)->Arg(14)->Unit(benchmark::kMicrosecond);

}  // namespace
