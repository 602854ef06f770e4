// The offline-first service worker, served by bhabin-server at /service_worker.js (scope: the whole site) with the
// placeholder in SHELL_VERSION replaced by a hash of every file in SHELL_URLS. Any change to those files therefore
// changes this script's bytes: browsers install the new worker, which fills a fresh cache and deletes the old ones.
//
// Rules, in order:
//  - anything but GET, and any other origin (map tiles), is not touched: it goes to the network as usual;
//  - GET /api/v1/config, /api/v1/roster and /api/v1/boundaries (with any query): network first, the last good
//    copy when the network fails;
//    stored unchanged, so its Date header tells its age, and never if the server marked it no-store or private;
//  - every other /api/ request goes to the network and is never stored: personal data stays out of caches;
//  - the app shell (SHELL_URLS, and page navigations to /) comes from the cache, the network only on a miss.
//    The shell is not revalidated in the background: its version covers every byte of it, so the worker update
//    check already finds any change, and phones are spared downloading the WebAssembly on every visit.
'use strict';

const SHELL_VERSION = '@BHABIN_SHELL_VERSION@';
const CACHE_PREFIX = 'bhabin-';
const SHELL_CACHE = CACHE_PREFIX + 'shell-' + SHELL_VERSION;
const API_CACHE = CACHE_PREFIX + 'api-' + SHELL_VERSION;

// What index.html loads, and what Leaflet loads for the map's marker. The server hashes exactly these files:
// keep one single-quoted URL per line.
const SHELL_URLS = [
  '/',
  '/web/style.css',
  '/web/early_start.js',
  '/web/device_store.js',
  '/web/photo_picker.js',
  '/web/boot.js',
  '/app/bhabin-app.js',
  '/app/bhabin-app.wasm',
  '/app/bhabin-app.data',
  '/vendor/leaflet/leaflet.js',
  '/vendor/leaflet/leaflet.css',
  '/vendor/leaflet/images/marker-icon.png',
  '/vendor/leaflet/images/marker-icon-2x.png',
  '/vendor/leaflet/images/marker-shadow.png',
  '/assets/icons/bhabin.svg',
];
const SHELL_PATHS = new Set(SHELL_URLS);

// Public, read-only API answers worth keeping for offline starts: the path itself or anything below it.
const CACHED_API_PATHS = ['/api/v1/config', '/api/v1/roster', '/api/v1/boundaries'];

const isCachedApi = (pathname) =>
  CACHED_API_PATHS.some((path) => pathname === path || pathname.startsWith(path + '/'));

const mayStore = (response) => {
  if (response.status !== 200 || response.type !== 'basic') return false;
  const cacheControl = (response.headers.get('Cache-Control') || '').toLowerCase();
  return !/(^|[\s,])(no-store|private)([\s,=]|$)/.test(cacheControl);
};

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL_CACHE);
    // 'reload' bypasses the HTTP cache, so the cache labelled with this version gets the files as served now.
    await shell.addAll(SHELL_URLS.map((url) => new Request(url, { cache: 'reload' })));
    // The page fetched these before any worker saw them, and a previous worker's copies go with its cache: take
    // them now, while online (the HTTP cache usually answers after a 304). Optional: the next start stores them.
    const api = await caches.open(API_CACHE);
    await Promise.all(CACHED_API_PATHS.map(async (path) => {
      try {
        const response = await fetch(path);
        if (mayStore(response)) await api.put(path, response);
      } catch (error) {
        // offline again already, or an older server without this path
      }
    }));
    await self.skipWaiting(); // a new build replaces the old shell at once; open pages keep what they loaded
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const current = new Set([SHELL_CACHE, API_CACHE]);
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && !current.has(name))
      .map((name) => caches.delete(name)));
    await self.clients.claim(); // the page that registered us works offline without a reload
  })());
});

async function fromShell(key, request) {
  const shell = await caches.open(SHELL_CACHE);
  const cached = await shell.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  // Only after the browser dropped our storage: refill, so the next offline start still works.
  if (mayStore(response)) await shell.put(key, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(API_CACHE);
  let response;
  try {
    response = await fetch(request);
  } catch (networkError) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw networkError;
  }
  if (mayStore(response)) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    if (isCachedApi(url.pathname)) event.respondWith(networkFirst(request));
    return;
  }
  if (request.mode === 'navigate') {
    if (url.pathname === '/' || url.pathname === '/index.html') event.respondWith(fromShell('/', request));
    return;
  }
  if (url.search === '' && SHELL_PATHS.has(url.pathname)) event.respondWith(fromShell(url.pathname, request));
});
