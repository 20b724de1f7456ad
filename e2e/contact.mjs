// The contact page (/contact) in a real Chromium at phone size, as a customer would use it: picks a
// category, types Japanese (through a simulated IME) while matching articles appear, opens one in a new
// tab, then submits anyway. axe-core must find no violation at all on the page, before and with the
// suggestions shown; the funnel steps must be recorded (checked through the admin events API).
//
//   KOTAE_URL=http://127.0.0.1:34567 ADMIN_TOKEN=… SUBJECT=… SCREENSHOT_DIR=… node e2e/contact.mjs
//
// The Java side (ContactBrowserIT) checks that its webhook stub received the request once.

import { expect, harness } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
const run = harness({ label: 'contact', timeoutMs: 120_000, failureScreenshot: (step) => `contact-failure-${step}.png` });
const { log } = run;

const env = {
  kotaeUrl: run.required('KOTAE_URL').replace(/\/+$/, ''),
  adminToken: run.required('ADMIN_TOKEN'),
  subject: run.required('SUBJECT'),
  typed: '返金', // typed through the IME into the subject
  description: 'クレジットカードの返金はいつ反映されますか',
};

try {
  const browser = await run.launch();
  const context = await browser.newContext({ locale: 'ja-JP', viewport: PHONE });
  run.collectConsoleErrors(context);
  const page = await context.newPage();

  run.step = 'the footer links to the page, which does not link to itself';
  await page.goto(`${env.kotaeUrl}/`);
  const footerLink = await page.evaluate(() => {
    const link = document.querySelector('footer a.contact-link');
    const style = link && getComputedStyle(link);
    return link && { href: link.getAttribute('href'), color: style.color, background: style.backgroundColor };
  });
  expect(footerLink && footerLink.href === '/contact', `the footer does not link to /contact: ${JSON.stringify(footerLink)}`);
  expect(footerLink.color !== footerLink.background, `the footer's contact link is invisible: ${JSON.stringify(footerLink)}`);
  await page.goto(`${env.kotaeUrl}/contact`);
  await noViolations(page, 'contact');
  await run.screenshot(page, 'contact-phone.png');
  expect(await page.locator('footer a.contact-link').count() === 0, 'the contact page links to itself in its footer');

  run.step = 'pick a category';
  await page.getByLabel('請求・支払い').check();

  run.step = 'type Japanese and see articles';
  const suggestRequests = [];
  page.on('request', (request) => {
    if (request.url().includes('/contact/suggest')) suggestRequests.push(new URL(request.url()).searchParams.get('q'));
  });
  await page.locator('#contact-subject').focus();
  const cdp = await context.newCDPSession(page);
  let composing = '';
  for (const ch of 'へんきん') {
    composing += ch;
    await cdp.send('Input.imeSetComposition', { text: composing, selectionStart: composing.length, selectionEnd: composing.length });
  }
  await page.waitForTimeout(400); // longer than the debounce: nothing may be asked mid-composition
  expect(suggestRequests.length === 0, `suggestions were asked mid-composition: ${JSON.stringify(suggestRequests)}`);
  await cdp.send('Input.insertText', { text: env.typed }); // commits the composition as 返金
  await page.locator('#contact-description').focus();
  await cdp.send('Input.insertText', { text: env.description });
  const links = page.locator('.contact-suggestion__link');
  await links.first().waitFor({ state: 'visible', timeout: 10_000 });
  const titles = await links.allTextContents();
  log(`suggested: ${titles.join(' | ')}`);
  expect(titles.length >= 1 && titles.length <= 3, `expected 1-3 suggestions, got ${titles.length}`);
  await noViolations(page, 'contact with suggestions');
  await run.screenshot(page, 'contact-suggestions-phone.png');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `the contact page scrolls sideways by ${overflow}px on a phone`);

  run.step = 'open an article';
  const [article] = await Promise.all([context.waitForEvent('page'), links.first().click()]);
  await article.waitForLoadState();
  expect(new URL(article.url()).pathname.startsWith('/articles/'), `opened ${article.url()}`);
  log(`opened ${article.url()}`);
  await article.close();

  run.step = 'submit anyway';
  await page.locator('#contact-email').fill('hanako@example.com');
  await page.locator('#contact-subject').fill(env.subject);
  await Promise.all([page.waitForURL((url) => url.pathname === '/contact/sent'), page.locator('form.contact-form button[type=submit]').click()]);
  await page.locator('p[role=status]').waitFor();
  await noViolations(page, 'contact sent');

  run.step = 'funnel recorded';
  const wanted = [['contact', 'viewed'], ['contact/billing', 'shown'], ['contact/billing', 'opened'], ['contact/billing', 'submitted']];
  const deadline = Date.now() + 15_000;
  let missing = wanted;
  while (missing.length > 0 && Date.now() < deadline) {
    const response = await fetch(`${env.kotaeUrl}/api/v1/admin/events?type=deflection&limit=1000`,
      { headers: { Authorization: `Bearer ${env.adminToken}` } });
    const events = (await response.json()).events;
    missing = wanted.filter(([widget, action]) => !events.some((e) => e.widget === widget && e.action === action));
    if (missing.length > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(missing.length === 0, `funnel steps not recorded: ${JSON.stringify(missing)}`);
  run.expectNoConsoleErrors();
  await run.pass('a customer on a phone finds articles while typing and still sends the request');
} catch (error) {
  await run.fail(error);
}

/** axe-core: not a single violation, whatever its impact. */
async function noViolations(page, name) {
  await run.checkAccessibility(page, name); // loads axe, fails on serious ones with the harness's report
  const all = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const report = await axe.run(document, { resultTypes: ['violations'] });
    return report.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(all.length === 0, `axe found violations on ${name}:\n  ${all.join('\n  ')}`);
}
