// End-to-end check of the learning review page (/admin/learning) in a real Chromium.
//
//   KOTAE_URL=http://127.0.0.1:34567 ADMIN_TOKEN=… APPROVE=… REJECT=… ALWAYS=… UNANSWERED=… ROUTE_TO=… \
//     SCREENSHOT_DIR=… node e2e/learning.mjs
//
// KOTAE_URL serves the sample help center after visitors taught it three phrasings (APPROVE, REJECT and
// ALWAYS, each a query customers found an article with) and a learning cycle ran. The script checks that
// anonymous visitors are sent to sign in, signs in as an admin, sees the three phrasings undecided, approves
// one, rejects another and makes the third a question of its article for good ("always"), each by its
// button (a form post answered by a redirect back, which says what happened), routes UNANSWERED (a search
// that found nothing) to the article ROUTE_TO, then shows all decisions with the filter. Whether the question reached the Markdown file and the suggestions is checked by the Java
// test after this script. Exit code 0 when all held.

import { DESKTOP, expect, harness } from './harness.mjs';

const run = harness({ label: 'learning', timeoutMs: 120_000,
  failureScreenshot: (step) => `ui-learning-failure-${step}.png` });
const { log } = run;

const env = {
  kotaeUrl: run.required('KOTAE_URL').replace(/\/+$/, ''),
  adminToken: run.required('ADMIN_TOKEN'),
  approve: run.required('APPROVE'),
  reject: run.required('REJECT'),
  always: run.required('ALWAYS'),
  unanswered: run.required('UNANSWERED'),
  routeTo: run.required('ROUTE_TO'),
};

try {
  log(`Kotae ${env.kotaeUrl}, Chromium ${run.chromium}`);
  const browser = await run.launch();
  const context = await browser.newContext({ locale: 'ja-JP', viewport: DESKTOP });
  run.collectConsoleErrors(context);
  const page = await context.newPage();
  await anonymousIsSentToSignIn(page);
  await thePhrasingsAreListed(page);
  await decide(page, env.approve, 'approved', 'approved');
  await decide(page, env.reject, 'rejected', 'rejected');
  await decide(page, env.always, 'always', 'published');
  await routeTheUnansweredSearch(page);
  await everyDecisionIsShownWithTheFilter(page);
  await run.checkAccessibility(page, 'learning');
  run.expectNoConsoleErrors();
  await run.pass('learning review page works');
} catch (error) {
  await run.fail(error);
}

async function anonymousIsSentToSignIn(page) {
  run.step = 'anonymous visitor';
  await page.goto(`${env.kotaeUrl}/admin/learning`);
  expect(new URL(page.url()).pathname === '/login', `anonymous /admin/learning ended at ${page.url()}`);
  await page.locator('#token').fill(env.adminToken);
  await Promise.all([page.waitForURL((url) => url.pathname === '/admin/learning'),
    page.locator('.login-form button[type="submit"]').click()]);
}

function row(page, phrasing) {
  return page.locator('tr.learned-row', { has: page.locator('td.learned-phrasing', { hasText: phrasing }) });
}

async function thePhrasingsAreListed(page) {
  run.step = 'listed';
  for (const phrasing of [env.approve, env.reject, env.always]) {
    expect(await row(page, phrasing).count() === 1, `the phrasing ${phrasing} is not listed once`);
    expect(await row(page, phrasing).getAttribute('data-decision') === 'none', `${phrasing} is decided already`);
  }
  await run.screenshots(page, 'learning');
}

/** Presses the decision's button in the phrasing's row; the page comes back saying what happened. */
async function decide(page, phrasing, decision, done) {
  run.step = `${decision} ${phrasing}`;
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin/learning' && url.searchParams.get('done') === done),
    row(page, phrasing).locator(`button.decide-${decision}`).click()]);
  expect(await page.locator('p.notice[role="status"]').count() === 1, `no notice after ${decision}`);
  expect(await row(page, phrasing).count() === 0, `${phrasing} is still listed as undecided after ${decision}`);
}

/** The search that found nothing is offered with a form: name the article it should go to. */
async function routeTheUnansweredSearch(page) {
  run.step = 'route';
  const offered = page.locator('tr.unanswered-row', { has: page.locator('td.unanswered-query', { hasText: env.unanswered }) });
  expect(await offered.count() === 1, `the search ${env.unanswered} is not offered for routing`);
  await offered.locator('input[name="articleId"]').fill(env.routeTo);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin/learning' && url.searchParams.get('done') === 'routed'),
    offered.locator('button.route').click()]);
}

async function everyDecisionIsShownWithTheFilter(page) {
  run.step = 'filter';
  await page.locator('#decision').selectOption('all');
  await Promise.all([page.waitForURL((url) => url.searchParams.get('decision') === 'all'),
    page.locator('.learning-filter button[type="submit"]').click()]);
  for (const [phrasing, decision] of [[env.approve, 'approved'], [env.reject, 'rejected'], [env.always, 'always'],
    [env.unanswered, 'routed']]) {
    const decided = await row(page, phrasing).getAttribute('data-decision');
    expect(decided === decision, `${phrasing} shows ${decided}, not ${decision}`);
  }
}
