// The product's main flows end to end against the real server (its own fresh SQLite database with the Brebes
// demo), acted out through the real page: a citizen on a phone finds their officer and files a report; the
// officer it was assigned to logs in on a desktop, acknowledges, works and resolves it with a note; the
// citizen sees the whole timeline.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { artifactsDir, launchBrowser, openApp, startServer } from './harness.mjs';
import { hasWidget, press, state, type, waitForState, widget } from './person.mjs';

const DEMO_PASSWORD = 'uji-demo-rahasia-42';
const PHONE = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
// The officer's browser has allowed location access and stands in Brebes.
const DESKTOP = {
  viewport: { width: 1280, height: 800 },
  permissions: ['geolocation'],
  geolocation: { latitude: -6.8936, longitude: 108.8081 },
};

let dataDir;
let server;
let browser;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bhabin-flows-'));
  server = await startServer(['--data-dir', dataDir, '--demo-password', DEMO_PASSWORD]);
  browser = await launchBrowser();
  mkdirSync(artifactsDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function screenshot(page, name) {
  writeFileSync(join(artifactsDir, name), await page.screenshot());
}

describe('a report from a citizen to the officer and back', () => {
  let citizen;
  let officer;
  let code;
  let officerNrp;

  before(async () => {
    citizen = await openApp(browser, server.url, PHONE);
    officer = await openApp(browser, server.url, DESKTOP);
  });
  after(async () => {
    await citizen?.context.close();
    await officer?.context.close();
  });

  it('finds the citizen\'s officer by searching the village name, typo and all', async () => {
    const page = citizen.page;
    await waitForState(page, (s) => s.rosterState === 'ready', 'the roster');
    await type(page, 'locate.search', 'pasarbatan');
    await press(page, 'locate.result.0');
    const s = await waitForState(page, (st) => st.position !== null && st.village !== '', 'a chosen village');
    assert.match(s.village, /^33\.29\.\d\d\.\d{4}$/, 'a village of Brebes');
    assert.notEqual(s.responsibleNrp, '', 'every demo village has a responsible officer');
    assert.ok(await hasWidget(page, 'myofficer.responsible'), 'the officer is shown');
    await screenshot(page, 'flow-phone-my-officer.png');
  });

  it('opens WhatsApp for the officer in one tap', async () => {
    const page = citizen.page;
    if (!(await hasWidget(page, 'myofficer.whatsapp'))) return; // the demo officer has no phone number
    const popup = citizen.context.waitForEvent('page');
    await press(page, 'myofficer.whatsapp');
    const url = await page.evaluate(() => window.bhabinTest.lastExternalUrl);
    assert.match(url, /^https:\/\/wa\.me\/62\d{8,12}$/);
    await (await popup).close(); // WhatsApp opened in a new tab (unreachable here); back to the app
    await page.bringToFront();
  });

  it('refuses an incomplete report with the core\'s messages, then files it and shows the code', async () => {
    const page = citizen.page;
    await press(page, 'tab.report');
    await press(page, 'report.submit');
    const refused = await state(page);
    assert.equal(refused.tracked.length, 0, 'nothing was queued');
    assert.deepEqual([...refused.refusedFields].sort(), ['category', 'consent', 'description', 'reporterName', 'title']);
    await screenshot(page, 'flow-phone-report-errors.png');

    await press(page, 'report.category');
    await press(page, 'report.category.crime');
    await type(page, 'report.title', 'Motor dicuri di depan pasar');
    await type(page, 'report.description', 'Sepeda motor hitam hilang saat pemilik berbelanja.');
    await type(page, 'report.name', 'Siti Aminah');
    await type(page, 'report.phone', '0812-3456-7890');
    await press(page, 'report.consent');
    await press(page, 'report.submit');
    const s = await waitForState(page, (st) => st.tracked.length === 1 && st.tracked[0].hasSecret, 'the report sent');
    code = s.tracked[0].code;
    assert.match(code, /^3329-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(s.sync.waiting, 0);
    await widget(page, 'sent.code');
    await press(page, 'sent.copy');
    assert.equal(await page.evaluate(() => window.bhabinTest.lastCopiedText), code);
    await screenshot(page, 'flow-phone-sent.png');
  });

  it('shows the new report\'s status to the citizen', async () => {
    const page = citizen.page;
    await press(page, 'sent.track');
    const s = await waitForState(page, (st) => st.shownTrackingCode === code && st.trackedStatus === 'submitted', 'the status');
    assert.deepEqual(s.trackedTimeline, ['submitted']);
    officerNrp = s.trackedOfficerNrp;
    assert.match(officerNrp, /^\d{8}$/, 'the report was assigned to an officer');
  });

  it('offers a neighbour the open report before they file the same, and lets them join it', async () => {
    const neighbour = await openApp(browser, server.url, PHONE);
    try {
      const page = neighbour.page;
      await waitForState(page, (s) => s.rosterState === 'ready', 'the roster');
      await type(page, 'locate.search', 'Pasarbatang');
      await press(page, 'locate.result.0');
      await waitForState(page, (s) => s.village !== '', 'a chosen village');
      await press(page, 'tab.report');
      await press(page, 'report.category');
      await press(page, 'report.category.crime');
      await type(page, 'report.title', 'Ada motor hilang di pasar');
      await type(page, 'report.description', 'Saya melihat orang membawa motor hitam pergi.');
      await press(page, 'report.anonymous');
      await press(page, 'report.consent');
      await press(page, 'report.submit');
      const offered = await waitForState(page, (s) => s.offeredReports.length > 0, 'the open report offered');
      assert.deepEqual(offered.offeredReports, [code]);
      assert.equal(offered.tracked.length, 0, 'nothing sent before the neighbour chose');
      await screenshot(page, 'flow-phone-join-offer.png');
      await press(page, 'report.join.0');
      const joined = await waitForState(page, (s) => s.joined && s.tracked.length === 1 && s.tracked[0].hasSecret,
        'the join confirmed by the server');
      assert.equal(joined.tracked[0].code, code, 'the neighbour follows the same report');
      assert.equal(joined.sync.waiting, 0);
      assert.deepEqual(neighbour.errors, []);
    } finally {
      await neighbour.context.close();
    }
  });

  it('lets the assigned officer log in and find the report in the worklist', async () => {
    const page = officer.page;
    await press(page, 'tab.officer');
    await type(page, 'login.nrp', officerNrp);
    await type(page, 'login.password', DEMO_PASSWORD);
    await press(page, 'login.submit');
    await waitForState(page, (s) => s.session && s.session.nrp === officerNrp, 'the officer logged in');
    await waitForState(page, (s) => s.worklist.some((r) => r.code === code), 'the report in the worklist');
    await press(page, `worklist.item.${code}`);
    const s = await waitForState(page, (st) => st.openedReport && st.openedReport.code === code, 'the report opened');
    assert.ok(s.openedReport.allowedMoves.includes('receive'));
    assert.equal(s.openedReport.reporters, 2, 'the citizen and the neighbour who joined');
  });

  it('acknowledges, works and resolves it with a note', async () => {
    const page = officer.page;
    await press(page, 'move.receive');
    await waitForState(page, (s) => s.openedReport.status === 'received' && s.sync.waiting === 0, 'received');
    await press(page, 'move.start');
    await waitForState(page, (s) => s.openedReport.status === 'in_process' && s.sync.waiting === 0, 'in process');
    await type(page, 'moves.note', 'Motor ditemukan dan dikembalikan kepada pemilik.');
    await press(page, 'move.resolve');
    await waitForState(page, (s) => s.openedReport.status === 'resolved' && s.sync.waiting === 0, 'resolved');
    await screenshot(page, 'flow-desktop-officer.png');
  });

  it('lets the officer log a sambang visit where they stand', async () => {
    const page = officer.page;
    await press(page, 'report.back');
    await press(page, 'visit.submit');
    let s = await waitForState(page, (st) => st.visitRefusedFields.length > 0, 'the visit refused without place and topics');
    assert.deepEqual([...s.visitRefusedFields].sort(), ['place', 'topics']);
    await type(page, 'visit.place', 'Pos ronda RT 03');
    await press(page, 'visit.topic.keamanan');
    await type(page, 'visit.notes', 'Warga minta patroli malam.');
    await press(page, 'visit.submit');
    s = await waitForState(page, (st) => st.visitsLogged === 1, 'the visit logged');
    assert.deepEqual(s.visitRefusedFields, []);
  });

  it('shows the citizen the whole timeline', async () => {
    const page = citizen.page;
    await press(page, 'track.reload');
    const s = await waitForState(page, (st) => st.trackedStatus === 'resolved', 'the resolved status');
    assert.deepEqual(s.trackedTimeline, ['submitted', 'received', 'in_process', 'resolved']);
    await screenshot(page, 'flow-phone-timeline.png');
    assert.deepEqual(citizen.errors, []);
    assert.deepEqual(officer.errors, []);
  });
});
