// End-to-end check of Kotae's two bundled deflection widgets in a real Chromium.
//
//   KOTAE_URL=http://127.0.0.1:34567 PAGE_URL=http://127.0.0.1:34568 ADMIN_TOKEN=… SCREENSHOT_DIR=… \
//     node e2e/widgets.mjs
//
// KOTAE_URL is the server with both plugins loaded; PAGE_URL a static server on another origin that serves
// e2e/pages with {{KOTAE_URL}} replaced (so the widgets run cross-origin, as on a real shop). The script
// drives the contact form and the chat bubble with the keyboard, then reads the deflection events back
// through the admin API. Exit code 0 when everything held, 1 with a message otherwise.

import { expect, harness } from './harness.mjs';

const EVENT_TIMEOUT_MS = 10_000;
const DEFLECT_ID = 'widget-contact-deflect';
const BOT_ID = 'widget-answer-bot';

const run = harness({ label: 'widgets', timeoutMs: 60_000, failureScreenshot: () => 'failure.png',
  missingEnvExitCode: 1 });
const { log, screenshot } = run;

const env = {
  kotaeUrl: run.required('KOTAE_URL').replace(/\/+$/, ''),
  pageUrl: run.required('PAGE_URL').replace(/\/+$/, ''),
  adminToken: run.required('ADMIN_TOKEN'),
  // Defaults match the bundled sample help center (content/ja).
  deflectQuery: process.env.DEFLECT_QUERY || '後払いの請求書が届かない',
  deflectExpectId: process.env.DEFLECT_EXPECT_ID || 'deferred-invoice-missing',
  botQuery: process.env.BOT_QUERY || 'パスワードを忘れてしまいました',
  botExpectId: process.env.BOT_EXPECT_ID || 'password-reset',
  botGibberish: process.env.BOT_GIBBERISH || '宇宙船の燃料',
};

let currentPage;

try {
  log(`Kotae ${env.kotaeUrl}, pages ${env.pageUrl}, Chromium ${run.chromium}`);
  const browser = await run.launch();
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1100, height: 900 } });
  await contactForm(context);
  await answerBot(context);
  await bothWidgets(context);
  await run.pass('both widgets work, on one shared runtime');
} catch (error) {
  await run.fail(error);
}

// ---- (a) the contact form ------------------------------------------------------------------------------

async function contactForm(context) {
  const page = await openPage(context, 'contact.html');

  run.step = 'contact: widget loaded';
  await page.waitForSelector('.kotae-deflect', { state: 'attached' });
  await waitForStyles(page, 'deflect.css');
  await checkOneRuntime(page, [DEFLECT_ID]);
  const suggestRequests = [];
  page.on('request', (request) => {
    if (request.url().includes(`/api/v1/widgets/${DEFLECT_ID}/suggest`)) {
      suggestRequests.push(new URL(request.url()).searchParams.get('q'));
    }
  });
  await page.fill('#name', '山田 花子');
  await page.fill('#email', 'hanako@example.com');

  run.step = 'contact: typing the subject';
  // The end of the question arrives as an IME commit, the rest as typed characters.
  const chars = Array.from(env.deflectQuery);
  const imeCut = Math.max(1, chars.length - 4);
  const typed = chars.slice(0, imeCut).join('');
  const committed = chars.slice(imeCut).join('');
  await page.focus('#subject');
  await page.keyboard.type(typed, { delay: 30 });
  log(`typed 「${typed}」`);
  await page.waitForTimeout(400); // past the widget's 250 ms debounce

  run.step = 'contact: IME composition';
  await page.evaluate(() => {
    window.kotaeCompositions = [];
    for (const type of ['compositionstart', 'compositionend']) {
      document.getElementById('subject').addEventListener(type, () => window.kotaeCompositions.push(type));
    }
  });
  const cdp = await context.newCDPSession(page);
  const before = suggestRequests.length;
  // What an IME does while the customer converts: the text is in the field but not final yet.
  await cdp.send('Input.imeSetComposition',
    { text: committed, selectionStart: committed.length, selectionEnd: committed.length });
  await page.waitForTimeout(400);
  check(suggestRequests.length === before,
    `the widget searched during IME composition: ${JSON.stringify(suggestRequests.slice(before))}`);
  const fullQuery = page.waitForResponse((response) => response.url().includes(`/${DEFLECT_ID}/suggest`)
    && new URL(response.url()).searchParams.get('q') === env.deflectQuery, { timeout: 10_000 });
  await page.keyboard.insertText(committed); // commits the composition: compositionend
  const compositions = await page.evaluate(() => window.kotaeCompositions.join(','));
  check(compositions === 'compositionstart,compositionend', `composition events were ${compositions}`);
  check(await page.inputValue('#subject') === env.deflectQuery, `subject is 「${await page.inputValue('#subject')}」`);
  log(`committed 「${committed}」 through the IME; no request while composing`);

  run.step = 'contact: suggestions shown';
  const response = await fullQuery;
  check(response.ok(), `suggest answered ${response.status()}`);
  check(response.headers()['access-control-allow-origin'] !== undefined, 'suggest has no CORS header');
  const panel = page.locator('.kotae-deflect');
  const expected = panel.locator(`.kotae-deflect__item[data-article-id="${env.deflectExpectId}"]`);
  await expected.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
    const shown = await panel.locator('.kotae-deflect__item').evaluateAll((items) => items.map((i) => i.dataset.articleId));
    throw new Error(`${env.deflectExpectId} was not suggested for 「${env.deflectQuery}」; suggested: [${shown.join(', ')}]`);
  });
  check(await panel.getAttribute('role') === 'region', 'the panel is no region');
  check(await panel.getAttribute('aria-label') === 'お問い合わせの前にこちらをご確認ください', 'the panel has the wrong label');
  check(await panel.getAttribute('aria-live') === 'polite', 'the panel is not a polite live region');
  const ids = await panel.locator('.kotae-deflect__item').evaluateAll((items) => items.map((i) => i.dataset.articleId));
  check(ids.length >= 1 && ids.length <= 3, `expected 1-3 suggestions, got ${ids.length}`);
  log(`suggested ${ids.join(', ')}`);

  run.step = 'contact: keyboard navigation';
  const index = ids.indexOf(env.deflectExpectId);
  for (let i = 0; i <= index; i++) {
    await page.keyboard.press('ArrowDown'); // the first one leaves the subject field for the first suggestion
  }
  const focused = await page.evaluate(() => {
    const item = document.activeElement.closest('.kotae-deflect__item');
    return item ? item.dataset.articleId : document.activeElement.outerHTML.slice(0, 80);
  });
  check(focused === env.deflectExpectId, `ArrowDown focused ${focused}, not ${env.deflectExpectId}`);
  await page.keyboard.press('Enter');
  const toggle = expected.locator('.kotae-deflect__toggle');
  check(await toggle.getAttribute('aria-expanded') === 'true', 'Enter did not open the suggestion');
  check(await page.locator('#sent').isHidden(), 'Enter on a suggestion submitted the form');
  await expected.locator('.kotae-deflect__body').waitFor({ state: 'visible' });
  const bodyText = (await expected.locator('.kotae-deflect__body').innerText()).trim();
  check(bodyText.length > 20, 'the inline answer is empty');
  const more = await expected.locator('.kotae-deflect__more').getAttribute('href');
  check(more === `${env.kotaeUrl}/articles/${env.deflectExpectId}`, `the full-article link is ${more}`);
  log(`opened ${env.deflectExpectId} with ArrowDown ×${index + 1} + Enter (${bodyText.length} characters of answer)`);

  run.step = 'contact: solved';
  await expected.getByRole('button', { name: '解決しました' }).click();
  await expected.locator('.kotae-deflect__thanks').waitFor({ state: 'visible' });
  await screenshot(page, 'contact.png');

  run.step = 'contact: Escape closes';
  await page.keyboard.press('Escape'); // focus is on the thank-you note inside the open answer: closes it
  await page.keyboard.press('Escape'); // and now the panel
  check(await panel.isHidden(), 'Escape did not close the panel');
  check(await page.evaluate(() => document.activeElement.id) === 'description', 'focus did not return to the form');

  run.step = 'contact: submit';
  await page.getByRole('button', { name: '送信する' }).click();
  await page.locator('#sent').waitFor({ state: 'visible' });
  log('form submitted (the widget did not hold it up)');

  run.step = 'contact: events';
  const session = await sessionOf(page);
  const events = await waitForEvents(DEFLECT_ID, session, ['shown', 'opened', 'solved', 'submitted']);
  const byAction = (action) => events.find((e) => e.action === action);
  check(byAction('opened').articleId === env.deflectExpectId, `opened is about ${byAction('opened').articleId}`);
  check(byAction('solved').articleId === env.deflectExpectId, `solved is about ${byAction('solved').articleId}`);
  check(typeof byAction('shown').query === 'string' && byAction('shown').query.length > 0, 'shown has no query');
  log(`events for session ${session}: ${events.map((e) => e.action).join(', ')}`);
  await page.close();
}

// ---- (b) the answer bot --------------------------------------------------------------------------------

async function answerBot(context) {
  const page = await openPage(context, 'bot.html');

  run.step = 'bot: open with the keyboard';
  const bubble = page.locator('.kotae-bot__bubble');
  await bubble.waitFor({ state: 'visible' });
  await waitForStyles(page, 'bot.css');
  await checkOneRuntime(page, [BOT_ID]);
  check(Boolean(await bubble.getAttribute('aria-label')), 'the bubble has no aria-label');
  check(await bubble.getAttribute('aria-expanded') === 'false', 'the bubble starts expanded');
  await bubble.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible' });
  check(await bubble.getAttribute('aria-expanded') === 'true', 'aria-expanded did not follow');
  check(await page.evaluate(() => document.activeElement.classList.contains('kotae-bot__input')),
    'focus did not move into the question field');
  check(Boolean(await dialog.getAttribute('aria-labelledby')), 'the dialog is not labelled');

  run.step = 'bot: ask a clear question';
  await page.keyboard.type(env.botQuery, { delay: 20 });
  await page.keyboard.press('Enter');
  await waitForReply(page);
  const answer = page.locator('.kotae-bot__answer');
  if (await answer.count() !== 1) {
    const log = (await page.locator('.kotae-bot__log').innerText()).replace(/\s+/g, ' ');
    throw new Error(`the bot did not answer 「${env.botQuery}」; the conversation: ${log}`);
  }
  const answeredId = await answer.getAttribute('data-article-id');
  check(answeredId === env.botExpectId, `the bot answered ${answeredId}, not ${env.botExpectId}`);
  const link = await answer.locator('.kotae-bot__more').getAttribute('href');
  check(link === `${env.kotaeUrl}/articles/${env.botExpectId}`, `the answer links to ${link}`);
  const summary = (await answer.locator('.kotae-bot__summary').innerText()).trim();
  check(summary.length > 0, 'the answer has no summary');
  // The help center's own article answers here (no plugin sources run), and the card says so.
  const source = (await answer.locator('.kotae-bot__source').innerText()).trim();
  check(source === '出典: ヘルプセンター', `the answer names its source as 「${source}」`);
  log(`answered 「${env.botQuery}」 with ${answeredId}: 「${summary.slice(0, 40)}…」`);

  run.step = 'bot: はい';
  await answer.getByRole('button', { name: 'はい' }).click();
  const session = await sessionOf(page);
  await waitForEvents(BOT_ID, session, ['answered', 'solved'], (e) => e.articleId === env.botExpectId);
  log(`events for session ${session}: answered, solved`);

  run.step = 'bot: gibberish';
  await page.locator('.kotae-bot__input').fill(env.botGibberish);
  await page.keyboard.press('Enter');
  await waitForReply(page);
  const contact = page.locator('.kotae-bot__contact-link');
  check(await contact.isVisible(), 'no contact link after an unanswered question');
  check(await answer.count() === 1, `the bot answered 「${env.botGibberish}」`);
  const contactHref = await contact.getAttribute('href');
  check(contactHref === `${env.pageUrl}/contact.html`, `the contact link is ${contactHref}`);
  log(`「${env.botGibberish}」 got no answer and the contact link ${contactHref}`);
  await screenshot(page, 'bot.png');

  run.step = 'bot: Escape closes';
  await page.locator('.kotae-bot__input').focus();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  check(await page.evaluate(() => document.activeElement.classList.contains('kotae-bot__bubble')),
    'focus did not return to the bubble');
  await page.close();
}

// ---- helpers -------------------------------------------------------------------------------------------

// ---- (c) both widgets on one page -----------------------------------------------------------------------

/** Both tags on one page: the runtime is fetched once and serves both widgets. */
async function bothWidgets(context) {
  const page = await openPage(context, 'both.html');
  run.step = 'both: widgets loaded';
  await page.waitForSelector('.kotae-deflect', { state: 'attached' });
  await page.locator('.kotae-bot__bubble').waitFor({ state: 'visible' });
  await checkOneRuntime(page, [DEFLECT_ID, BOT_ID]);
  check(page.problems.length === 0, page.problems.join('\n'));
  log('both widgets run on one runtime');
  await page.close();
}

/**
 * The page fetched the help center's /widgets/runtime.js exactly once, and exactly these widgets started
 * on it (each widget registers with the runtime when it gets its context).
 */
async function checkOneRuntime(page, ids) {
  const loaded = await page.evaluate(() => window.KotaeWidgets && window.KotaeWidgets.widgets.slice());
  check(Array.isArray(loaded), 'the widget runtime is not loaded (window.KotaeWidgets)');
  check(JSON.stringify([...loaded].sort()) === JSON.stringify([...ids].sort()),
    `widgets on the runtime: ${loaded.join(', ')}; expected ${ids.join(', ')}`);
  const runtimeUrl = `${env.kotaeUrl}/widgets/runtime.js`;
  check(page.runtimeRequests.length === 1 && page.runtimeRequests[0] === runtimeUrl,
    `runtime requests: ${page.runtimeRequests.join(', ') || 'none'}; expected one of ${runtimeUrl}`);
}

async function openPage(context, name) {
  run.step = `open ${name}`;
  const page = await context.newPage();
  currentPage = page;
  page.runtimeRequests = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/widgets/runtime.js')) {
      page.runtimeRequests.push(request.url());
    }
  });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if ((message.type() === 'error' || message.type() === 'warning')
      && !(message.location() && /favicon\.ico$/.test(message.location().url || ''))) {
      const text = message.text();
      const where = message.location() && message.location().url;
      log(`  browser ${message.type()}: ${text}${where ? ` (${where})` : ''}`);
      // A widget that needs inline styles or scripts breaks on shops with a strict CSP.
      if (/Content Security Policy/i.test(text)) {
        problems.push(text);
      }
    }
  });
  page.on('requestfailed', (request) => log(`  request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.problems = problems;
  const response = await page.goto(`${env.pageUrl}/${name}`);
  check(response && response.ok(), `${name} answered ${response && response.status()}`);
  log(`opened ${name}`);
  return page;
}

/** Waits until the bot has replied: its "thinking" message is gone and the send button works again. */
async function waitForReply(page) {
  await page.waitForFunction(() => !document.querySelector('.kotae-bot__message--status')
    && !document.querySelector('.kotae-bot__send').disabled, null, { timeout: 10_000 });
}

/** Waits until the widget's stylesheet (loaded by the script, cross-origin) has applied. */
async function waitForStyles(page, file) {
  await page.waitForFunction((name) => Array.from(document.styleSheets)
    .some((sheet) => sheet.href && sheet.href.endsWith(`/${name}`)), file, { timeout: 10_000 });
}

async function sessionOf(page) {
  const session = await page.evaluate(() => sessionStorage.getItem('kotae-session'));
  check(/^[A-Za-z0-9-]{8,64}$/.test(session || ''), `bad session id ${session}`);
  return session;
}

/**
 * Polls the admin events API until every action has been seen for this widget and session; returns the
 * matching events.
 */
async function waitForEvents(widget, session, actions, filter = () => true) {
  const deadline = Date.now() + EVENT_TIMEOUT_MS;
  let seen = [];
  for (;;) {
    const response = await fetch(`${env.kotaeUrl}/api/v1/admin/events?type=deflection&limit=200`, {
      headers: { Authorization: `Bearer ${env.adminToken}` },
    });
    check(response.ok, `GET /api/v1/admin/events answered ${response.status}: ${await response.clone().text()}`);
    const body = await response.json();
    seen = (body.events || []).filter((e) => e.widget === widget && e.sessionId === session);
    const found = actions.map((action) => seen.find((e) => e.action === action && filter(e)));
    if (found.every(Boolean)) {
      return found;
    }
    if (Date.now() > deadline) {
      const missing = actions.filter((_, i) => !found[i]);
      throw new Error(`no ${missing.join(', ')} event for ${widget} in session ${session} after `
        + `${EVENT_TIMEOUT_MS / 1000} s; seen: ${JSON.stringify(seen)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** expect, and also fails on a CSP violation or page error seen on the current page so far. */
function check(condition, message) {
  expect(condition, message);
  if (currentPage && currentPage.problems && currentPage.problems.length > 0) {
    throw new Error(currentPage.problems.join('\n'));
  }
}
