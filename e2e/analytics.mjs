// End-to-end check of Kotae's analytics dashboard in a real Chromium.
//
//   KOTAE_URL=http://127.0.0.1:34567 AGENT_TOKEN=… SCREENSHOT_DIR=… node e2e/analytics.mjs
//
// KOTAE_URL serves the bundled sample help center with the deflection widget installed. The script first
// makes real events through the public API (searches, 返金 also typed in kana, a zero-result search, a
// hostile <script> query, a click, votes, widget deflection events), then checks that anonymous visitors
// are sent to sign in, signs in as an agent, and reads the dashboard: the tables and charts hold those
// events (the kana spellings counted in 返金's row and listed there), the hostile query is shown as text
// and never runs, a 1,000-character query stays one short line (its whole text in the title), the CSV
// links download, the filters work, and axe-core finds nothing serious. Screenshots at desktop and phone width go to SCREENSHOT_DIR. Exit code 0 when all held.

import { readFile } from 'node:fs/promises';
import { DESKTOP, expect, harness } from './harness.mjs';

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';
const ZERO = 'xyzzy plugh';
const WIDGET = 'widget-contact-deflect';
// 1,000 characters: the longest query a search takes, which once made the page 8,690 px tall.
const LONG = 'とても長い問い合わせ'.repeat(100);

const run = harness({ label: 'analytics', timeoutMs: 120_000,
  failureScreenshot: (step) => `ui-analytics-failure-${step}.png` });
const { log } = run;

const env = {
  kotaeUrl: run.required('KOTAE_URL').replace(/\/+$/, ''),
  agentToken: run.required('AGENT_TOKEN'),
};

try {
  log(`Kotae ${env.kotaeUrl}, Chromium ${run.chromium}`);
  await makeEvents();
  const browser = await run.launch();
  const context = await browser.newContext({ locale: 'ja-JP', viewport: DESKTOP, acceptDownloads: true });
  run.collectConsoleErrors(context);
  // The dashboard must never open a dialog: the hostile query running would be one way to.
  context.on('page', (page) => {
    page.on('dialog', (d) => { run.consoleErrors.push(`a dialog opened: ${d.message()}`); d.dismiss(); });
  });
  const page = await context.newPage();
  await anonymousIsSentToSignIn(page);
  await dashboardShowsTheEvents(page);
  await filtersAndCsv(page);
  run.expectNoConsoleErrors();
  await run.pass('analytics dashboard works');
} catch (error) {
  await run.fail(error);
}

/** Real events through the public API, the way the site and the widgets send them. */
async function makeEvents() {
  run.step = 'events through the API';
  const session = { 'X-Kotae-Session': 'e2e-analytics-session' };
  let refundHits = [];
  // へんきん and ﾍﾝｷﾝ are spellings of 返金: the dashboard counts them in its row.
  for (const q of ['返金', '返金', '返金', 'へんきん', 'ﾍﾝｷﾝ', '送料', ZERO, ZERO, HOSTILE, LONG]) {
    const response = await fetch(`${env.kotaeUrl}/api/v1/search?locale=ja&q=${encodeURIComponent(q)}`, { headers: session });
    expect(response.ok, `search ${q} answered ${response.status}`);
    if (q === '返金') refundHits = (await response.json()).hits;
  }
  // A click counts only for a result this session was shown, at the rank it was shown: click the second.
  expect(refundHits.length >= 2, 'the search for 返金 should show at least two articles');
  await post('/api/v1/events', { type: 'click', query: '返金', articleId: refundHits[1].id, rank: 2 }, 202);
  await post('/api/v1/articles/refund-timing/feedback', { helpful: true }, 201);
  // The same visitor changes their vote (200, not a second vote): the table counts their last one.
  await post('/api/v1/articles/refund-timing/feedback', { helpful: false, comment: `わかりにくい ${HOSTILE}` }, 200);
  for (const action of ['shown', 'shown', 'opened', 'solved', 'submitted']) {
    await post('/api/v1/events', { type: 'deflection', widget: WIDGET, action, query: '返金' }, 202);
  }
  // Events are written in batches, off the request path: wait until the reports have them.
  for (let i = 0; i < 100; i++) {
    const report = await (await fetch(`${env.kotaeUrl}/api/v1/analytics/deflection`,
      { headers: { Authorization: `Bearer ${env.agentToken}` } })).json();
    if (report.rows.some((r) => r.widget === WIDGET && r.submitted === 1)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the events never reached the analytics reports');

  async function post(path, body, status) {
    const response = await fetch(`${env.kotaeUrl}${path}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...session }, body: JSON.stringify(body),
    });
    expect(response.status === status, `${path} answered ${response.status}: ${await response.text()}`);
  }
}

async function anonymousIsSentToSignIn(page) {
  run.step = 'anonymous visitor';
  await page.goto(`${env.kotaeUrl}/analytics`);
  expect(new URL(page.url()).pathname === '/login', `anonymous /analytics ended at ${page.url()}`);
  expect(await page.locator('.analytics-link').count() === 0, 'anonymous visitors see the analytics link');
  await page.locator('#token').fill(env.agentToken);
  await Promise.all([page.waitForURL((url) => url.pathname === '/analytics'),
    page.locator('.login-form button[type="submit"]').click()]);
}

async function dashboardShowsTheEvents(page) {
  run.step = 'dashboard';
  expect(await page.locator('.analytics-link').count() === 1, 'agents have no analytics link in the header');
  const top = page.locator('#top-queries tbody tr', { hasText: '返金' });
  expect((await top.locator('td').nth(1).textContent()).trim() === '5', 'top queries: 返金 is not counted 5 times');
  const spellings = (await top.locator('.query-variants').textContent()) ?? '';
  expect(spellings.includes('へんきん (1)') && spellings.includes('ヘンキン (1)'),
    `top queries: the kana spellings are not shown in 返金's row: ${spellings}`);
  expect(await page.locator('#top-queries tbody tr', { hasText: 'へんきん' }).count() === 1,
    'top queries: へんきん has a row of its own');
  const zero = page.locator('#zero-results tbody tr', { hasText: ZERO });
  expect((await zero.locator('td').nth(1).textContent()).trim() === '2', 'zero-result query not counted twice');
  // Times are in the analytics zone: Asia/Tokyo, the default of a help center in Japanese.
  expect((await zero.locator('td').nth(3).textContent()).includes('Asia/Tokyo'), 'zero-result query has no last-seen time');
  // Week over week: all of these searches are this week's, none the week before.
  const trend = zero.locator('td.trend');
  expect((await trend.getAttribute('class')).includes('trend-new'), 'the zero-result query is not new this week');
  expect(((await trend.locator('.visually-hidden').textContent()) ?? '').includes('2'),
    'the week-over-week change has no text for screen readers');
  const clicks = page.locator('#clicks tbody tr', { hasText: '返金' });
  expect((await clicks.locator('td').nth(4).textContent()).trim() === '2.00', 'mean clicked rank is not 2');
  const votes = page.locator('#feedback tbody tr', { hasText: 'refund-timing' });
  expect((await votes.locator('td').nth(2).textContent()).trim() === '1', 'the unhelpful vote is missing');
  expect((await votes.locator('a').textContent()).includes('返金'), 'the voted article is not shown by its title');
  const widget = page.locator('#deflection tbody tr', { hasText: WIDGET });
  expect((await widget.locator('td').nth(6).textContent()).trim() === '50.0%', 'deflection rate is not 1 of 2 shown');
  expect(await page.locator('#top-queries svg.bar-chart rect').count() >= 3, 'no top-queries chart');
  expect(await page.locator('#hours svg.bar-chart rect').count() >= 1, 'no searches-per-hour chart');

  // The hostile query is data: shown as text in the table, the chart and the comment, never run.
  const hostileCells = await page.locator('#top-queries td', { hasText: '<script>' }).count();
  expect(hostileCells === 1, `the <script> query is not shown as text (${hostileCells} cells)`);
  expect(await page.locator('#feedback li', { hasText: '<script>' }).count() === 1, 'the hostile comment is not shown as text');
  expect(await page.evaluate(() => window.__pwned === undefined), 'the hostile query ran in the page');
  expect(await page.locator('main script, main img').count() === 0, 'the hostile query became markup');

  // A 1,000-character query: one line cut with an ellipsis, its whole text in the title; the row and the
  // page keep their height.
  const long = page.locator('#top-queries tbody tr', { hasText: 'とても長い' });
  expect(await long.count() === 1, 'the long query has no row');
  expect(await long.locator('.long-value').getAttribute('title') === LONG, 'the long query is not whole in its title');
  const rowHeight = (await long.boundingBox()).height;
  const normalHeight = (await page.locator('#top-queries tbody tr', { hasText: '送料' }).boundingBox()).height;
  expect(rowHeight <= normalHeight * 1.5 && rowHeight < 100,
    `the long query's row is ${rowHeight} px tall, a normal one ${normalHeight} px`);
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageHeight < 5000, `the dashboard is ${pageHeight} px tall`);
  expect(pageWidth <= DESKTOP.width, `the dashboard is ${pageWidth} px wide`);

  await run.checkAccessibility(page, 'the dashboard');
  await run.screenshots(page, 'analytics');
}

async function filtersAndCsv(page) {
  run.step = 'filters and CSV';
  await page.locator('#locale').selectOption('en');
  await Promise.all([page.waitForURL((url) => url.searchParams.get('locale') === 'en'),
    page.locator('.analytics-filter button').click()]);
  expect(await page.locator('#top-queries tbody tr', { hasText: '返金' }).count() === 0, 'the locale filter let ja through');
  await page.goto(`${env.kotaeUrl}/analytics?from=2020-01-01&to=2020-01-02`);
  expect(await page.locator('#top-queries .analytics-empty').count() === 1, 'an empty range still shows rows');
  await page.goto(`${env.kotaeUrl}/analytics`);

  const [download] = await Promise.all([page.waitForEvent('download'),
    page.locator('#zero-results .csv-link').click()]);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFquery,count,lastSeen'), `the CSV has no BOM and header: ${csv.slice(0, 40)}`);
  expect(csv.includes(`${ZERO},2,`), `the CSV misses the zero-result query: ${csv}`);
}
