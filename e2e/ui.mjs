// End-to-end check of Kotae's help-center pages in a real Chromium.
//
//   KOTAE_URL=http://127.0.0.1:34567 AGENT_TOKEN=… ADMIN_TOKEN=… SCREENSHOT_DIR=… node e2e/ui.mjs
//
// KOTAE_URL serves the bundled sample help center (content/). The script uses the site as a customer
// and as an agent would: types Japanese through a simulated IME and picks a suggestion with the keyboard,
// searches and filters by a facet, opens an article and votes, signs in as an agent to see a playbook
// that an anonymous visitor cannot reach, and switches the UI language. Every page is checked with
// axe-core (no serious or critical findings) and for console errors (a CSP violation shows up there).
// Screenshots at phone and desktop width go to SCREENSHOT_DIR. Exit code 0 when everything held.

import { DESKTOP, expect, harness } from './harness.mjs';

const run = harness({ label: 'ui', timeoutMs: 150_000, failureScreenshot: (step) => `ui-failure-${step}.png` });
const { log, checkAccessibility, screenshots } = run;

const env = {
  kotaeUrl: run.required('KOTAE_URL').replace(/\/+$/, ''),
  agentToken: run.required('AGENT_TOKEN'),
  adminToken: run.required('ADMIN_TOKEN'),
  // Defaults match the bundled sample help center.
  kanaInput: 'へんきん', // typed through the IME, still in kana: the suggestions must read it
  kanaExpect: '返金',
  searchQuery: '返金',
  kanaSearch: 'へんきん', // submitted in kana: searched as the help center writes it
  kanaSearchFirst: '返金の時期と方法',
  kanaSearchReadAs: '返金',
  playbookId: 'refund-approval',
  playbookQuery: '承認コード',
};

try {
  log(`Kotae ${env.kotaeUrl}, Chromium ${run.chromium}`);
  const browser = await run.launch();
  const customer = await browser.newContext({ locale: 'ja-JP', viewport: DESKTOP });
  run.collectConsoleErrors(customer);
  await suggestWithImeAndKeyboard(customer);
  await searchAndFilter(customer);
  await kanaSearch(customer);
  await openArticleAndVote(customer);
  await agentSeesPlaybook(customer);
  await switchLanguage(customer);
  run.expectNoConsoleErrors();
  await run.pass('help-center pages work');
} catch (error) {
  await run.fail(error);
}

async function suggestWithImeAndKeyboard(context) {
  run.step = 'IME input and keyboard suggestion';
  const page = await context.newPage();
  await page.goto(`${env.kotaeUrl}/`);
  await checkAccessibility(page, 'home');
  await screenshots(page, 'home');
  const suggestRequests = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/suggest')) suggestRequests.push(new URL(request.url()).searchParams.get('q'));
  });
  const input = page.locator('#q');
  await input.focus();
  // A Japanese IME composes kana before the user commits: no request may go out mid-composition,
  // and nothing may disturb the input's value while it composes.
  const cdp = await context.newCDPSession(page);
  let composing = '';
  for (const ch of env.kanaInput) {
    composing += ch;
    await cdp.send('Input.imeSetComposition', { text: composing, selectionStart: composing.length, selectionEnd: composing.length });
    await page.waitForTimeout(220); // longer than the debounce
  }
  await page.waitForTimeout(300);
  expect(suggestRequests.length === 0, `suggest was requested mid-composition: ${JSON.stringify(suggestRequests)}`);
  expect(await input.inputValue() === env.kanaInput, `the input value changed while composing: ${await input.inputValue()}`);
  await cdp.send('Input.insertText', { text: env.kanaInput }); // commits the composition
  const list = page.locator('#q-suggestions');
  await list.locator('[role="option"]').first().waitFor({ state: 'visible', timeout: 5000 });
  expect(suggestRequests.includes(env.kanaInput), `no suggest request for the committed text: ${JSON.stringify(suggestRequests)}`);
  const options = await list.locator('[role="option"]').allTextContents();
  log(`suggestions for ${env.kanaInput}: ${options.join(' | ')}`);
  expect(options.some((text) => text.includes(env.kanaExpect)), `no suggestion contains ${env.kanaExpect} for kana input`);
  expect(await input.getAttribute('aria-expanded') === 'true', 'combobox is not marked expanded');

  await page.keyboard.press('ArrowDown');
  const active = list.locator('[role="option"][aria-selected="true"]');
  expect(await active.count() === 1, 'ArrowDown did not select exactly one option');
  const activeId = await active.getAttribute('id');
  expect(await input.getAttribute('aria-activedescendant') === activeId, 'aria-activedescendant does not follow the option');
  const target = await active.getAttribute('data-url');
  await Promise.all([page.waitForURL((url) => url.pathname === target), page.keyboard.press('Enter')]);
  const heading = await page.locator('main h1').textContent();
  log(`Enter on the first suggestion opened ${target}: ${heading}`);
  expect(heading.trim().length > 0, 'the article page has no heading');
  await page.close();
}

async function searchAndFilter(context) {
  run.step = 'search and facet';
  const page = await context.newPage();
  await page.goto(`${env.kotaeUrl}/`);
  await page.locator('#q').fill(env.searchQuery); // Enter with no suggestion chosen submits the search
  await Promise.all([page.waitForURL(/\/search\?/), page.locator('#q').press('Enter')]);
  const results = page.locator('.result-link');
  const total = await results.count();
  expect(total > 1, `the search for ${env.searchQuery} found ${total} results`);
  const marks = await page.locator('.snippet mark').count();
  expect(marks > 0, 'no highlighted words in the snippets');
  await checkAccessibility(page, 'search');
  await screenshots(page, 'search');

  const facet = page.locator('.facet--category a:not(.facet-clear)').nth(1);
  const facetLabel = (await facet.evaluate((a) => a.firstChild.textContent)).trim();
  await Promise.all([page.waitForURL(/category=/), facet.click()]);
  const selected = page.locator('.facet--category a[aria-current="true"]');
  expect(await selected.count() === 1, 'the chosen category is not marked current');
  const categories = await page.locator('.result-category').allTextContents();
  expect(categories.length > 0 && categories.every((c) => c.trim() === facetLabel),
    `results after filtering by ${facetLabel} are in: ${categories.join(', ')}`);
  expect(categories.length < total || total <= 1, 'filtering by a category did not narrow the results');
  log(`search ${env.searchQuery}: ${total} results, ${categories.length} in ${facetLabel}`);
  await screenshots(page, 'search-filtered');
  await page.close();
}

async function kanaSearch(context) {
  run.step = 'kana search';
  const page = await context.newPage();
  await page.goto(`${env.kotaeUrl}/`);
  await page.locator('#q').fill(env.kanaSearch);
  await Promise.all([page.waitForURL(/\/search\?/), page.locator('#q').press('Enter')]);
  const first = (await page.locator('.result-link').first().textContent()).trim();
  expect(first === env.kanaSearchFirst, `the search for ${env.kanaSearch} ranked first: ${first}`);
  const line = (await page.locator('.did-you-mean').textContent()).trim();
  expect(line.includes(`「${env.kanaSearchReadAs}」の検索結果`) && line.includes(env.kanaSearch),
    `the Japanese did-you-mean line reads: ${line}`);
  await checkAccessibility(page, 'search-kana');
  await screenshots(page, 'search-kana');
  log(`search ${env.kanaSearch}: ${first} first, "${line}"`);
  await page.close();
}

async function openArticleAndVote(context) {
  run.step = 'article and vote';
  const page = await context.newPage();
  await page.goto(`${env.kotaeUrl}/search?q=${encodeURIComponent(env.searchQuery)}`);
  const first = page.locator('.result-link').first();
  const href = await first.getAttribute('href');
  await Promise.all([page.waitForURL((url) => url.pathname === href), first.click()]);
  expect(await page.locator('.breadcrumbs li').count() >= 2, 'no breadcrumbs');
  expect(await page.locator('.article-meta time[datetime]').count() === 1, 'no updated date');
  expect(await page.locator('link[rel="canonical"]').count() === 1, 'no canonical link');
  expect(await page.locator('script[type="application/ld+json"]').count() === 1, 'no FAQPage JSON-LD');
  await checkAccessibility(page, 'article');
  await screenshots(page, 'article');

  const before = await feedbackCount();
  const voted = page.waitForResponse((r) => r.url().endsWith(`/api/v1${href}/feedback`) && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'はい' }).click();
  expect((await voted).status() === 201, 'the vote was not accepted by the feedback API');
  await page.locator('.feedback-thanks').waitFor({ state: 'visible', timeout: 5000 });
  // The comment is the second step, attached to the vote just cast.
  await page.locator('#feedback-comment').fill('手順がよく分かりました');
  const commented = page.waitForResponse((r) => r.url().endsWith(`/api/v1${href}/feedback`) && r.request().method() === 'POST');
  await page.locator('.feedback-comment-form button[type="submit"]').click();
  expect((await commented).status() === 200, 'the comment was not attached to the vote');
  await page.locator('.feedback-current').waitFor({ state: 'visible', timeout: 5000 });
  const after = await feedbackCount();
  expect(after === before + 1, `feedback count went from ${before} to ${after}`);
  log(`voted on ${href}: feedback ${before} -> ${after}`);
  await screenshots(page, 'article-voted');
  await page.close();
}

async function agentSeesPlaybook(customer) {
  run.step = 'agent sign-in and internal playbook';
  const playbookUrl = `/articles/${env.playbookId}`;
  const title = await playbookTitle();

  // Anonymous: not by URL, not by search, not in the sitemap, not even the title.
  const anonymous = await customer.newPage();
  const response = await anonymous.goto(`${env.kotaeUrl}${playbookUrl}`);
  expect(response.status() === 404, `anonymous ${playbookUrl} answered ${response.status()}`);
  expect(!(await anonymous.content()).includes(title), 'the 404 page shows the playbook title');
  await anonymous.goto(`${env.kotaeUrl}/search?q=${encodeURIComponent(env.playbookQuery)}`);
  expect(await anonymous.locator(`a[href="${playbookUrl}"]`).count() === 0, 'anonymous search links the playbook');
  expect(!(await anonymous.content()).includes(title), 'anonymous search shows the playbook title');
  const sitemap = await (await anonymous.request.get(`${env.kotaeUrl}/sitemap.xml`)).text();
  expect(sitemap.includes('/articles/') && !sitemap.includes(playbookUrl), 'the sitemap lists the playbook');
  await anonymous.close();

  // The agent signs in with the token on the form.
  const page = await customer.newPage();
  await page.goto(`${env.kotaeUrl}/login`);
  await checkAccessibility(page, 'login');
  await page.locator('#token').fill(env.agentToken);
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('.login-form button[type="submit"]').click()]);
  const cookies = await customer.cookies(env.kotaeUrl);
  const session = cookies.find((c) => c.name === 'kotae_session');
  expect(session && session.httpOnly && session.secure && session.sameSite === 'Lax',
    `session cookie flags: ${JSON.stringify(session)}`);
  expect(await page.locator('.agent-badge').count() === 1, 'no signed-in badge after signing in');

  await page.goto(`${env.kotaeUrl}/search?q=${encodeURIComponent(env.playbookQuery)}`);
  const link = page.locator(`.result-link[href="${playbookUrl}"]`);
  expect(await link.count() === 1, 'the agent\'s search does not find the playbook');
  const badge = await page.locator('.result', { has: link }).locator('.badge--internal').textContent();
  expect(badge.includes('社内限定'), `the playbook result is not marked internal: ${badge}`);
  await Promise.all([page.waitForURL((url) => url.pathname === playbookUrl), link.click()]);
  const marker = await page.locator('.article-meta .badge--internal').textContent();
  expect(marker.includes('社内限定') && marker.includes('Internal'), `the playbook page is not marked: ${marker}`);
  expect(await page.locator('meta[name="robots"][content="noindex"]').count() === 1, 'the playbook page is indexable');
  await screenshots(page, 'agent-playbook');

  // Suggestions as the agent include the playbook, marked.
  await page.locator('#q').fill(env.playbookQuery.slice(0, 2));
  await page.locator('#q-suggestions [role="option"]').first().waitFor({ state: 'visible', timeout: 5000 });
  const internalOptions = await page.locator(`#q-suggestions [data-url="${playbookUrl}"] .badge--internal`).count();
  expect(internalOptions === 1, 'the agent\'s suggestions do not show the playbook as internal');

  // Signing out ends it.
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('.signout-form button').click()]);
  expect(await page.locator('.signin-link').count() === 1, 'still signed in after signing out');
  const afterOut = await page.goto(`${env.kotaeUrl}${playbookUrl}`);
  expect(afterOut.status() === 404, `after signing out the playbook answered ${afterOut.status()}`);
  log(`agent saw ${playbookUrl} (${title}); anonymous and signed-out visitors get 404`);
  await page.close();
}

async function switchLanguage(context) {
  run.step = 'UI language switch';
  const page = await context.newPage();
  await page.goto(`${env.kotaeUrl}/`);
  expect(await page.locator('html').getAttribute('lang') === 'ja', 'a ja-JP browser did not get Japanese');
  await Promise.all([page.waitForURL(/lang=en/), page.locator('.lang-switch').click()]);
  expect(await page.locator('html').getAttribute('lang') === 'en', 'the switch did not change <html lang>');
  const brand = await page.locator('.brand').textContent();
  expect(brand.trim() === 'Help Center', `English brand is ${brand}`);
  await page.goto(`${env.kotaeUrl}/search?q=refund`);
  expect(await page.locator('html').getAttribute('lang') === 'en', 'the language choice was not remembered');
  const results = await page.locator('.result-link').count();
  expect(results > 0, 'no English results for refund');
  expect(await page.locator('.result[lang="en"]').count() === results, 'English UI shows non-English articles first');
  await checkAccessibility(page, 'search-en');
  await screenshots(page, 'search-en');
  await page.goto(`${env.kotaeUrl}/`);
  await checkAccessibility(page, 'home-en');
  await screenshots(page, 'home-en');
  log(`switched to English: ${results} results for refund`);
  await page.close();
}

async function feedbackCount() {
  const status = await api('/api/v1/admin/status', env.adminToken);
  return status.feedback.count;
}

async function playbookTitle() {
  const article = await api(`/api/v1/articles/${env.playbookId}`, env.agentToken);
  expect(article.visibility === 'internal', `${env.playbookId} is not internal`);
  return article.title;
}

async function api(path, token) {
  const response = await fetch(`${env.kotaeUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}
