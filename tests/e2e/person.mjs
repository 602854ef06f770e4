// Acting on the app like a person: find a widget by the stable id the app tags it with
// (window.bhabinTest.widgets(), src/ui/widget_tags.h), then press real pointer or touch events at its centre
// and type with the real keyboard. Tests never call app functions; they read state() to check what happened.

const DEFAULT_TIMEOUT = 20000;

export const state = (page) => page.evaluate(() => window.bhabinTest.state());

// Waits until `predicate(state)` holds; returns that state. The message names what was awaited.
export async function waitForState(page, predicate, what, timeout = DEFAULT_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await state(page);
    if (predicate(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last)}`);
}

// The widget's rectangle once it is drawn (and has stayed put for a frame, so a layout change is over).
export async function widget(page, id, timeout = DEFAULT_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let previous = null;
  while (Date.now() < deadline) {
    const found = await page.evaluate((wanted) => window.bhabinTest.widgets().find((w) => w.id === wanted) || null, id);
    if (found && previous && found.x === previous.x && found.y === previous.y) return found;
    previous = found;
    await page.waitForTimeout(40);
  }
  const ids = await page.evaluate(() => window.bhabinTest.widgets().map((w) => w.id));
  throw new Error(`widget "${id}" not drawn; drawn: ${ids.join(', ')}`);
}

export async function hasWidget(page, id) {
  return page.evaluate((wanted) => window.bhabinTest.widgets().some((w) => w.id === wanted), id);
}

const isTouch = (page) => page.evaluate(() => navigator.maxTouchPoints > 0);

// Scrolls the open tab's content by `dy` CSS pixels (positive: towards the end), as a person would: a finger
// dragging it on a touch screen, the mouse wheel on a desktop.
async function scrollContent(page, dy) {
  const area = await widget(page, 'tab.content');
  const x = area.x + area.width / 2;
  const from = area.y + area.height * (dy > 0 ? 0.8 : 0.2);
  const to = Math.max(area.y + 2, Math.min(area.y + area.height - 2, from - dy));
  if (await isTouch(page)) {
    const cdp = await page.context().newCDPSession(page);
    const point = (y) => [{ x, y }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
    for (let step = 1; step <= 8; ++step) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(from + ((to - from) * step) / 8) });
      await page.waitForTimeout(20);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  } else {
    await page.mouse.move(x, from);
    await page.mouse.wheel(0, dy);
  }
  await waitForFrames(page, 4);
}

// Scrolls the open tab until the widget is drawn: first towards the end, then back to the top.
async function scrollTo(page, id) {
  for (const direction of [1, -1]) {
    for (let attempt = 0; attempt < 8; ++attempt) {
      if (await hasWidget(page, id)) return;
      await scrollContent(page, direction * 250);
    }
  }
}

// A click with the mouse, or a tap on a touch screen (contexts created with hasTouch), on the widget's centre
// once it is drawn; scrolls the tab to it first when it is out of view.
export async function press(page, id) {
  if (!(await hasWidget(page, id)) && (await hasWidget(page, 'tab.content'))) await scrollTo(page, id);
  const w = await widget(page, id);
  const x = w.x + w.width / 2;
  const y = w.y + w.height / 2;
  if (await isTouch(page)) {
    await page.touchscreen.tap(x, y);
  } else {
    await page.mouse.click(x, y);
  }
  await waitForFrames(page, 4); // the app sees the press and the release in frames of their own
}

// Focuses a text field by pressing it, waits until the app has given it the keyboard, then types like a
// keyboard and waits until the app has taken every key.
export async function type(page, id, text) {
  await press(page, id);
  await waitForState(page, (s) => s.editingText, `the text field ${id} to take the keyboard`);
  await page.keyboard.type(text, { delay: 10 });
  await waitForFrames(page, 3);
}

// Waits until the app has drawn `count` more frames.
export async function waitForFrames(page, count) {
  const start = await page.evaluate(() => window.bhabinTest.frames);
  await page.waitForFunction((target) => window.bhabinTest.frames >= target, start + count);
}
