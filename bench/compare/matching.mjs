// Nearest officer posts for the 100,000 report points over the 83,763 national posts: our WebAssembly core
// (single embind call, and the batch form) against geokdbush + kdbush, the JavaScript libraries a web
// developer would pick, in one node process on the same inputs, with identical output (ids and distances).
// nanoflann (native and compiled to WebAssembly) is measured by Google Benchmark in the same script run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import KDBush from 'kdbush';
import * as geokdbush from 'geokdbush';

import { bestOf, loadCore, posts, printTable, repoRoot, reportPoints } from './data.mjs';

const QUERIES = reportPoints.lat.length;
const RUNS = Number(process.env.BHABIN_BENCH_RUNS || 5);
const core = await loadCore();

function buildOurs() {
  const index = new core.PostIndex(posts.ids, posts.lat, posts.lon);
  if (!index.ok()) throw new Error(index.error());
  return index;
}

function buildGeokdbush() {
  const index = new KDBush(posts.lat.length);
  for (let i = 0; i < posts.lat.length; i++) index.add(posts.lon[i], posts.lat[i]);
  index.finish();
  return index;
}

// Each variant answers every report point and returns a checksum of ids and distances (so nothing is
// optimised away, and the variants can be checked against each other).
function oursSingle(index, k) {
  let sum = 0;
  let ids = index.resultIds();
  let km = index.resultDistances();
  for (let q = 0; q < QUERIES; q++) {
    const n = index.nearest(reportPoints.lat[q], reportPoints.lon[q], k, Infinity, false, 2147483647);
    if (ids.length < k || ids.buffer !== core.HEAPU8.buffer) {  // k grew, or memory did: new views
      ids = index.resultIds();
      km = index.resultDistances();
    }
    for (let r = 0; r < n; r++) sum += ids[r] + km[r];
  }
  return sum;
}

function oursBatch(index, k) {
  const buffer = index.queryBuffer(QUERIES);
  for (let q = 0; q < QUERIES; q++) {
    buffer[2 * q] = reportPoints.lat[q];
    buffer[2 * q + 1] = reportPoints.lon[q];
  }
  index.nearestBatch(QUERIES, k, Infinity, false, 2147483647);
  const ids = index.batchIds();
  const km = index.batchDistances();
  const counts = index.batchCounts();
  let sum = 0;
  for (let q = 0; q < QUERIES; q++) {
    for (let r = 0; r < counts[q]; r++) sum += ids[q * k + r] + km[q * k + r];
  }
  return sum;
}

function geokdbushAround(index, k) {
  let sum = 0;
  for (let q = 0; q < QUERIES; q++) {
    const lat = reportPoints.lat[q];
    const lon = reportPoints.lon[q];
    for (const id of geokdbush.around(index, lon, lat, k)) {
      sum += id + geokdbush.distance(lon, lat, posts.lon[id], posts.lat[id]);
    }
  }
  return sum;
}

// Share of queries where geokdbush returns the same ids in the same order as we do (it uses R = 6371 km
// and its own rounding, so equal-distance ties may differ; the ids should otherwise agree).
function agreement(ours, theirs, k) {
  let same = 0;
  for (let q = 0; q < QUERIES; q++) {
    const n = ours.nearest(reportPoints.lat[q], reportPoints.lon[q], k, Infinity, false, 2147483647);
    const ids = ours.resultIds();
    const other = geokdbush.around(theirs, reportPoints.lon[q], reportPoints.lat[q], k);
    if (other.length === n && other.every((id, r) => id === ids[r])) same++;
  }
  return same / QUERIES;
}

function nanoflannFromGoogleBenchmark(program, label) {
  const [command, args] = program.endsWith('.js') ? [process.execPath, [program, ...ARGS]] : [program, ARGS];
  const run = spawnSync(command, args, { encoding: 'utf8', cwd: repoRoot });
  if (run.status !== 0) return [];
  return JSON.parse(run.stdout).benchmarks.map((b) => [`${b.name} (${label})`, b.cpu_time]);
}
const ARGS = ['--benchmark_filter=BM_NanoflannNearest|BM_NanoflannBuild|BM_Nearest/|BM_PostIndexBuild',
              '--benchmark_format=json'];

const ns = (ms, n) => (ms * 1e6) / n;
const ours = buildOurs();
const theirs = buildGeokdbush();
const rows = [['what', 'ours (WebAssembly)', 'geokdbush (JavaScript)', 'ratio']];
const buildOursMs = bestOf(RUNS, () => buildOurs().delete());
const buildTheirsMs = bestOf(RUNS, buildGeokdbush);
rows.push(['index build, 83,763 posts', `${buildOursMs.toFixed(2)} ms`, `${buildTheirsMs.toFixed(2)} ms`,
           `${(buildTheirsMs / buildOursMs).toFixed(1)}x`]);
for (const k of [1, 5]) {
  const theirsMs = bestOf(RUNS, () => geokdbushAround(theirs, k));
  for (const [label, work] of [['batch', () => oursBatch(ours, k)], ['single call', () => oursSingle(ours, k)]]) {
    const oursMs = bestOf(RUNS, work);
    rows.push([`k=${k} per query, ${label}`, `${ns(oursMs, QUERIES).toFixed(0)} ns`,
               `${ns(theirsMs, QUERIES).toFixed(0)} ns`, `${(theirsMs / oursMs).toFixed(1)}x`]);
  }
  const sums = [oursSingle(ours, k), oursBatch(ours, k)];
  if (Math.abs(sums[0] - sums[1]) > 1e-6 * Math.abs(sums[0])) throw new Error(`single and batch disagree for k=${k}`);
  rows.push([`k=${k} same ids as geokdbush`, `${(100 * agreement(ours, theirs, k)).toFixed(2)}% of queries`, '', '']);
}
printTable(`Nearest posts: ${QUERIES} report points, ${posts.lat.length} posts, node ${process.version}`, rows);

const google = [
  ...nanoflannFromGoogleBenchmark(join(repoRoot, 'build/native/bench/core_bench'), 'native'),
  ...nanoflannFromGoogleBenchmark(join(repoRoot, 'build/wasm/bench/core_bench.js'), 'WebAssembly'),
];
if (google.length > 0) {
  printTable('Google Benchmark, same run (CPU time per iteration, ns)',
             [['benchmark', 'ns'], ...google.map(([name, t]) => [name, t.toFixed(0)])]);
}
ours.delete();
