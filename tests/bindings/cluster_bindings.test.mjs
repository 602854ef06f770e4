// The clustering API of bhabin-core.js as JavaScript sees it (src/bindings/cluster_bindings.cpp): counts from
// query(), clusters read through the column views, points accounted for, ids of lone points, and refusals.
// Run by ctest in the WebAssembly tree (BHABIN_CORE_JS names the module).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
const core = await require(process.env.BHABIN_CORE_JS)();
const NO_ID = 4294967295;

function pointsAround(count, seed) {
  let state = seed >>> 0;
  const uniform = (lo, hi) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return lo + (hi - lo) * (state / 4294967296);
  };
  const lat = new Float64Array(count), lon = new Float64Array(count), ids = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    lat[i] = uniform(-7.5, -6.5);
    lon[i] = uniform(108.5, 109.5);
    ids[i] = 500 + i;
  }
  return { lat, lon, ids };
}

function clustersOf(index, n) {
  const lat = index.lat(), lon = index.lon(), count = index.count(), id = index.id();
  return Array.from({ length: n }, (_, i) => ({ lat: lat[i], lon: lon[i], count: count[i], id: id[i] }));
}

test('a clipped query accounts for every point in view exactly once, and a lone point keeps its id', () => {
  const points = pointsAround(2000, 1);
  const index = new core.ClusterIndex(60, 256, true);
  try {
    assert.equal(index.build(points.lat, points.lon, points.ids), 2000);
    const view = { south: -7.2, west: 108.7, north: -6.8, east: 109.3 };
    const inView = Array.from(points.lat, (lat, i) => lat >= view.south && lat <= view.north &&
                              points.lon[i] >= view.west && points.lon[i] <= view.east).filter(Boolean).length;
    for (const zoom of [6, 9, 12, 16]) {
      const n = index.query(view.south, view.west, view.north, view.east, zoom);
      const clusters = clustersOf(index, n);
      assert.equal(clusters.reduce((sum, c) => sum + c.count, 0), inView, `zoom ${zoom}`);
      for (const c of clusters) {
        if (c.count > 1) {
          assert.equal(c.id, NO_ID);
        } else {
          const i = c.id - 500;
          assert.ok(i >= 0 && i < 2000, `id ${c.id}`);
          // Positions are kept on a grid of about 1 cm.
          assert.ok(Math.abs(c.lat - points.lat[i]) < 2e-7, `${c.lat} vs ${points.lat[i]}`);
          assert.ok(Math.abs(c.lon - points.lon[i]) < 2e-7, `${c.lon} vs ${points.lon[i]}`);
        }
      }
    }
    const zoomedOut = index.query(view.south, view.west, view.north, view.east, 6);
    const zoomedIn = index.query(view.south, view.west, view.north, view.east, 16);
    assert.ok(zoomedOut < zoomedIn, `${zoomedOut} clusters at zoom 6, ${zoomedIn} at zoom 16`);
  } finally {
    index.delete();
  }
});

test('views taken once stay valid across queries, and a view of empty sea has no clusters', () => {
  const points = pointsAround(500, 2);
  const index = new core.ClusterIndex(60, 256, false);
  try {
    index.build(points.lat, points.lon, null);
    const count = index.count();
    const n = index.query(-8, 108, -6, 110, 8);
    assert.ok(n > 0);
    assert.equal(Array.from(count.subarray(0, n)).reduce((a, b) => a + b, 0), 500);
    assert.equal(index.query(10, 120, 11, 121, 8), 0);
    const again = index.query(-8, 108, -6, 110, 14);
    assert.equal(count.buffer, core.HEAPU8.buffer);
    assert.equal(Array.from(count.subarray(0, again)).reduce((a, b) => a + b, 0), 500);
    assert.equal(index.query(NaN, 108, -6, 110, 8), 0, 'a NaN edge is an empty view');
  } finally {
    index.delete();
  }
});

test('arrays of different lengths are refused and leave the index as it was', () => {
  const points = pointsAround(100, 3);
  const index = new core.ClusterIndex(60, 256, false);
  try {
    assert.equal(index.build(points.lat, points.lon, points.ids), 100);
    assert.equal(index.build(points.lat, points.lon.subarray(0, 99), points.ids), -1);
    assert.equal(index.size(), 100);
    const invalid = Float64Array.from(points.lat, (lat, i) => (i % 10 === 0 ? NaN : lat));
    assert.equal(index.build(invalid, points.lon, points.ids), 90, 'invalid positions are skipped');
  } finally {
    index.delete();
  }
});
