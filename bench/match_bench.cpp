// Nearest-officer matching on the national data: our index against brute force and nanoflann, natively and
// as WebAssembly. Every query benchmark answers the 100,000 report points in file order, with distances.
#include <benchmark/benchmark.h>
#include <nanoflann.hpp>

#include <vector>

#include "bench_data.h"
#include "core/geo/boundary_index.h"
#include "core/geo/haversine.h"
#include "core/geo/unit_vector.h"
#include "core/match/post_index.h"

namespace {

using bhabin::bench::nationalData;
using bhabin::match::Neighbor;
using bhabin::match::Post;
using bhabin::match::PostIndex;

bool skipWithoutData(benchmark::State& state) {
  if (nationalData().error.empty()) return false;
  state.SkipWithError(nationalData().error.c_str());
  return true;
}

const PostIndex& nationalIndex() {
  static const PostIndex index = std::get<PostIndex>(PostIndex::build(nationalData().posts));
  return index;
}

void BM_PostIndexBuild(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  for (auto _ : state) {
    auto index = PostIndex::build(nationalData().posts);
    benchmark::DoNotOptimize(&index);
  }
  state.counters["posts"] = static_cast<double>(nationalData().posts.size());
}
BENCHMARK(BM_PostIndexBuild)->Unit(benchmark::kMillisecond);

// Time per query: each iteration answers one report point, cycling through all 100,000 in file order.
void answerReportPoints(benchmark::State& state, const PostIndex& index, bhabin::match::NearestQuery query) {
  const auto& points = nationalData().reportPoints;
  std::vector<Neighbor> out;
  std::size_t next = 0;
  for (auto _ : state) {
    query.position = points[next];
    next = next + 1 == points.size() ? 0 : next + 1;
    index.nearest(query, out);
    benchmark::DoNotOptimize(out.data());
  }
}

void BM_Nearest(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  bhabin::match::NearestQuery query;
  query.k = static_cast<std::size_t>(state.range(0));
  answerReportPoints(state, nationalIndex(), query);
}
BENCHMARK(BM_Nearest)->Arg(1)->Arg(5);

// All 100,000 report points in one call, answered in spatial order; the counter is the time per query.
void BM_NearestBatch(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  const PostIndex& index = nationalIndex();
  const auto& points = nationalData().reportPoints;
  bhabin::match::NearestQuery settings;
  settings.k = static_cast<std::size_t>(state.range(0));
  std::vector<Neighbor> results;
  std::vector<std::uint32_t> counts;
  for (auto _ : state) {
    index.nearestBatch(points, settings, results, counts);
    benchmark::DoNotOptimize(results.data());
  }
  state.counters["per_query"] = benchmark::Counter(static_cast<double>(state.iterations() * points.size()),
                                                   benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_NearestBatch)->Arg(1)->Arg(5)->Unit(benchmark::kMillisecond);

// The same with 30% of officers on duty and a load cap, the filters of automatic assignment.
void BM_NearestOnDutyUnderCap(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  static const PostIndex index = [] {
    std::vector<Post> posts = nationalData().posts;
    for (std::size_t i = 0; i < posts.size(); ++i) {
      posts[i].onDuty = i % 10 < 3;
      posts[i].openReports = static_cast<std::int32_t>(i % 7);
    }
    return std::get<PostIndex>(PostIndex::build(posts));
  }();
  bhabin::match::NearestQuery query;
  query.k = static_cast<std::size_t>(state.range(0));
  query.onDutyOnly = true;
  query.openReportsCap = 5;
  answerReportPoints(state, index, query);
}
BENCHMARK(BM_NearestOnDutyUnderCap)->Arg(1)->Arg(5);

void BM_NearestBruteForce(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  const auto& points = nationalData().reportPoints;
  bhabin::match::NearestQuery query;
  query.k = static_cast<std::size_t>(state.range(0));
  std::vector<Neighbor> out;
  std::size_t next = 0;
  for (auto _ : state) {
    query.position = points[next++ % points.size()];
    bhabin::match::bruteForceNearest(nationalData().posts, query, out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_NearestBruteForce)->Arg(1)->Unit(benchmark::kMicrosecond);

// A live update: an officer on patrol moves ~100 m; the next query must see it.
void BM_LiveMove(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  PostIndex index = std::get<PostIndex>(PostIndex::build(nationalData().posts));
  const auto& posts = nationalData().posts;
  std::size_t next = 0;
  double offset = 0.0;
  for (auto _ : state) {
    const Post& post = posts[next];
    next = (next + 7919) % posts.size();
    offset = offset > 0.0 ? -0.001 : 0.001;
    benchmark::DoNotOptimize(index.move(post.id, {post.position.latDeg + offset, post.position.lonDeg}));
  }
}
BENCHMARK(BM_LiveMove);

void BM_LiveDutyAndLoad(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  PostIndex index = std::get<PostIndex>(PostIndex::build(nationalData().posts));
  const auto& posts = nationalData().posts;
  std::size_t next = 0;
  bool onDuty = false;
  for (auto _ : state) {
    const Post& post = posts[next];
    next = (next + 7919) % posts.size();
    onDuty = !onDuty;
    benchmark::DoNotOptimize(index.setOnDuty(post.id, onDuty));
    benchmark::DoNotOptimize(index.setOpenReports(post.id, onDuty ? 2 : 3));
  }
  state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_LiveDutyAndLoad);

// Which regency a report point lies in (514 outlines, 129k vertices), for each of the 100,000 points.
void BM_RegencyLookup(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  static const bhabin::geo::BoundaryIndex regencies(nationalData().regencies);
  const auto& points = nationalData().reportPoints;
  std::size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(regencies.find(points[next]));
    next = next + 1 == points.size() ? 0 : next + 1;
  }
}
BENCHMARK(BM_RegencyLookup);

// nanoflann, the native library one would otherwise pick: a k-d tree over the same unit vectors (so its
// Euclidean order is great-circle order), then the haversine distance of each result, for equal output.
struct UnitVectorCloud {
  std::vector<bhabin::geo::UnitVector> points;
  std::size_t kdtree_get_point_count() const { return points.size(); }
  double kdtree_get_pt(std::size_t i, std::size_t d) const {
    return d == 0 ? points[i].x : d == 1 ? points[i].y : points[i].z;
  }
  template <class Box>
  bool kdtree_get_bbox(Box&) const {
    return false;
  }
};
using NanoflannTree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, UnitVectorCloud>,
                                                          UnitVectorCloud, 3, std::uint32_t>;

const UnitVectorCloud& nationalCloud() {
  static const UnitVectorCloud cloud = [] {
    UnitVectorCloud c;
    for (const Post& post : nationalData().posts) c.points.push_back(bhabin::geo::toUnitVector(post.position));
    return c;
  }();
  return cloud;
}

void BM_NanoflannBuild(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  for (auto _ : state) {
    NanoflannTree tree(3, nationalCloud(), nanoflann::KDTreeSingleIndexAdaptorParams(10));
    benchmark::DoNotOptimize(&tree);
  }
}
BENCHMARK(BM_NanoflannBuild)->Unit(benchmark::kMillisecond);

void BM_NanoflannNearest(benchmark::State& state) {
  if (skipWithoutData(state)) return;
  static const NanoflannTree tree(3, nationalCloud(), nanoflann::KDTreeSingleIndexAdaptorParams(10));
  const auto& points = nationalData().reportPoints;
  const auto& posts = nationalData().posts;
  const auto k = static_cast<std::size_t>(state.range(0));
  std::vector<std::uint32_t> ids(k);
  std::vector<double> chords(k);
  std::vector<Neighbor> out(k);
  std::size_t next = 0;
  for (auto _ : state) {
    const bhabin::geo::LatLon& position = points[next];
    next = next + 1 == points.size() ? 0 : next + 1;
    const bhabin::geo::UnitVector u = bhabin::geo::toUnitVector(position);
    const double query[3] = {u.x, u.y, u.z};
    const std::size_t found = tree.knnSearch(query, k, ids.data(), chords.data());
    for (std::size_t i = 0; i < found; ++i) out[i] = {ids[i], bhabin::geo::haversineKm(position, posts[ids[i]].position)};
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_NanoflannNearest)->Arg(1)->Arg(5);

}  // namespace
