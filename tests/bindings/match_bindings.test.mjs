// The matching API of bhabin-core.js as JavaScript sees it (src/bindings/match_bindings.cpp): answers against
// a brute-force haversine written here, single calls against the batch form, build errors, live updates and
// the rebuild they call for. Run by ctest in the WebAssembly tree (BHABIN_CORE_JS names the module).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
const core = await require(process.env.BHABIN_CORE_JS)();
const NO_CAP = 2147483647;

// A tiny deterministic generator, so a failure can be replayed.
function random(seed) {
  let state = seed >>> 0;
  return (lo, hi) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return lo + (hi - lo) * (state / 4294967296);
  };
}

function postsAround(count, seed) {
  const uniform = random(seed);
  const ids = new Uint32Array(count), lat = new Float64Array(count), lon = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    ids[i] = 1000 + 3 * i;
    lat[i] = uniform(-7.5, -6.5);
    lon[i] = uniform(108.5, 109.5);
  }
  return { ids, lat, lon };
}

function haversineKm(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const a = Math.sin((lat2 - lat1) * rad / 2) ** 2 +
            Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin((lon2 - lon1) * rad / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(Math.min(1, a)));
}

function bruteForce(posts, lat, lon, k) {
  return Array.from(posts.ids, (id, i) => ({ id, km: haversineKm(lat, lon, posts.lat[i], posts.lon[i]) }))
    .sort((a, b) => a.km - b.km || a.id - b.id).slice(0, k);
}

function single(index, lat, lon, k, { maxKm = Infinity, onDutyOnly = false, loadCap = NO_CAP } = {}) {
  const n = index.nearest(lat, lon, k, maxKm, onDutyOnly, loadCap);
  const ids = index.resultIds(), km = index.resultDistances();
  return Array.from({ length: n }, (_, r) => ({ id: ids[r], km: km[r] }));
}

function withIndex(posts, body) {
  const index = new core.PostIndex(posts.ids, posts.lat, posts.lon);
  try {
    assert.ok(index.ok(), index.error());
    body(index);
  } finally {
    index.delete();
  }
}

test('single queries give the nearest posts by haversine distance, ties by id', () => {
  const posts = postsAround(600, 1);
  const uniform = random(2);
  withIndex(posts, index => {
    assert.equal(index.size(), 600);
    for (let q = 0; q < 200; q++) {
      const lat = uniform(-7.6, -6.4), lon = uniform(108.4, 109.6), k = 1 + (q % 5);
      const got = single(index, lat, lon, k), expected = bruteForce(posts, lat, lon, k);
      assert.deepEqual(got.map(r => r.id), expected.map(r => r.id), `query ${lat},${lon} k=${k}`);
      got.forEach((r, i) => assert.ok(Math.abs(r.km - expected[i].km) < 1e-9, `distance ${r.km} vs ${expected[i].km}`));
    }
  });
});

test('the batch form answers each query as the single call does, with empty slots marked', () => {
  const posts = postsAround(400, 3);
  const uniform = random(4);
  withIndex(posts, index => {
    const count = 300, k = 4;
    const queries = Array.from({ length: count }, () => [uniform(-7.6, -6.4), uniform(108.4, 109.6)]);
    index.queryBuffer(count).set(queries.flat());
    const total = index.nearestBatch(count, k, 5.0, false, NO_CAP);
    const ids = index.batchIds(), km = index.batchDistances(), counts = index.batchCounts();
    let sum = 0;
    queries.forEach(([lat, lon], q) => {
      const expected = single(index, lat, lon, k, { maxKm: 5.0 });
      assert.equal(counts[q], expected.length, `query ${q}`);
      sum += counts[q];
      for (let r = 0; r < k; r++) {
        if (r < counts[q]) {
          assert.equal(ids[q * k + r], expected[r].id);
          assert.equal(km[q * k + r], expected[r].km);
        } else {
          assert.equal(ids[q * k + r], 4294967295);
          assert.ok(Number.isNaN(km[q * k + r]));
        }
      }
    });
    assert.equal(total, sum);
    assert.ok(sum < count * k, 'some queries have fewer than k posts within 5 km');
  });
});

test('a bad set of posts is refused with the reason', () => {
  const repeated = new core.PostIndex(new Uint32Array([7, 8, 7]), new Float64Array([-7, -7.1, -7.2]),
                                      new Float64Array([109, 109, 109]));
  assert.equal(repeated.ok(), false);
  assert.match(repeated.error(), /post id 7 appears twice/);
  repeated.delete();
  const uneven = new core.PostIndex(new Uint32Array([1, 2]), new Float64Array([-7]), new Float64Array([109, 109]));
  assert.equal(uneven.ok(), false);
  assert.match(uneven.error(), /same length/);
  uneven.delete();
  const nan = new core.PostIndex(new Uint32Array([1]), new Float64Array([NaN]), new Float64Array([109]));
  assert.equal(nan.ok(), false);
  assert.match(nan.error(), /post 1 has an invalid position/);
  nan.delete();
});

test('duty and load updates filter the next query', () => {
  const posts = postsAround(300, 5);
  withIndex(posts, index => {
    const [nearest] = single(index, -7, 109, 1);
    assert.ok(index.setOnDuty(nearest.id, false));
    assert.notEqual(single(index, -7, 109, 1, { onDutyOnly: true })[0].id, nearest.id);
    assert.equal(single(index, -7, 109, 1)[0].id, nearest.id);
    assert.ok(index.setOnDuty(nearest.id, true));
    assert.ok(index.setOpenReports(nearest.id, 4));
    assert.notEqual(single(index, -7, 109, 1, { loadCap: 4 })[0].id, nearest.id);
    assert.equal(single(index, -7, 109, 1, { loadCap: 5 })[0].id, nearest.id);
    assert.equal(index.setOnDuty(5, true), false, 'unknown id');
  });
});

test('moved posts are found where they went, and many moves call for a rebuild that changes no answer', () => {
  const posts = postsAround(3000, 6);
  const uniform = random(7);
  withIndex(posts, index => {
    assert.equal(index.worthRebuilding(), false);
    for (let i = 0; i < 150; i++) {
      const at = i * 19;
      posts.lat[at] += 0.05;
      assert.ok(index.move(posts.ids[at], posts.lat[at], posts.lon[at]));
      const [found] = single(index, posts.lat[at] + 1e-6, posts.lon[at], 1);
      assert.equal(found.id, posts.ids[at]);
    }
    assert.equal(index.move(5, -7, 109), false, 'unknown id');
    assert.equal(index.move(posts.ids[0], NaN, 109), false, 'invalid position');
    assert.equal(index.worthRebuilding(), true);
    const probes = Array.from({ length: 100 }, () => [uniform(-7.6, -6.4), uniform(108.4, 109.6)]);
    const before = probes.map(([lat, lon]) => single(index, lat, lon, 3));
    index.rebuild();
    assert.equal(index.worthRebuilding(), false);
    probes.forEach(([lat, lon], q) => {
      assert.deepEqual(single(index, lat, lon, 3), before[q]);
      assert.deepEqual(before[q].map(r => r.id), bruteForce(posts, lat, lon, 3).map(r => r.id));
    });
  });
});
