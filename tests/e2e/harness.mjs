// Starts what a browser test needs: the real bhabin-server on a free loopback port, and headless Chromium.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const artifactsDir = process.env.BHABIN_TEST_ARTIFACTS || join(repoRoot, 'build/test-artifacts');

// Resolves to { url, stop() } once the server says where it listens. extraArgs follow (and so override) the
// defaults, say another --root.
export function startServer(extraArgs = []) {
  const binary = process.env.BHABIN_SERVER_BIN || join(repoRoot, 'build/native/src/server/bhabin-server');
  const server = spawn(binary, ['--port', '0', '--root', repoRoot, '--log-level', 'warn', ...extraArgs], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`bhabin-server did not start:\n${log}`)), 10000);
    server.on('exit', (code) => reject(new Error(`bhabin-server exited with ${code}:\n${log}`)));
    server.stderr.on('data', (chunk) => {
      log += chunk;
      // The whole line: stderr is unbuffered, so the address may arrive in pieces.
      const match = /serving (http:\/\/[^\s]+)\n/.exec(log);
      if (!match) return;
      clearTimeout(timer);
      resolvePromise({
        url: match[1],
        log: () => log,  // what the server said on standard error, e.g. the demo logins
        stop: () => new Promise((done) => {
          server.removeAllListeners('exit');
          server.on('exit', done);
          server.kill('SIGTERM');
        }),
      });
    });
  });
}

// Headless Chromium from Debian with software WebGL2, kept off every network but loopback.
const chromiumOptions = {
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--use-gl=swiftshader',
    '--enable-unsafe-swiftshader',
    '--ignore-gpu-blocklist',
  ],
};

// Playwright gives each launch a fresh temporary profile of its own.
export function launchBrowser() {
  return chromium.launch(chromiumOptions);
}

// The same Chromium with its profile in userDataDir, so storage (IndexedDB, caches) outlives a close and relaunch.
// Resolves to a BrowserContext; closing it ends the browser.
export function launchPersistentBrowser(userDataDir, contextOptions) {
  return chromium.launchPersistentContext(userDataDir, { ...chromiumOptions, ...contextOptions });
}

// Opens the app in a new page and waits until C++ has drawn its first frames. Collects console errors.
export async function openApp(browser, url, contextOptions) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await waitForFrames(page);
  return { context, page, errors };
}

// Waits until the app on `page` has drawn at least two frames.
export function waitForFrames(page) {
  return page.waitForFunction(() => window.bhabinTest && window.bhabinTest.frames >= 2, null, { timeout: 30000 });
}

// How many pixels of Leaflet's overlay canvases (officers, reports, outlines) are drawn in the colour [r, g, b]
// (each channel within 12) at an opacity above `minAlpha` (0-255).
export function mapPixelsOfColour(page, [r, g, b], minAlpha) {
  return page.evaluate(({ r, g, b, minAlpha }) => {
    let count = 0;
    for (const canvas of document.querySelectorAll('.leaflet-overlay-pane canvas')) {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > minAlpha && Math.abs(data[i] - r) < 12 && Math.abs(data[i + 1] - g) < 12 && Math.abs(data[i + 2] - b) < 12) count++;
      }
    }
    return count;
  }, { r, g, b, minAlpha });
}
