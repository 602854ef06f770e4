// The nearest-officer index against brute force: random and adversarial sets, filters, live updates.
#include "core/match/post_index.h"

#include <algorithm>

#include "core/match/batch_order.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace bhabin::match {
namespace {

// A tiny deterministic generator: the same sets natively and in WebAssembly.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  double uniform(double lo, double hi) {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return lo + (hi - lo) * static_cast<double>(state_ >> 11) / static_cast<double>(1ull << 53);
  }
  int below(int n) { return static_cast<int>(uniform(0.0, n)); }

 private:
  std::uint64_t state_;
};

PostIndex buildOrFail(const std::vector<Post>& posts) {
  auto built = PostIndex::build(posts);
  if (auto* error = std::get_if<BuildError>(&built)) {
    ADD_FAILURE() << error->message;
    return {};
  }
  return std::get<PostIndex>(std::move(built));
}

void expectSameAsBruteForce(const PostIndex& index, const std::vector<Post>& posts, const NearestQuery& query) {
  std::vector<Neighbor> expected;
  std::vector<Neighbor> actual;
  bruteForceNearest(posts, query, expected);
  index.nearest(query, actual);
  ASSERT_EQ(actual.size(), expected.size()) << "query " << query.position.latDeg << "," << query.position.lonDeg
                                            << " k=" << query.k;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(actual[i].id, expected[i].id) << "rank " << i + 1 << " of query " << query.position.latDeg << ","
                                            << query.position.lonDeg << " k=" << query.k;
    EXPECT_EQ(actual[i].distanceKm, expected[i].distanceKm) << "rank " << i + 1;
  }
}

std::vector<Post> randomPosts(Random& random, int count, double latLo, double latHi, double lonLo, double lonHi) {
  std::vector<Post> posts;
  for (int i = 0; i < count; ++i) {
    posts.push_back({static_cast<PostId>(1000 + i * 7), {random.uniform(latLo, latHi), random.uniform(lonLo, lonHi)}});
  }
  return posts;
}

TEST(PostIndex, MatchesBruteForceOnRandomIndonesianPosts) {
  Random random(1);
  const auto posts = randomPosts(random, 5000, -11.0, 6.0, 95.0, 141.0);
  const PostIndex index = buildOrFail(posts);
  for (int q = 0; q < 300; ++q) {
    NearestQuery query;
    query.position = {random.uniform(-12.0, 7.0), random.uniform(94.0, 142.0)};
    query.k = static_cast<std::size_t>(1 + random.below(12));
    expectSameAsBruteForce(index, posts, query);
  }
}

TEST(PostIndex, MatchesBruteForceOnTheWholeGlobe) {
  Random random(2);
  const auto posts = randomPosts(random, 3000, -90.0, 90.0, -180.0, 180.0);
  const PostIndex index = buildOrFail(posts);
  const geo::LatLon probes[] = {{90.0, 0.0},   {-90.0, 45.0}, {0.0, 180.0},  {0.0, -180.0},
                                {12.0, 179.99}, {-5.0, -179.99}, {89.999, -120.0}, {-7.05, 108.98}};
  for (const geo::LatLon& probe : probes) {
    for (std::size_t k : {1u, 5u, 50u}) expectSameAsBruteForce(index, posts, {probe, k});
  }
}

TEST(PostIndex, FindsNeighboursAcrossTheAntimeridian) {
  const std::vector<Post> posts = {{1, {0.0, 179.9}}, {2, {0.0, -179.9}}, {3, {0.0, 170.0}}, {4, {0.0, -170.0}}};
  const PostIndex index = buildOrFail(posts);
  std::vector<Neighbor> out;
  index.nearest({{0.0, -179.95}, 2}, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].id, 2u);
  EXPECT_EQ(out[1].id, 1u);
  expectSameAsBruteForce(index, posts, {{0.0, 180.0}, 4});
}

TEST(PostIndex, BreaksTiesByIdWhenManyPostsShareOnePlace) {
  std::vector<Post> posts;
  for (PostId id = 500; id > 0; --id) posts.push_back({id * 3, {-6.9, 109.1}});  // one police station
  posts.push_back({7, {-6.95, 109.1}});
  const PostIndex index = buildOrFail(posts);
  std::vector<Neighbor> out;
  index.nearest({{-6.9, 109.1}, 5}, out);
  ASSERT_EQ(out.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(out[i].id, 3u * static_cast<PostId>(i + 1));
    EXPECT_EQ(out[i].distanceKm, 0.0);
  }
  expectSameAsBruteForce(index, posts, {{-6.99, 109.1}, 10});
  expectSameAsBruteForce(index, posts, {{-6.9, 109.1}, 600});
}

TEST(PostIndex, HandlesAllPostsIdentical) {
  std::vector<Post> posts;
  for (PostId id = 0; id < 2000; ++id) posts.push_back({(id * 7919) % 2003, {1.5, 124.8}});
  const PostIndex index = buildOrFail(posts);
  expectSameAsBruteForce(index, posts, {{1.5, 124.8}, 3});
  expectSameAsBruteForce(index, posts, {{-3.0, 120.0}, 40});
}

TEST(PostIndex, HandlesPostsOnALineAndSymmetricTies) {
  std::vector<Post> posts;
  for (int i = -50; i <= 50; ++i) posts.push_back({static_cast<PostId>(i + 100), {0.0, 110.0 + 0.01 * i}});
  for (int i = -50; i <= 50; ++i) posts.push_back({static_cast<PostId>(i + 300), {0.01 * i, 115.0}});
  const PostIndex index = buildOrFail(posts);
  for (std::size_t k : {1u, 2u, 3u, 7u, 202u, 500u}) {
    expectSameAsBruteForce(index, posts, {{0.0, 110.0}, k});  // neighbours at equal distances east and west
    expectSameAsBruteForce(index, posts, {{0.0, 115.0}, k});
    expectSameAsBruteForce(index, posts, {{0.005, 112.5}, k});
  }
}

// Large ranges are split around the median of a sample, with the exact median as the fallback when the
// sample misleads. Lattices repeat each coordinate many times, a few crowded stations outweigh the spread
// posts, and sorted input lines the sample up with the order: each mix must still build and answer exactly.
TEST(PostIndex, MatchesBruteForceWhenCoordinatesRepeatOrArriveSorted) {
  Random random(9);
  std::vector<Post> posts;
  PostId id = 1;
  for (int i = 0; i < 40; ++i) {
    for (int j = 0; j < 40; ++j) posts.push_back({id++, {-8.0 + 0.05 * i, 110.0 + 0.05 * j}});  // a lattice
  }
  for (int station = 0; station < 3; ++station) {
    for (int i = 0; i < 700; ++i) posts.push_back({id++, {-7.5 + station * 0.3, 110.5}});  // crowded stations
  }
  for (int i = 0; i < 1500; ++i) posts.push_back({id++, {random.uniform(-8.0, -6.0), random.uniform(110.0, 112.0)}});
  std::vector<Post> sorted = posts;
  std::sort(sorted.begin(), sorted.end(),
            [](const Post& a, const Post& b) { return a.position.lonDeg < b.position.lonDeg; });
  for (const std::vector<Post>* set : {&posts, &sorted}) {
    const PostIndex index = buildOrFail(*set);
    ASSERT_EQ(index.size(), set->size());
    for (int q = 0; q < 150; ++q) {
      const geo::LatLon onTheLattice = {-8.0 + 0.05 * random.below(40), 110.0 + 0.05 * random.below(40)};
      const geo::LatLon anywhere = {random.uniform(-8.5, -5.5), random.uniform(109.5, 112.5)};
      const geo::LatLon position = q % 3 == 0 ? onTheLattice : anywhere;
      expectSameAsBruteForce(index, *set, {position, static_cast<std::size_t>(1 + random.below(8))});
    }
    expectSameAsBruteForce(index, *set, {{-7.2, 110.5}, 750});  // every post of a crowded station, and more
  }
}

TEST(PostIndex, AnswersFromFarOutAtSea) {
  Random random(3);
  const auto posts = randomPosts(random, 1000, -8.0, -6.0, 108.0, 111.0);
  const PostIndex index = buildOrFail(posts);
  expectSameAsBruteForce(index, posts, {{-40.0, 80.0}, 3});  // Indian Ocean
  expectSameAsBruteForce(index, posts, {{7.1, -73.2}, 3});   // the antipode of Java
}

TEST(PostIndex, KLargerThanThePostsReturnsThemAll) {
  const std::vector<Post> posts = {{5, {-7.0, 109.0}}, {6, {-7.1, 109.0}}, {4, {-7.2, 109.0}}};
  const PostIndex index = buildOrFail(posts);
  std::vector<Neighbor> out;
  index.nearest({{-7.0, 109.0}, 10}, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].id, 5u);
  EXPECT_EQ(out[1].id, 6u);
  EXPECT_EQ(out[2].id, 4u);
}

TEST(PostIndex, EmptyIndexAndEmptyQueriesAnswerNothing) {
  const PostIndex empty = buildOrFail({});
  std::vector<Neighbor> out = {{1, 2.0}};
  empty.nearest({{-7.0, 109.0}, 5}, out);
  EXPECT_TRUE(out.empty());

  const PostIndex index = buildOrFail({{1, {-7.0, 109.0}}});
  index.nearest({{-7.0, 109.0}, 0}, out);
  EXPECT_TRUE(out.empty());
  index.nearest({{std::numeric_limits<double>::quiet_NaN(), 109.0}, 1}, out);
  EXPECT_TRUE(out.empty());
  index.nearest({{-7.0, 200.0}, 1}, out);
  EXPECT_TRUE(out.empty());
  NearestQuery negative{{-7.0, 109.0}, 1};
  negative.maxDistanceKm = -1.0;
  index.nearest(negative, out);
  EXPECT_TRUE(out.empty());
}

TEST(PostIndex, MaximumDistanceIsInclusiveAndExact) {
  const std::vector<Post> posts = {{1, {0.0, 100.0}}, {2, {0.0, 101.0}}, {3, {0.0, 102.0}}};
  const PostIndex index = buildOrFail(posts);
  const double oneDegreeKm = geo::haversineKm({0.0, 100.0}, {0.0, 101.0});
  NearestQuery query{{0.0, 100.0}, 5};
  query.maxDistanceKm = oneDegreeKm;
  std::vector<Neighbor> out;
  index.nearest(query, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].id, 2u);
  query.maxDistanceKm = std::nextafter(oneDegreeKm, 0.0);
  index.nearest(query, out);
  EXPECT_EQ(out.size(), 1u);
  Random random(4);
  const auto many = randomPosts(random, 2000, -9.0, -5.0, 105.0, 115.0);
  const PostIndex manyIndex = buildOrFail(many);
  for (double km : {0.0, 0.5, 3.0, 25.0, 400.0}) {
    NearestQuery limited{{-7.0, 110.0}, 20};
    limited.maxDistanceKm = km;
    expectSameAsBruteForce(manyIndex, many, limited);
  }
}

TEST(PostIndex, FiltersOnDutyAndLoadCap) {
  Random random(5);
  auto posts = randomPosts(random, 3000, -8.0, -6.0, 108.0, 111.0);
  for (Post& post : posts) {
    post.onDuty = random.uniform(0.0, 1.0) < 0.3;
    post.openReports = random.below(8);
  }
  const PostIndex index = buildOrFail(posts);
  for (int q = 0; q < 100; ++q) {
    NearestQuery query{{random.uniform(-8.5, -5.5), random.uniform(107.5, 111.5)}, 5};
    query.onDutyOnly = q % 2 == 0;
    query.openReportsCap = q % 3 == 0 ? std::numeric_limits<std::int32_t>::max() : 1 + random.below(6);
    expectSameAsBruteForce(index, posts, query);
  }
}

TEST(PostIndex, NobodyOnDutyMeansNoAnswer) {
  std::vector<Post> posts = {{1, {-7.0, 109.0}, false}, {2, {-7.1, 109.0}, false}};
  const PostIndex index = buildOrFail(posts);
  NearestQuery query{{-7.0, 109.0}, 3};
  query.onDutyOnly = true;
  std::vector<Neighbor> out;
  index.nearest(query, out);
  EXPECT_TRUE(out.empty());
}

TEST(PostIndex, AcceptsAPredicate) {
  Random random(6);
  const auto posts = randomPosts(random, 1000, -8.0, -6.0, 108.0, 111.0);
  const PostIndex index = buildOrFail(posts);
  std::vector<Neighbor> out;
  index.nearest({{-7.0, 109.5}, 10}, [](PostId id) { return id % 2 == 0; }, out);
  ASSERT_EQ(out.size(), 10u);
  std::vector<Post> even;
  for (const Post& post : posts) {
    if (post.id % 2 == 0) even.push_back(post);
  }
  std::vector<Neighbor> expected;
  bruteForceNearest(even, {{-7.0, 109.5}, 10}, expected);
  EXPECT_EQ(out, expected);
}

TEST(PostIndex, LiveUpdatesAreSeenByTheNextQuery) {
  Random random(7);
  auto posts = randomPosts(random, 4000, -8.0, -6.0, 108.0, 111.0);
  PostIndex index = buildOrFail(posts);
  for (int round = 0; round < 2000; ++round) {
    Post& post = posts[static_cast<std::size_t>(random.below(static_cast<int>(posts.size())))];
    switch (round % 3) {
      case 0:  // officers patrol: mostly short moves, sometimes across the island
        post.position = round % 30 == 0 ? geo::LatLon{random.uniform(-8.0, -6.0), random.uniform(108.0, 111.0)}
                                        : geo::LatLon{std::clamp(post.position.latDeg + random.uniform(-0.02, 0.02), -90.0, 90.0),
                                                      post.position.lonDeg + random.uniform(-0.02, 0.02)};
        ASSERT_TRUE(index.move(post.id, post.position));
        break;
      case 1:
        post.onDuty = !post.onDuty;
        ASSERT_TRUE(index.setOnDuty(post.id, post.onDuty));
        break;
      default:
        post.openReports = random.below(6);
        ASSERT_TRUE(index.setOpenReports(post.id, post.openReports));
    }
    if (round % 50 == 0) {
      NearestQuery query{{random.uniform(-8.2, -5.8), random.uniform(107.8, 111.2)}, 1 + static_cast<std::size_t>(random.below(8))};
      query.onDutyOnly = round % 100 == 0;
      query.openReportsCap = round % 150 == 0 ? 3 : std::numeric_limits<std::int32_t>::max();
      expectSameAsBruteForce(index, posts, query);
    }
  }
  EXPECT_GE(index.boxGrowth(), 1.0);
  index.rebuild();
  EXPECT_DOUBLE_EQ(index.boxGrowth(), 1.0);
  expectSameAsBruteForce(index, posts, {{-7.0, 109.5}, 25});
  const auto moved = index.find(posts[0].id);
  ASSERT_TRUE(moved.has_value());
  EXPECT_EQ(moved->position, posts[0].position);
  EXPECT_EQ(moved->onDuty, posts[0].onDuty);
}

// The grid answers most unfiltered queries from the cells around them: a post that moved within its cell, to
// another cell or out of the grid's extent must still be found, near where it went and not where it was.
TEST(PostIndex, PostsThatLeaveTheirGridCellAreFoundWhereTheyWent) {
  Random random(11);
  auto posts = randomPosts(random, 3000, -7.25, -6.75, 109.0, 109.5);
  PostIndex index = buildOrFail(posts);
  const auto expectFoundAround = [&](const geo::LatLon& place) {
    for (std::size_t k : {1u, 3u}) {
      expectSameAsBruteForce(index, posts, {{place.latDeg + 1e-5, place.lonDeg - 1e-5}, k});
    }
  };
  const double steps[] = {0.0005, 0.03, 2.0};  // within a cell (mostly), a few cells away, out of the extent
  for (int round = 0; round < 60; ++round) {
    Post& post = posts[static_cast<std::size_t>(random.below(static_cast<int>(posts.size())))];
    const geo::LatLon from = post.position;
    post.position = {from.latDeg + steps[round % 3], from.lonDeg - steps[round % 3] / 2.0};
    ASSERT_TRUE(index.move(post.id, post.position));
    expectFoundAround(post.position);
    expectFoundAround(from);
  }
  Post& wanderer = posts[7];  // leaves its cell, then moves on twice
  for (double step : {0.03, 0.03, 0.0005}) {
    const geo::LatLon from = wanderer.position;
    wanderer.position = {from.latDeg - step, from.lonDeg};
    ASSERT_TRUE(index.move(wanderer.id, wanderer.position));
    expectFoundAround(wanderer.position);
    expectFoundAround(from);
  }

  // Past the grid's list of moved posts, queries walk the tree: still exact, and a rebuild pays off even
  // though the boxes hardly grew.
  index.rebuild();
  EXPECT_FALSE(index.worthRebuilding());
  for (int round = 0; round < 100; ++round) {
    Post& post = posts[static_cast<std::size_t>(round * 29)];
    post.position = {post.position.latDeg + 0.03, post.position.lonDeg};
    ASSERT_TRUE(index.move(post.id, post.position));
  }
  EXPECT_LT(index.boxGrowth(), 2.0);
  EXPECT_TRUE(index.worthRebuilding());
  expectFoundAround(posts[29 * 99].position);
  index.rebuild();
  EXPECT_FALSE(index.worthRebuilding());
  for (int q = 0; q < 100; ++q) expectFoundAround({random.uniform(-7.3, -6.7), random.uniform(108.95, 109.55)});
}

TEST(PostIndex, UpdatesOfUnknownIdsOrBadPositionsChangeNothing) {
  PostIndex index = buildOrFail({{1, {-7.0, 109.0}}});
  EXPECT_FALSE(index.move(2, {-7.0, 109.0}));
  EXPECT_FALSE(index.move(1, {std::numeric_limits<double>::infinity(), 109.0}));
  EXPECT_FALSE(index.setOnDuty(2, false));
  EXPECT_FALSE(index.setOpenReports(2, 3));
  EXPECT_FALSE(index.setOpenReports(1, -1));
  EXPECT_FALSE(index.setOpenReports(1, std::numeric_limits<std::int32_t>::max()));
  EXPECT_FALSE(index.find(2).has_value());
  EXPECT_EQ(index.find(1)->position, (geo::LatLon{-7.0, 109.0}));
}

TEST(PostIndex, BuildRejectsInvalidPositionsAndRepeatedIds) {
  auto invalid = PostIndex::build({{1, {-7.0, 109.0}}, {2, {std::numeric_limits<double>::quiet_NaN(), 109.0}}});
  ASSERT_TRUE(std::holds_alternative<BuildError>(invalid));
  EXPECT_EQ(std::get<BuildError>(invalid).index, 1u);
  EXPECT_EQ(std::get<BuildError>(invalid).message, "post 2 has an invalid position");

  auto overloaded = PostIndex::build({{1, {-7.0, 109.0}, true, std::numeric_limits<std::int32_t>::max()}});
  ASSERT_TRUE(std::holds_alternative<BuildError>(overloaded));
  EXPECT_EQ(std::get<BuildError>(overloaded).message, "post 1 has an invalid number of open reports");

  auto repeated = PostIndex::build({{4, {-7.0, 109.0}}, {9, {-7.0, 109.1}}, {4, {-7.0, 109.2}}});
  ASSERT_TRUE(std::holds_alternative<BuildError>(repeated));
  EXPECT_EQ(std::get<BuildError>(repeated).message, "post id 4 appears twice");
}

// Batch queries after the first start from the previous query's leaf when they lie in its box; this
// comparison with single queries fails if the walk up from such a leaf is cut short (checked once).
TEST(PostIndex, BatchGivesEachQueryItsOwnAnswerInInputOrder) {
  Random random(8);
  const auto posts = randomPosts(random, 3000, -11.0, 6.0, 95.0, 141.0);
  const PostIndex index = buildOrFail(posts);
  std::vector<geo::LatLon> positions;
  for (int i = 0; i < 500; ++i) positions.push_back({random.uniform(-12.0, 7.0), random.uniform(94.0, 142.0)});
  positions.push_back({std::numeric_limits<double>::quiet_NaN(), 0.0});
  NearestQuery settings;
  settings.k = 3;
  std::vector<Neighbor> results;
  std::vector<std::uint32_t> counts;
  index.nearestBatch(positions, settings, results, counts);
  ASSERT_EQ(counts.size(), positions.size());
  ASSERT_EQ(results.size(), positions.size() * 3);
  for (std::size_t i = 0; i < positions.size(); ++i) {
    std::vector<Neighbor> single;
    settings.position = positions[i];
    index.nearest(settings, single);
    const std::vector<Neighbor> fromBatch(results.begin() + static_cast<std::ptrdiff_t>(i * 3),
                                          results.begin() + static_cast<std::ptrdiff_t>(i * 3 + counts[i]));
    EXPECT_EQ(fromBatch, single) << "query " << i;
  }
  EXPECT_EQ(counts.back(), 0u);
}

TEST(SpatialOrder, IsAPermutationThatKeepsNeighboursTogether) {
  const std::vector<geo::LatLon> positions = {{-7.0, 110.0}, {5.0, 95.0}, {-7.0001, 110.0001}, {std::nan(""), 0.0}, {5.0001, 95.0}};
  const std::vector<std::uint32_t> order = spatialOrder(positions);
  ASSERT_EQ(order.size(), positions.size());
  std::vector<bool> seen(positions.size(), false);
  for (std::uint32_t i : order) seen[i] = true;
  EXPECT_EQ(std::count(seen.begin(), seen.end(), true), 5);
  EXPECT_EQ(order.back(), 3u);  // the invalid position goes last
  const auto rank = [&order](std::uint32_t i) { return std::find(order.begin(), order.end(), i) - order.begin(); };
  EXPECT_EQ(std::abs(rank(0) - rank(2)), 1);
  EXPECT_EQ(std::abs(rank(1) - rank(4)), 1);
}

}  // namespace
}  // namespace bhabin::match
