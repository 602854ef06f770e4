// Layer 3, offline: the service worker (web/service_worker.js) and the device store (web/device_store.js) in
// headless Chromium against the real server. http://127.0.0.1 is a secure context, so service workers run.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  launchBrowser, launchPersistentBrowser, openApp, repoRoot, startServer, waitForFrames,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const hook = (page) => page.evaluate(() => ({ ...window.bhabinTest }));

// The API answers the worker keeps for offline starts; every other /api/ request needs the network.
const KEPT_API = ['/api/v1/config', '/api/v1/roster', '/api/v1/boundaries'];

// Console errors of `page` from now on, except failed loads of API requests the worker does not keep: the app
// asks for its session at start, which offline (or logged out: 401) fails and is logged by Chromium.
function watchErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url ? new URL(message.location().url) : null;
    const failedLoad = message.text().startsWith('Failed to load resource');
    if (failedLoad && url && url.pathname.startsWith('/api/') && !KEPT_API.includes(url.pathname)) return;
    errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

// Opens the app in a new page of `context`, collecting errors as watchErrors does.
async function open(context, url) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  await waitForFrames(page);
  return { page, errors };
}

// Waits until the worker has installed, activated and claimed the page.
const waitForWorker = (page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });

// Every URL in the page origin's caches, by cache name.
const cacheContents = (page) => page.evaluate(async () => {
  const contents = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    contents[name] = (await cache.keys()).map((request) => new URL(request.url).pathname + new URL(request.url).search);
  }
  return contents;
});

// Runs fetch in the page; 'network error' when it rejects (what an offline request without a cached copy does).
const pageFetch = (page, path, init) => page.evaluate(async ([path, init]) => {
  try {
    const response = await fetch(path, init);
    return { status: response.status, body: await response.text(), date: response.headers.get('Date') };
  } catch (error) {
    return { failed: `network error (${error.name})` };
  }
}, [path, init ?? {}]);

const shellVersionOf = (script) => /const SHELL_VERSION = '([^']*)';/.exec(script)?.[1];

describe('the worker script', () => {
  it('is served at the root with the shell version filled in, never cached by HTTP', async () => {
    const response = await fetch(new URL('/service_worker.js', server.url));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/javascript; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.match(response.headers.get('content-security-policy'), /worker-src 'self'/);
    const script = await response.text();
    assert.match(shellVersionOf(script), /^[0-9a-f]{16}$/);
    assert.doesNotMatch(script, /@BHABIN_SHELL_VERSION@/);
  });
});

describe('offline start', () => {
  let app;
  before(async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    app = { context, ...(await open(context, server.url)) };
  });
  after(async () => app.context.close());

  it('starts from the service worker cache with the network off', async () => {
    await waitForWorker(app.page);
    const cached = Object.values(await cacheContents(app.page)).flat();
    for (const path of ['/', '/web/boot.js', '/web/device_store.js', '/app/bhabin-app.wasm', '/app/bhabin-app.data',
      '/vendor/leaflet/leaflet.js', '/vendor/leaflet/images/marker-icon.png', '/assets/icons/bhabin.svg']) {
      assert.ok(cached.includes(path), `${path} is precached`);
    }

    await app.context.setOffline(true);
    app.errors.length = 0;
    const navigation = await app.page.reload();
    assert.equal(navigation.fromServiceWorker(), true, 'the page came from the worker');
    await waitForFrames(app.page);
    const state = await hook(app.page);
    assert.equal(state.ready, true);
    assert.equal(state.error, null);
    assert.deepEqual(app.errors, []);
    // It really was offline: an API request the worker does not keep fails.
    assert.ok((await pageFetch(app.page, '/api/v1/health')).failed);
  });
});

describe('API requests offline', () => {
  let app;
  let onlineConfig;
  before(async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    app = { context, ...(await open(context, server.url)) };
    await waitForWorker(app.page);
    // Online, through the worker: the settings (kept), a report with an empty body (refused by the server, so
    // nothing is stored there) and the health check (neither kept).
    onlineConfig = await pageFetch(app.page, '/api/v1/config');
    assert.equal(onlineConfig.status, 200);
    const post = await pageFetch(app.page, '/api/v1/reports', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
    });
    assert.ok(post.status >= 400 && post.status < 500, `the server answered the POST: ${JSON.stringify(post)}`);
    assert.equal((await pageFetch(app.page, '/api/v1/health')).status, 200);
    await app.context.setOffline(true);
    const worker = app.context.serviceWorkers()[0];
    assert.equal(await worker.evaluate(() => fetch('/api/v1/health').then(() => 'online', () => 'offline')),
      'offline', 'the worker itself has no network either');
  });
  after(async () => app.context.close());

  it('keeps nothing of the API in a cache but the public settings and roster', async () => {
    const apiEntries = Object.values(await cacheContents(app.page)).flat().filter((path) => path.startsWith('/api/'));
    assert.ok(apiEntries.includes('/api/v1/config'), `${apiEntries}`);
    for (const path of apiEntries) assert.ok(KEPT_API.includes(path), `${path} must not be cached`);
  });

  it('never answers a POST from a cache', async () => {
    const post = await pageFetch(app.page, '/api/v1/reports', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
    });
    assert.match(post.failed ?? JSON.stringify(post), /^network error/);
  });

  it('does not answer other API GETs from a cache', async () => {
    const health = await pageFetch(app.page, '/api/v1/health');
    assert.match(health.failed ?? JSON.stringify(health), /^network error/);
  });

  it('answers GET /api/v1/config from the cache, unchanged', async () => {
    const config = await pageFetch(app.page, '/api/v1/config');
    assert.equal(config.status, 200);
    assert.deepEqual(JSON.parse(config.body), JSON.parse(onlineConfig.body));
    assert.ok(JSON.parse(config.body).version, 'the settings carry the server version');
    assert.ok(config.date, 'the stored copy keeps its Date header, so its age is known');
  });
});

describe('a new build', () => {
  // A copy of the page files under a second server, so the test can change one of them.
  let root;
  let second;
  let context;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bhabin-offline-root-'));
    cpSync(join(repoRoot, 'index.html'), join(root, 'index.html'));
    cpSync(join(repoRoot, 'web'), join(root, 'web'), { recursive: true });
    cpSync(join(repoRoot, 'assets'), join(root, 'assets'), { recursive: true });
    second = await startServer([
      '--root', root,
      '--app-dir', join(repoRoot, 'build/wasm/src/app'),
      '--leaflet-dir', join(repoRoot, 'node_modules/leaflet/dist'),
      '--area-data-dir', join(repoRoot, 'node_modules/idn-area-data/data'),
      '--data-dir', join(root, 'data'),
      '--demo-regency', 'none',
    ]);
    context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  });
  after(async () => {
    await context?.close();
    await second?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('replaces the old shell cache, and the next start runs the new files', async () => {
    const workerVersion = async () =>
      shellVersionOf(await (await fetch(new URL('/service_worker.js', second.url))).text());
    const shellCaches = async (page) =>
      Object.keys(await cacheContents(page)).filter((name) => name.startsWith('bhabin-shell-'));
    const first = await open(context, second.url);
    await waitForWorker(first.page);
    const oldVersion = await workerVersion();
    assert.deepEqual(await shellCaches(first.page), [`bhabin-shell-${oldVersion}`]);

    appendFileSync(join(root, 'web/style.css'), '\n:root { --bhabin-build: new; }\n');
    const newVersion = await workerVersion();
    assert.notEqual(newVersion, oldVersion, 'a changed shell file changes the worker script');

    // The app closes and the phone visits the site again. (Not a reload of the running app: with SwiftShader
    // every frame keeps the renderer busy, and Chromium then puts the worker's update check off for a minute.)
    await first.page.close();
    const later = await context.newPage();
    await later.goto(new URL('/assets/icons/bhabin.svg', second.url).href);
    await later.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()));
    const deadline = Date.now() + 30000;
    while ((await shellCaches(later)).join() !== `bhabin-shell-${newVersion}`) {
      assert.ok(Date.now() < deadline, `still ${await shellCaches(later)} after 30 s`);
      await later.waitForTimeout(200);
    }

    await context.setOffline(true);
    const errors = watchErrors(later);
    await later.goto(second.url);
    await waitForFrames(later);
    const build = await later.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--bhabin-build').trim());
    assert.equal(build, 'new', 'the new style sheet came from the new cache');
    assert.equal((await hook(later)).error, null);
    assert.deepEqual(errors, []);
  });
});

describe('device store', () => {
  let profile;
  before(() => {
    profile = mkdtempSync(join(tmpdir(), 'bhabin-offline-profile-'));
  });
  after(() => rmSync(profile, { recursive: true, force: true }));

  const bytes = [0, 1, 2, 127, 128, 254, 255, 42];

  it('keeps bytes across a browser restart', async () => {
    let context = await launchPersistentBrowser(profile);
    try {
      const { page, errors } = await open(context, server.url);
      const stored = await page.evaluate(async (values) => {
        const store = window.bhabinDeviceStore;
        // A view into a larger buffer, like one into the WebAssembly heap: only its own bytes are stored.
        const heap = new Uint8Array(4096);
        heap.set(values, 100);
        await store.put('k', heap.subarray(100, 100 + values.length));
        await store.put('other', new Uint8Array([9]));
        await store.remove('other');
        const back = await store.get('k');
        return { back: Array.from(back), isBytes: back instanceof Uint8Array, missing: await store.get('nothing') };
      }, bytes);
      assert.deepEqual(stored, { back: bytes, isBytes: true, missing: null });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }

    context = await launchPersistentBrowser(profile);
    try {
      const { page } = await open(context, server.url);
      const read = await page.evaluate(async () => {
        const store = window.bhabinDeviceStore;
        const value = await store.get('k');
        return { value: value && Array.from(value), keys: await store.keys() };
      });
      assert.deepEqual(read, { value: bytes, keys: ['k'] });
    } finally {
      await context.close();
    }
  });

  it('rejects what it cannot store', async () => {
    const app = await openApp(browser, server.url);
    try {
      const messages = await app.page.evaluate(async () => {
        const store = window.bhabinDeviceStore;
        const reason = (promise) => promise.then(() => 'resolved', (error) => error.name);
        return [await reason(store.put('k', [1, 2])), await reason(store.put(7, new Uint8Array(1)))];
      });
      assert.deepEqual(messages, ['TypeError', 'TypeError']);
    } finally {
      await app.context.close();
    }
  });

  it('rejects with an explanation where IndexedDB is unavailable', async () => {
    const context = await browser.newContext();
    try {
      await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
      const { page } = await open(context, server.url);
      const messages = await page.evaluate(async () => {
        const store = window.bhabinDeviceStore;
        const reason = (promise) => promise.then(() => 'resolved', (error) => error.message);
        return [await reason(store.get('k')), await reason(store.put('k', new Uint8Array(1))),
          await reason(store.keys())];
      });
      for (const message of messages) assert.match(message, /IndexedDB is unavailable/);
    } finally {
      await context.close();
    }
  });
});
