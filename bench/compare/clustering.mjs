// Map clustering: our WebAssembly ClusterIndex against supercluster (npm) in the same node process, on the
// 83,763 officer posts. Prints mean times and the ratios. Usage, from the repository root:
//   node bench/compare/clustering.mjs
// Environment: BHABIN_CORE_JS (default build/wasm/src/bindings/bhabin-core.js), BHABIN_DATA_DIR
// (default ../shared/data).
import {performance} from 'node:perf_hooks';
import Supercluster from 'supercluster';

import {loadCore, posts} from './data.mjs';

const RADIUS_PX = 60;
const INDONESIA = {south: -11.5, west: 94.5, north: 6.5, east: 141.5};
const CENTRES = [[-6.2, 106.82], [-7.05, 108.98], [-5.14, 119.42]];  // Jakarta, Brebes, Makassar

// What a 1280 x 800 px Leaflet map centred on (lat, lon) shows at `zoom` (as bench/cluster_bench.cpp).
function screenAt(lat, lon, zoom) {
  const worldPx = 256 * 2 ** zoom;
  const s = Math.sin(lat * Math.PI / 180);
  const cy = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * worldPx;
  const latAt = y => Math.atan(Math.sinh(Math.PI * (1 - 2 * y / worldPx))) * 180 / Math.PI;
  const half = 640 / worldPx * 360;
  return {south: latAt(cy + 400), west: lon - half, north: latAt(cy - 400), east: lon + half};
}

// Mean milliseconds per call over `runs` calls after `warmup` calls.
function time(fn, runs, warmup = Math.max(1, runs >> 2)) {
  for (let i = 0; i < warmup; i++) fn(i);
  const start = performance.now();
  for (let i = 0; i < runs; i++) fn(i);
  return (performance.now() - start) / runs;
}

const core = await loadCore();
const {lat: lats, lon: lons} = posts;
const ids = new Uint32Array(lats.length).map((_, i) => i);
const features = Array.from(lats, (lat, i) => (
  {type: 'Feature', id: i, properties: null, geometry: {type: 'Point', coordinates: [lons[i], lat]}}));

const ours = new core.ClusterIndex(RADIUS_PX, 256, false);
const rows = [];
const row = (name, oursMs, theirsMs, note) => rows.push({name, oursMs, theirsMs, note});

const oursBuildMs = time(() => ours.build(lats, lons, ids), 10, 30);  // enough warm-up for node to optimise it
const matched = {radius: RADIUS_PX, extent: 256};
let theirs = null;
const theirsBuildMs = time(() => { theirs = new Supercluster(matched).load(features); }, 3, 1);
const defaultBuildMs = time(() => new Supercluster().load(features), 3, 1);
row('index 83,763 posts', oursBuildMs, theirsBuildMs, `supercluster defaults: ${defaultBuildMs.toFixed(1)} ms`);

// Our query answers with the number of clusters; the clusters are read through views of the index's columns,
// taken again only when the module's memory grew, as an application would.
const columnsOf = index => ({lat: index.lat(), lon: index.lon(), count: index.count(), id: index.id()});

const queryRow = (name, views, zoom, runs, index = ours) => {
  let oursCount = 0, theirsCount = 0;
  let columns = columnsOf(index);
  const oursMs = time(i => {
    const v = views[i % views.length];
    oursCount = index.query(v.south, v.west, v.north, v.east, zoom);
    if (columns.count.buffer !== core.HEAPU8.buffer) columns = columnsOf(index);
  }, runs);
  if (columns.count.subarray(0, oursCount).some(count => count === 0)) throw new Error('a cluster without points');
  const theirsMs = time(i => {
    const v = views[i % views.length];
    theirsCount = theirs.getClusters([v.west, v.south, v.east, v.north], zoom).length;
  }, runs);
  row(name, oursMs, theirsMs, `clusters: ours ${oursCount}, supercluster ${theirsCount} (last view)`);
};
// Both sides run every screen query a few thousand times first, so the times are those of optimised code
// (node compiles WebAssembly in tiers, as it does JavaScript) rather than of whichever row comes first.
for (const zoom of [5, 8, 11, 14]) {
  for (const [lat, lon] of CENTRES) {
    const v = screenAt(lat, lon, zoom);
    for (let i = 0; i < 1000; i++) {
      ours.query(v.south, v.west, v.north, v.east, zoom);
      theirs.getClusters([v.west, v.south, v.east, v.north], zoom);
    }
  }
}
queryRow('whole country, zoom 11', [INDONESIA], 11, 30);
for (const zoom of [5, 8, 11, 14]) queryRow(`1280x800 screen, zoom ${zoom}`, CENTRES.map(c => screenAt(...c, zoom)), zoom, 3000);
for (const zoom of [5, 8, 14]) queryRow(`whole country, zoom ${zoom}`, [INDONESIA], zoom, zoom >= 11 ? 30 : 300);
const clipped = new core.ClusterIndex(RADIUS_PX, 256, true);
clipped.build(lats, lons, ids);
for (const zoom of [8, 11]) {
  queryRow(`1280x800 screen, zoom ${zoom}, clipped`, CENTRES.map(c => screenAt(...c, zoom)), zoom, 3000, clipped);
}
ours.delete();
clipped.delete();

const fmt = ms => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);
console.log(`node ${process.version}, ${lats.length} posts, radius ${RADIUS_PX} px at 256-px tiles`);
console.log(`supercluster 9.1.0 with {radius: ${RADIUS_PX}, extent: 256}`);
console.log('ours: whole edge cells unless "clipped" (EdgeCells::Clip); times are means after warm-up\n');
console.log('| case | ours (WebAssembly) | supercluster | speed-up | note |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${fmt(r.oursMs)} | ${fmt(r.theirsMs)} | ${(r.theirsMs / r.oursMs).toFixed(1)}× | ${r.note} |`);
}
