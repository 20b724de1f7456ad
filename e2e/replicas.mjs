// Two Kotae replicas behind a real load balancer (HAProxy, round robin, no sticky sessions), driven by a
// real Chromium through the balancer: an agent signs in (the form comes from one replica and is posted to
// whichever the balancer picks), reads an internal playbook on both replicas, votes on a public article,
// and signs out. The vote must then be seen by each replica directly (shared feedback).
//
//   KOTAE_URL=http://127.0.0.1:<balancer> REPLICA_URLS=http://127.0.0.1:<one>,http://127.0.0.1:<two> \
//   AGENT_TOKEN=… ADMIN_TOKEN=… SCREENSHOT_DIR=… node e2e/replicas.mjs
//
// The balancer names the replica that answered in X-Kotae-Replica; the script checks that both answered
// pages of the signed-in session. Exit code 0 when everything held.

import { DESKTOP, expect, harness } from './harness.mjs';

const run = harness({ label: 'replicas', timeoutMs: 120_000, failureScreenshot: (step) => `replicas-failure-${step}.png` });
const { log } = run;

const env = {
  kotaeUrl: run.required('KOTAE_URL').replace(/\/+$/, ''),
  replicas: run.required('REPLICA_URLS').split(',').map((u) => u.replace(/\/+$/, '')),
  agentToken: run.required('AGENT_TOKEN'),
  adminToken: run.required('ADMIN_TOKEN'),
  playbookId: 'refund-approval',
  faqId: 'refund-timing',
};

try {
  log(`balancer ${env.kotaeUrl}, replicas ${env.replicas.join(' ')}`);
  const browser = await run.launch();
  const context = await browser.newContext({ locale: 'ja-JP', viewport: DESKTOP });
  run.collectConsoleErrors(context);
  const servedBy = new Set();
  context.on('response', (response) => {
    const replica = response.headers()['x-kotae-replica'];
    if (replica && response.request().resourceType() === 'document') servedBy.add(replica);
  });
  const page = await context.newPage();

  run.step = 'sign in through the balancer';
  await page.goto(`${env.kotaeUrl}/login`);
  await page.locator('#token').fill(env.agentToken);
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('.login-form button[type="submit"]').click()]);
  expect(await page.locator('.agent-badge').count() === 1, 'not signed in after the form was posted through the balancer');

  run.step = 'the playbook on every replica';
  const playbookUrl = `${env.kotaeUrl}/articles/${env.playbookId}`;
  for (let i = 0; i < 4; i++) {
    const response = await page.goto(playbookUrl);
    expect(response.status() === 200, `playbook visit ${i + 1} answered ${response.status()} from ${response.headers()['x-kotae-replica']}`);
    expect(await page.locator('.article-meta .badge--internal').count() === 1, 'the playbook page is not marked internal');
  }
  expect(servedBy.size >= 2, `only ${[...servedBy].join(', ')} answered: the balancer is not spreading the session`);

  run.step = 'vote through the balancer';
  const marker = `replica-vote-${Date.now()}`;
  await page.goto(`${env.kotaeUrl}/articles/${env.faqId}`);
  const voted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/articles/${env.faqId}/feedback`) && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'はい' }).click();
  const vote = await voted;
  expect(vote.status() === 201, `the vote answered ${vote.status()} from ${vote.headers()['x-kotae-replica']}`);
  await page.locator('.feedback .feedback-thanks').waitFor({ state: 'visible', timeout: 5000 });
  // The comment is the second step; it may reach another replica than the vote did.
  await page.locator('#feedback-comment').fill(`とても分かりやすい ${marker}`);
  const commented = page.waitForResponse((r) => r.url().endsWith(`/api/v1/articles/${env.faqId}/feedback`) && r.request().method() === 'POST');
  await page.locator('.feedback-comment-form button[type="submit"]').click();
  const comment = await commented;
  expect(comment.status() === 200, `the comment answered ${comment.status()} from ${comment.headers()['x-kotae-replica']}`);
  log(`voted (${marker}) through ${vote.headers()['x-kotae-replica']}`);
  for (const replica of env.replicas) {
    const response = await fetch(`${replica}/api/v1/admin/feedback?articleId=${env.faqId}`,
      { headers: { Authorization: `Bearer ${env.adminToken}` } });
    const body = await response.text();
    expect(response.status === 200 && body.includes(marker), `${replica} does not have the vote: ${response.status} ${body.slice(0, 300)}`);
  }

  run.step = 'sign out through the balancer';
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('.signout-form button').click()]);
  for (let i = 0; i < 2; i++) {
    const response = await page.goto(playbookUrl);
    expect(response.status() === 404, `after signing out the playbook answered ${response.status()}`);
  }
  run.expectNoConsoleErrors();
  await run.pass(`signed in, read, voted and signed out across ${[...servedBy].sort().join(' and ')}`);
} catch (error) {
  await run.fail(error);
}
