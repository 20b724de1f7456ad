// End-to-end check of signing in with a name and password in a real Chromium.
//
//   KOTAE_URL=http://127.0.0.1:34567 ACCOUNT_NAME=… ACCOUNT_PASSWORD=… SCREENSHOT_DIR=… node e2e/accounts.mjs
//
// KOTAE_URL serves the bundled sample help center with one account (made with `kotae users add`). The
// script opens the sign-in page, types a wrong password (the page answers with a message, keeps the name
// and never the password), then the right one with the keyboard (a Japanese passphrase), lands on the
// playbook it asked for, and is named in the header. axe-core checks the page in both states; screenshots
// at desktop and phone width go to SCREENSHOT_DIR. Exit code 0 when all held.

import { DESKTOP, expect, harness } from './harness.mjs';

const PLAYBOOK = '/articles/refund-approval';

const run = harness({ label: 'accounts', timeoutMs: 90_000,
  failureScreenshot: (step) => `ui-accounts-failure-${step}.png` });
const { log } = run;

const env = {
  kotaeUrl: run.required('KOTAE_URL').replace(/\/+$/, ''),
  name: run.required('ACCOUNT_NAME'),
  password: run.required('ACCOUNT_PASSWORD'),
};

try {
  log(`Kotae ${env.kotaeUrl}, Chromium ${run.chromium}`);
  const browser = await run.launch();
  const context = await browser.newContext({ locale: 'ja-JP', viewport: DESKTOP });
  run.collectConsoleErrors(context);
  const page = await context.newPage();

  run.step = 'the sign-in page';
  await page.goto(`${env.kotaeUrl}/login?next=${encodeURIComponent(PLAYBOOK)}`);
  expect(await page.locator('form.password-form #account-name').count() === 1, 'no name field');
  expect(await page.locator('form.login-form #token').count() === 1, 'the token form is gone');
  await run.checkAccessibility(page, 'login');
  await run.screenshots(page, 'login');

  run.step = 'a wrong password';
  await page.locator('#account-name').fill(env.name.toUpperCase());
  await page.locator('#password').fill('not the password at all');
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
    page.locator('.password-form button[type="submit"]').click()]);
  expect(refused.status() === 401, `a wrong password answered ${refused.status()}`);
  await page.waitForLoadState();
  // Chromium logs the page's own 401 as a failed resource: that one is the answer expected here.
  run.consoleErrors = run.consoleErrors.filter((e) => !/\/login: .*status of 401/.test(e));
  const error = await page.locator('#login-error').textContent();
  expect(error.includes('パスワード'), `no message: ${error}`);
  expect(await page.locator('#account-name').inputValue() === env.name.toUpperCase(), 'the name is not kept');
  expect(await page.locator('#password').inputValue() === '', 'the password is shown again');
  expect(!(await page.content()).includes('not the password at all'), 'the wrong password is in the page');
  await run.checkAccessibility(page, 'login with an error');
  await run.screenshots(page, 'login-error');

  run.step = 'the right password';
  await page.locator('#password').click();
  await page.keyboard.type(env.password);
  await Promise.all([page.waitForURL((url) => url.pathname === PLAYBOOK),
    page.locator('.password-form button[type="submit"]').click()]);
  expect(await page.locator('.agent-badge').count() === 1, 'no signed-in badge after signing in');
  expect((await page.locator('.agent-badge').textContent()).includes(env.name), 'the badge does not name the person');
  expect(await page.locator('.article-meta .badge--internal').count() === 1, 'the playbook is not shown');
  expect(!(await page.content()).includes(env.password), 'the password is in the page');
  const session = (await context.cookies(env.kotaeUrl)).find((c) => c.name === 'kotae_session');
  expect(session && session.httpOnly, `session cookie: ${JSON.stringify(session)}`);

  run.expectNoConsoleErrors();
  await run.pass('password sign-in works');
} catch (failure) {
  await run.fail(failure);
}
