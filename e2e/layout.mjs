// Phone and desktop layout, the vote's "No" path and accessibility of the help-center pages, in a real
// Chromium, checked by measurements rather than pixel baselines (screenshots are kept for the record).
//
//   KOTAE_URL=http://127.0.0.1:34567 CONTACT_URL=/contact SCREENSHOT_DIR=… node e2e/layout.mjs
//
// KOTAE_URL serves the bundled sample help center with site.contactUrl = CONTACT_URL. Checked:
//   - on a phone (390x844) the first search result ends above the fold, in both languages;
//   - on a desktop the English home's card titles break only between words (each word's client rects
//     stay on one line), at two widths; the detector is first shown to catch a word forced to break;
//   - a category page is titled by its category;
//   - voting "No" (with the page's script) offers related articles and the contact page, a comment is
//     attached after the vote, and a reload remembers both;
//   - axe-core finds no violations at all (any impact) on the home, search, category and article pages
//     in Japanese and English, and the voted article.
// Exit code 0 when everything held.

import { join } from 'node:path';
import { expect, harness } from './harness.mjs';

const PHONE_390 = { width: 390, height: 844 };
const DESKTOPS = [{ width: 1280, height: 900 }, { width: 1024, height: 768 }];

const run = harness({ label: 'layout', timeoutMs: 150_000, failureScreenshot: (step) => `layout-failure-${step}.png` });
const { log } = run;

const env = {
  kotaeUrl: run.required('KOTAE_URL').replace(/\/+$/, ''),
  contactUrl: run.required('CONTACT_URL'),
  // Defaults match the bundled sample help center.
  queries: { ja: '返金', en: 'refund' },
  noArticle: 'refund-timing', // has related articles
};

try {
  log(`Kotae ${env.kotaeUrl}, Chromium ${run.chromium}`);
  const browser = await run.launch();
  for (const lang of ['ja', 'en']) {
    const phone = await browser.newContext({ locale: lang === 'ja' ? 'ja-JP' : 'en-US', viewport: PHONE_390 });
    run.collectConsoleErrors(phone);
    await firstResultAboveTheFold(phone, lang);
    await phone.close();
  }
  const desktop = await browser.newContext({ locale: 'en-US', viewport: DESKTOPS[0] });
  run.collectConsoleErrors(desktop);
  await englishCardsBreakOnlyBetweenWords(desktop);
  await facetsAreOpenBesideTheResults(desktop);
  for (const lang of ['ja', 'en']) {
    await pagesHaveNoAccessibilityViolations(desktop, lang);
  }
  await noVoteOffersRelatedArticlesAndContact(desktop);
  run.expectNoConsoleErrors();
  await run.pass('layout, the No path and accessibility hold');
} catch (error) {
  await run.fail(error);
}

async function facetsAreOpenBesideTheResults(context) {
  run.step = 'desktop facets';
  const page = await context.newPage();
  await page.goto(`${env.kotaeUrl}/search?q=${encodeURIComponent(env.queries.en)}&lang=en`);
  await page.locator('li.result').first().waitFor({ state: 'visible' });
  expect(await page.locator('aside.facets section.facet').first().isVisible(), 'the facets are folded on a desktop');
  expect(!(await page.locator('summary.facets-toggle').isVisible()), 'the phone toggle shows on a desktop');
  await page.close();
}

async function firstResultAboveTheFold(context, lang) {
  run.step = `phone search (${lang})`;
  const page = await context.newPage();
  await page.goto(`${env.kotaeUrl}/search?q=${encodeURIComponent(env.queries[lang])}&lang=${lang}`);
  const first = page.locator('li.result').first();
  await first.waitFor({ state: 'visible' });
  const box = await first.boundingBox();
  await page.screenshot({ path: join(run.screenshotDir, `layout-search-phone-${lang}.png`) }); // the first screen only
  expect(box !== null && box.y + box.height <= PHONE_390.height,
    `${lang}: the first result ends at y=${box && box.y + box.height}, below the ${PHONE_390.height}px fold`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `${lang}: the search page scrolls sideways by ${overflow}px on a phone`);
  // The facets are still there, after the results, folded behind their toggle until it is tapped.
  expect(await page.locator('aside.facets section.facet').count() > 0, `${lang}: no facets on the phone search page`);
  const panel = page.locator('details.facets-panel');
  expect(!(await panel.evaluate((d) => d.open)), `${lang}: the facets are not folded on a phone`);
  expect(!(await page.locator('aside.facets section.facet').first().isVisible()), `${lang}: folded facets are visible`);
  await page.locator('summary.facets-toggle').click();
  await page.locator('aside.facets section.facet').first().waitFor({ state: 'visible' });
  log(`${lang} phone: first result ends at y=${Math.round(box.y + box.height)} of ${PHONE_390.height}`);
  await page.close();
}

/** Every word of the card titles whose client rects lie on more than one line: a word broken mid-word. */
function brokenWords(page) {
  return page.evaluate(() => {
    const broken = [];
    for (const title of document.querySelectorAll('.category-name, .popular .article-list a')) {
      const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const words = /\S+/g;
        for (let match = words.exec(node.data); match; match = words.exec(node.data)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(`"${match[0]}" of "${title.textContent.trim()}" spans ${lines.size} lines`);
        }
      }
    }
    return broken;
  });
}

async function englishCardsBreakOnlyBetweenWords(context) {
  run.step = 'desktop English home cards';
  const page = await context.newPage();
  await page.goto(`${env.kotaeUrl}/?lang=en`);
  const titles = await page.locator('.category-name').allTextContents();
  expect(titles.length > 0 && titles.some((t) => /[A-Za-z]{6,}/.test(t)), `no English card titles: ${titles}`);

  // The detector must be able to fail: squeeze one card and let its title break anywhere (CSSOM, which
  // the page's CSP allows), and it must report the broken word.
  const squeezed = await page.evaluate(() => {
    const card = document.querySelector('.category-card');
    card.style.width = '4.5rem';
    card.style.flex = '0 0 auto';
    card.querySelector('.category-name').style.overflowWrap = 'anywhere';
    return card.querySelector('.category-name').textContent;
  });
  const caught = await brokenWords(page);
  expect(caught.length > 0, `the word check did not notice "${squeezed}" squeezed into 4.5rem`);
  await page.reload();

  for (const size of DESKTOPS) {
    await page.setViewportSize(size);
    const broken = await brokenWords(page);
    await page.screenshot({ path: join(run.screenshotDir, `layout-home-en-${size.width}.png`), fullPage: true });
    expect(broken.length === 0, `at ${size.width}px words break mid-word:\n  ${broken.join('\n  ')}`);
    const clipped = await page.evaluate(() => [...document.querySelectorAll('.category-card')]
      .filter((card) => card.scrollWidth > card.clientWidth + 1).map((card) => card.textContent.trim()));
    expect(clipped.length === 0, `at ${size.width}px cards overflow: ${clipped}`);
    log(`${size.width}px: ${titles.length} card titles, no word broken`);
  }
  await page.setViewportSize(DESKTOPS[0]);
  await page.close();
}

async function pagesHaveNoAccessibilityViolations(context, lang) {
  const page = await context.newPage();
  run.step = `axe home (${lang})`;
  await page.goto(`${env.kotaeUrl}/?lang=${lang}`);
  await run.checkAccessibility(page, `home ${lang}`, { everyImpact: true });

  run.step = `category page (${lang})`;
  const card = page.locator('a.category-card').first();
  const category = (await card.locator('.category-name').textContent()).trim();
  await Promise.all([page.waitForURL((url) => url.pathname === '/search'), card.click()]);
  expect((await page.locator('main h1').textContent()).trim() === category, `${lang}: the category page's h1 is not "${category}"`);
  expect((await page.title()).startsWith(`${category} | `), `${lang}: the category page's title is "${await page.title()}"`);
  await run.checkAccessibility(page, `category ${lang}`, { everyImpact: true });

  run.step = `axe search (${lang})`;
  await page.goto(`${env.kotaeUrl}/search?q=${encodeURIComponent(env.queries[lang])}`);
  await run.checkAccessibility(page, `search ${lang}`, { everyImpact: true });

  run.step = `axe article (${lang})`;
  const first = page.locator('.result-link').first();
  const href = await first.getAttribute('href');
  await Promise.all([page.waitForURL((url) => url.pathname === href), first.click()]);
  await run.checkAccessibility(page, `article ${lang}`, { everyImpact: true });
  await page.close();
}

async function noVoteOffersRelatedArticlesAndContact(context) {
  run.step = 'a No vote';
  const page = await context.newPage();
  const articleUrl = `${env.kotaeUrl}/articles/${env.noArticle}?lang=ja`;
  await page.goto(articleUrl);
  expect(await page.locator('aside.related a').count() > 0, 'the article lists no related articles before the vote');
  const voted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/articles/${env.noArticle}/feedback`)
    && r.request().method() === 'POST');
  await page.locator('form.feedback-vote button[value="false"]').click();
  expect((await voted).status() === 201, 'the No vote was not accepted');
  await page.locator('.feedback-next').waitFor({ state: 'visible', timeout: 5000 });
  expect(await page.locator('.feedback-next .feedback-related a').count() > 0, 'a No vote offers no related articles');
  // The script swaps the list below the box too: what the box now offers is not listed a second time.
  const listed = await page.evaluate(() => [...document.querySelectorAll('.feedback-related a, aside.related a')]
    .map((a) => a.getAttribute('href')));
  expect(listed.length === new Set(listed).size, `a related article is listed twice after the No vote: ${listed}`);
  expect(await page.locator('.feedback-next a.contact-link').getAttribute('href') === env.contactUrl,
    'a No vote offers no link to the contact page');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('feedback-current')),
    'focus did not move to the vote status');

  run.step = 'a comment after the vote';
  await page.locator('#feedback-comment').fill('連絡先が見つかりませんでした');
  const commented = page.waitForResponse((r) => r.url().endsWith(`/api/v1/articles/${env.noArticle}/feedback`)
    && r.request().method() === 'POST');
  await page.locator('.feedback-comment-form button[type="submit"]').click();
  expect((await commented).status() === 200, 'the comment was not attached to the vote');

  run.step = 'the vote after a reload';
  await page.reload();
  expect(await page.locator('form.feedback-vote').count() === 0, 'after a reload the vote buttons are back');
  expect(await page.locator('.feedback-next a.contact-link').count() === 1, 'after a reload the No path is gone');
  expect((await page.locator('#feedback-comment').inputValue()) === '連絡先が見つかりませんでした',
    'after a reload the comment is not shown');
  await run.checkAccessibility(page, 'article voted No', { everyImpact: true });
  await run.screenshots(page, 'article-voted-no');

  run.step = 'changing the vote';
  const changed = page.waitForResponse((r) => r.url().endsWith(`/api/v1/articles/${env.noArticle}/feedback`)
    && r.request().method() === 'POST');
  await page.locator('form.feedback-change button[name="helpful"]').click();
  expect((await changed).status() === 200, 'changing the vote was not accepted as a change');
  await page.locator('.feedback-next').waitFor({ state: 'detached', timeout: 5000 });
  await page.close();
}
