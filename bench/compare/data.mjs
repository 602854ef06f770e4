// Shared by the comparison scripts: the national benchmark data (../shared/data, or BHABIN_DATA_DIR), our
// WebAssembly core, and a timer that reports the best of several runs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = process.env.BHABIN_DATA_DIR || join(repoRoot, '../shared/data');

// Fields of one CSV line; a field may be quoted and hold commas ("a, b") or doubled quotes.
function splitCsvLine(line) {
  const fields = [''];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') fields[fields.length - 1] += line[++i];
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) fields.push('');
    else fields[fields.length - 1] += c;
  }
  return fields;
}

function readCsv(name) {
  const [header, ...lines] = readFileSync(join(dataDir, name), 'utf8').trim().split(/\r?\n/);
  return { columns: splitCsvLine(header), rows: lines.map(splitCsvLine) };
}

// { lat: Float64Array, lon: Float64Array, ids: Uint32Array } with ids = row numbers.
function positions(name) {
  const { columns, rows } = readCsv(name);
  const latAt = columns.indexOf('lat');
  const lonAt = columns.indexOf('lon');
  const lat = new Float64Array(rows.length);
  const lon = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    lat[i] = Number(row[latAt]);
    lon[i] = Number(row[lonAt]);
  });
  return { lat, lon, ids: Uint32Array.from(rows.keys()) };
}

export const posts = positions('officer_posts.csv');
export const reportPoints = positions('report_points.csv');

export async function loadCore() {
  const require = createRequire(import.meta.url);
  const path = process.env.BHABIN_CORE_JS || join(repoRoot, 'build/wasm/src/bindings/bhabin-core.js');
  return require(path)();
}

// Runs `work` `runs` times (after one warm-up) and returns the fastest run in milliseconds: the least
// disturbed by the garbage collector and the rest of the machine.
export function bestOf(runs, work) {
  work();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export function printTable(title, rows) {
  console.log(`\n${title}`);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  for (const row of rows) console.log(row.map((cell, c) => String(cell).padEnd(widths[c])).join('  '));
}
