// The browser app's budgets (issue: ≤ 700 KB gzipped of our WebAssembly + JavaScript, first ImGui frame
// ≤ 1.5 s after navigation on localhost, 60 fps while panning with 5,000 officers on the map), measured in
// headless Chromium against the real server. The 5,000 officers: 5,000 of Central Java's villages from
// ../shared/data with one officer each (every second one on duty), imported once into a SQLite database kept
// under build/ (each new officer's password is hashed with Argon2id, which takes minutes for 5,000).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { launchBrowser, openApp, repoRoot, startServer } from '../../tests/e2e/harness.mjs';
import { press, type, waitForState } from '../../tests/e2e/person.mjs';

const dataDir = process.env.BHABIN_DATA_DIR || join(repoRoot, '../shared/data');
const serverBinary = join(repoRoot, 'build/native/src/server/bhabin-server');
const appDir = join(repoRoot, 'build/wasm/src/app');
const OFFICERS = 5000;

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const gzipped = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

function sizes() {
  const ours = ['bhabin-app.wasm', 'bhabin-app.js'].map((f) => join(appDir, f))
    .concat(['boot.js', 'device_store.js', 'early_start.js', 'photo_picker.js', 'service_worker.js', 'style.css'].map((f) => join(repoRoot, 'web', f)));
  const oursGz = ours.reduce((sum, path) => sum + gzipped(path), 0);
  const data = gzipped(join(appDir, 'bhabin-app.data')); // the UI font and the language files
  const leaflet = gzipped(join(repoRoot, 'node_modules/leaflet/dist/leaflet.js')) +
    gzipped(join(repoRoot, 'node_modules/leaflet/dist/leaflet.css'));
  return { oursGz, data, leaflet };
}

// 5,000 villages of Central Java (province 33) from the national data with their centres, one officer each.
function importCentralJava(dir) {
  const rows = readFileSync(join(dataDir, 'officer_posts.csv'), 'utf8').trim().split('\n').slice(1)
    .map((line) => line.split(',')).filter((cols) => cols[0].startsWith('33.')).slice(0, OFFICERS);
  const villages = ['code,name,lat,lon', ...rows.map((c) => `${c[0]},${c[1]},${c[4]},${c[5]}`)].join('\n');
  const officers = ['nrp,name,phone,villages,on_duty', ...rows.map((c, i) =>
    `${String(70000000 + i)},Petugas ${i + 1},08123${String(100000 + i).padStart(6, '0')},${c[0]},${i % 2}`)].join('\n');
  const building = `${dir}.partial`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  writeFileSync(join(building, 'villages.csv'), villages + '\n');
  writeFileSync(join(building, 'officers.csv'), officers + '\n');
  for (const kind of ['villages', 'officers']) {
    const run = spawnSync(serverBinary, ['import', kind, join(building, `${kind}.csv`), '--data-dir', building, '--root', repoRoot,
      '--demo-regency', 'none'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (run.status !== 0) throw new Error(`import ${kind} failed:\n${run.error ?? ''}\n${run.stderr}`);
  }
  renameSync(building, dir);
}

async function firstFrame(browser, url) {
  const times = [];
  for (let i = 0; i < 5; ++i) {
    const app = await openApp(browser, url, { viewport: { width: 1280, height: 800 } });
    times.push(await app.page.evaluate(() => window.bhabinTest.firstFrameMs));
    await app.context.close();
  }
  return times.sort((a, b) => a - b)[2];
}

// Goes to the imported villages as a person would (searching one by name, which flies there at zoom 14), zooms
// to `zoom` with the wheel, drags the map back and forth for `seconds` and counts the app's frames (one per
// animation frame).
async function panFps(browser, url, village, zoom, seconds) {
  const app = await openApp(browser, url, { viewport: { width: 1280, height: 800 } });
  const { page } = app;
  await waitForState(page, (s) => s.rosterState === 'ready', 'the roster', 60000);
  await type(page, 'locate.search', village);
  await press(page, 'locate.result.0');
  await page.waitForTimeout(1500); // the flight
  await page.mouse.move(800, 400);
  for (let level = 14; level !== zoom; level += Math.sign(zoom - level)) {
    await page.mouse.wheel(0, zoom < level ? 120 : -120);
    await page.waitForTimeout(400);
  }
  const start = await page.evaluate(() => [window.bhabinTest.frames, performance.now()]);
  const end = Date.now() + seconds * 1000;
  let direction = 1;
  while (Date.now() < end) {
    await page.mouse.down();
    for (let step = 0; step < 30; ++step) await page.mouse.move(800 + direction * step * 10, 400 + direction * step * 4);
    await page.mouse.up();
    direction = -direction;
  }
  const stop = await page.evaluate(() => [window.bhabinTest.frames, performance.now()]);
  const clusters = await page.locator('.bhabin-cluster').count();
  await app.context.close();
  return { fps: ((stop[0] - start[0]) * 1000) / (stop[1] - start[1]), clusters };
}

const work = join(repoRoot, 'build/bench/browser-data');
if (!existsSync(work)) {
  console.log(`importing ${OFFICERS} officers into ${work} (once)…`);
  importCentralJava(work);
}
const browser = await launchBrowser();
try {
  const { oursGz, data, leaflet } = sizes();
  console.log(`size, gzipped: our WebAssembly + JavaScript + CSS ${kb(oursGz)} (budget 700 KB); ` +
    `font and language files ${kb(data)}; Leaflet ${kb(leaflet)}`);

  const server = await startServer(['--data-dir', work, '--demo-regency', 'none']);
  try {
    console.log(`first ImGui frame after navigation (median of 5): ${(await firstFrame(browser, server.url)).toFixed(0)} ms (budget 1500 ms)`);
    const village = readFileSync(join(work, 'villages.csv'), 'utf8').split('\n')[1].split(',')[1];
    for (const zoom of [8, 11]) {
      const panned = await panFps(browser, server.url, village, zoom, 5);
      console.log(`panning Central Java (${OFFICERS} officers) at zoom ${zoom} for 5 s: ${panned.fps.toFixed(1)} frames/s ` +
        `(budget 60), ${panned.clusters} clusters and the single officers around them in view`);
    }
  } finally {
    await server.stop();
  }
} finally {
  await browser.close();
}
