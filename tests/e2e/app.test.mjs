// Layer 3: the real page from the real server in headless Chromium. Map, ImGui canvas, event routing.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { artifactsDir, launchBrowser, mapPixelsOfColour, openApp, startServer } from './harness.mjs';
import { press, state, waitForState, widget } from './person.mjs';
import { decodePng } from './png.mjs';

const MAP_BACKGROUND = [0xdf, 0xe7, 0xee]; // web/style.css #map background, seen where no tiles are drawn

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  mkdirSync(artifactsDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const hook = (page) => page.evaluate(() => ({ ...window.bhabinTest }));

function colourAt(png, x, y) {
  return png.pixel(x, y).slice(0, 3);
}

describe('desktop', () => {
  let app;
  before(async () => {
    app = await openApp(browser, server.url, { viewport: { width: 1280, height: 800 } });
  });
  after(async () => app.context.close());

  it('starts without errors', async () => {
    const state = await hook(app.page);
    assert.equal(state.ready, true);
    assert.equal(state.error, null);
    assert.deepEqual(app.errors, []);
  });

  it('has the Leaflet map under a full-size WebGL2 canvas', async () => {
    const layout = await app.page.evaluate(() => {
      const canvas = document.getElementById('ui');
      const map = document.getElementById('map');
      return {
        leaflet: map.classList.contains('leaflet-container') && !!map.querySelector('.leaflet-map-pane'),
        canvasSize: [canvas.width, canvas.height],
        cssSize: [canvas.clientWidth, canvas.clientHeight],
        canvasOnTop: Number(getComputedStyle(canvas).zIndex) > 800,
        webgl2: !!canvas.getContext('webgl2'),
      };
    });
    assert.equal(layout.leaflet, true);
    assert.deepEqual(layout.cssSize, [1280, 800]);
    assert.deepEqual(layout.canvasSize, [1280, 800]);
    assert.equal(layout.canvasOnTop, true);
    assert.equal(layout.webgl2, true);
  });

  it('draws the ImGui panel over the map, and only there', async () => {
    const panel = await widget(app.page, 'tab.content');
    const screenshot = await app.page.screenshot();
    writeFileSync(join(artifactsDir, 'desktop.png'), screenshot);
    const png = decodePng(screenshot);
    assert.ok(panel.x < 40 && panel.width > 300, 'the sheet sits at the left on a wide screen');
    assert.deepEqual(colourAt(png, 1000, 700), MAP_BACKGROUND, 'empty map area shows the map');
    assert.notDeepEqual(colourAt(png, panel.x + 5, panel.y + panel.height - 5), MAP_BACKGROUND, 'the panel is drawn over the map');
  });

  it('delivers a click on the map to C++ with its position', async () => {
    const before = await hook(app.page);
    await app.page.mouse.click(900, 500);
    await app.page.waitForFunction((n) => window.bhabinTest.mapClicks === n + 1, before.mapClicks);
    const { lastMapClick } = await hook(app.page);
    // The map opens on Brebes (-7.05, 108.98) at zoom 10; a click 260 px right and 100 px below the centre
    // of a 1280x800 view lands about 0.7 degrees east and 0.27 degrees south of it.
    assert.ok(Math.abs(lastMapClick.lng - (108.98 + 260 * (360 / 2 ** 18))) < 1e-3, `lng ${lastMapClick.lng}`);
    assert.ok(lastMapClick.lat < -7.05 && lastMapClick.lat > -7.5, `lat ${lastMapClick.lat}`);
    assert.equal(await app.page.locator('.leaflet-marker-icon:not(.bhabin-cluster)').count(), 1, 'C++ placed a marker');
    const s = await waitForState(app.page, (st) => st.village !== '', 'the village of the tapped place');
    assert.deepEqual(s.position, { lat: lastMapClick.lat, lon: lastMapClick.lng });
    assert.match(s.village, /^33\.29\./, 'the nearest village of the demo regency');
    assert.match(s.responsibleNrp, /^\d{8}$/);
  });

  it('shows officers on the map, clustered by the core', async () => {
    const clusters = await app.page.locator('.bhabin-cluster').allTextContents();
    assert.ok(clusters.length > 0, 'clusters drawn');
    const counted = clusters.reduce((sum, text) => sum + Number(text), 0);
    assert.ok(counted > 200 && counted <= 297, `the demo's 297 officers, less those drawn alone: ${counted}`);
  });

  it('draws the regency outline from our own data, with no map tiles to be had', async () => {
    const s = await waitForState(app.page, (st) => st.outlines.regencies > 0, 'the regency outline');
    assert.equal(s.outlines.regencies, 1, 'the demo stores Brebes\'s outline');
    // #1f3a68 (LeafletMap::showOutlines), blended at 80 % over a transparent canvas
    const outlinePixels = await mapPixelsOfColour(app.page, [31, 58, 104], 100);
    assert.ok(outlinePixels > 200, `the outline is drawn on the map: ${outlinePixels} pixels`);
  });

  it('keeps clicks and wheel over the panel away from the map', async () => {
    const before = await hook(app.page);
    const transform = () => app.page.evaluate(() => document.querySelector('.leaflet-map-pane').style.transform);
    const paneBefore = await transform();
    const panel = await widget(app.page, 'tab.content');
    const [x, y] = [panel.x + 20, panel.y + panel.height - 20];
    await app.page.mouse.click(x, y);
    await app.page.mouse.move(x, y);
    await app.page.mouse.wheel(0, -400);
    await app.page.mouse.move(x, y);
    await app.page.mouse.down();
    await app.page.mouse.move(600, 400, { steps: 5 });
    await app.page.mouse.up();
    await app.page.waitForTimeout(300);
    const now = await hook(app.page);
    assert.equal(now.mapClicks, before.mapClicks, 'no map click');
    assert.equal(await transform(), paneBefore, 'the map neither panned nor zoomed');
    const zoom = await app.page.evaluate(() => document.querySelector('.leaflet-zoom-animated')?.style.transform);
    assert.ok(zoom === undefined || !zoom.includes('scale('), `map zoom animation started: ${zoom}`);
  });

  it('lets a drag on the map pan it', async () => {
    const transform = () => app.page.evaluate(() => document.querySelector('.leaflet-map-pane').style.transform);
    const paneBefore = await transform();
    await app.page.mouse.move(800, 600);
    await app.page.mouse.down();
    await app.page.mouse.move(700, 550, { steps: 5 });
    await app.page.mouse.up();
    assert.notEqual(await transform(), paneBefore);
  });

  it('switches the UI to English when asked, and remembers it', async () => {
    assert.equal((await state(app.page)).language, 'id', 'Indonesian first');
    await press(app.page, 'language.toggle');
    await waitForState(app.page, (s) => s.language === 'en', 'English');
    await app.page.waitForTimeout(300); // the choice is written to the device store asynchronously
    await app.page.reload();
    await app.page.waitForFunction(() => window.bhabinTest && window.bhabinTest.frames >= 2);
    await waitForState(app.page, (s) => s.language === 'en', 'English after a reload');
  });
});

describe('phone', () => {
  let app;
  before(async () => {
    app = await openApp(browser, server.url, {
      viewport: { width: 360, height: 780 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
  });
  after(async () => app.context.close());

  it('renders at device resolution without errors, the sheet at the bottom and the map above it', async () => {
    const size = await app.page.evaluate(() => [document.getElementById('ui').width, document.getElementById('ui').height]);
    assert.deepEqual(size, [720, 1560]);
    const panel = await widget(app.page, 'tab.content');
    const screenshot = await app.page.screenshot();
    writeFileSync(join(artifactsDir, 'phone.png'), screenshot);
    const png = decodePng(screenshot);
    assert.equal(png.width, 720);
    assert.ok(panel.y > 780 * 0.4 && panel.width > 300, 'the sheet fills the bottom of the screen');
    assert.notDeepEqual(colourAt(png, 2 * (panel.x + 5), 2 * (panel.y + panel.height - 5)), MAP_BACKGROUND, 'the panel is drawn');
    assert.deepEqual(colourAt(png, 20, 20), MAP_BACKGROUND, 'the map shows above it');
    assert.deepEqual(app.errors, []);
  });

  it('delivers a tap on the map to C++, but not a tap on the panel', async () => {
    const before = await hook(app.page);
    const panel = await widget(app.page, 'tab.content');
    await app.page.touchscreen.tap(panel.x + 20, panel.y + panel.height - 20);
    await app.page.waitForTimeout(300);
    assert.equal((await hook(app.page)).mapClicks, before.mapClicks);
    await app.page.touchscreen.tap(60, 150); // on the map
    await app.page.waitForFunction((n) => window.bhabinTest.mapClicks === n + 1, before.mapClicks);
  });
});
