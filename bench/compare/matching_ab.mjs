// Two builds of the core's matching against each other, for a shared and noisy machine: both modules load in
// one node process and take turns (build, batch k=1 and k=5, single k=1 calls), round after round, so load
// that comes and goes hits both alike. Times are the process's CPU time (not wall time, which counts the
// time other programs held the core), reported as median and minimum over the rounds.
//   node bench/compare/matching_ab.mjs BEFORE/bhabin-core.js AFTER/bhabin-core.js [ROUNDS]
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

import { posts, reportPoints } from './data.mjs';

const [beforePath, afterPath, roundsArgument] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  console.error('usage: node bench/compare/matching_ab.mjs BEFORE/bhabin-core.js AFTER/bhabin-core.js [ROUNDS]');
  process.exit(2);
}
const ROUNDS = Number(roundsArgument || 20);
const QUERIES = reportPoints.lat.length;
const NO_CAP = 2147483647;
const require = createRequire(import.meta.url);
const cores = { before: await require(resolve(beforePath))(), after: await require(resolve(afterPath))() };

function cpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function timed(work) {
  const start = cpuMs();
  work();
  return cpuMs() - start;
}

const indexes = {};
for (const [name, core] of Object.entries(cores)) {
  indexes[name] = new core.PostIndex(posts.ids, posts.lat, posts.lon);
  if (!indexes[name].ok()) throw new Error(indexes[name].error());
  const buffer = indexes[name].queryBuffer(QUERIES);
  for (let q = 0; q < QUERIES; q++) {
    buffer[2 * q] = reportPoints.lat[q];
    buffer[2 * q + 1] = reportPoints.lon[q];
  }
}

const samples = {};
const record = (what, name, value) => ((samples[what] ??= { before: [], after: [] })[name]).push(value);
const perQueryNs = (ms) => (ms * 1e6) / QUERIES;

for (let round = 0; round < ROUNDS; round++) {
  for (const name of round % 2 === 0 ? ['before', 'after'] : ['after', 'before']) {
    const core = cores[name];
    const index = indexes[name];
    const build = () => new core.PostIndex(posts.ids, posts.lat, posts.lon).delete();
    record('index build, 83,763 posts (ms)', name, timed(build));
    for (const k of [1, 5]) {
      const batch = () => index.nearestBatch(QUERIES, k, Infinity, false, NO_CAP);
      record(`k=${k} per query, batch (ns)`, name, perQueryNs(timed(batch)));
    }
    const singles = () => {
      const { lat, lon } = reportPoints;
      for (let q = 0; q < QUERIES; q++) index.nearest(lat[q], lon[q], 1, Infinity, false, NO_CAP);
    };
    record('k=1 per query, single call (ns)', name, perQueryNs(timed(singles)));
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const shown = (values) => `${median(values).toFixed(1)} (min ${Math.min(...values).toFixed(1)})`;
console.log(`${ROUNDS} alternating rounds, CPU time, median (min)`);
for (const [what, { before, after }] of Object.entries(samples)) {
  console.log(`${what.padEnd(36)} before ${shown(before).padEnd(22)} after ${shown(after)}`);
}
