// The plumbing that the browser scripts (ui.mjs, widgets.mjs, analytics.mjs) share: env variables, a
// timed log, the watchdog, Chromium's launch, the failure path (log, screenshot every open page, close the
// browser, exit 1), axe-core, desktop/phone screenshots and console-error collection. What a script checks
// stays in the script; this module only runs it.
//
//   const run = harness({ label: 'ui', timeoutMs: 150_000, failureScreenshot: (slug) => `ui-failure-${slug}.png` });
//   run.step = 'search';  // named in the FAIL line and the failure screenshot

import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Starts a run: the clock for the log and the watchdog that fails it after timeoutMs. label prefixes each
 * log line; failureScreenshot(stepSlug) names the screenshot of the open pages on failure; a missing
 * required env variable exits with missingEnvExitCode.
 */
export function harness({ label, timeoutMs, failureScreenshot, missingEnvExitCode = 2 }) {
  const started = Date.now();
  const axeChecked = [];
  let axeSource;

  const run = {
    step: 'start',
    browser: undefined,
    screenshotDir: process.env.SCREENSHOT_DIR || join(tmpdir(), 'kotae-e2e-screenshots'),
    chromium: process.env.CHROMIUM || '/usr/bin/chromium',
    /** Errors from the pages' consoles and uncaught exceptions (see collectConsoleErrors). */
    consoleErrors: [],

    required(name) {
      const value = process.env[name];
      if (!value) {
        console.error(`set ${name}`);
        process.exit(missingEnvExitCode);
      }
      return value;
    },

    log(message) {
      console.log(`[${label} ${seconds()}s] ${message}`);
    },

    /** Starts Chromium (and makes SCREENSHOT_DIR). */
    async launch() {
      await mkdir(run.screenshotDir, { recursive: true });
      run.browser = await chromium.launch({
        executablePath: run.chromium,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      return run.browser;
    },

    /** Everything held: closes the browser and exits 0. */
    async pass(what) {
      clearTimeout(watchdog);
      await run.browser?.close();
      if (axeChecked.length > 0) run.log(`axe-core: ${axeChecked.map((name) => `${name} ok`).join('; ')}`);
      run.log(`PASS: ${what} (${seconds()} s)`);
      process.exit(0);
    },

    /** Logs the failure, screenshots every open page, closes the browser and exits 1. */
    async fail(error) {
      clearTimeout(watchdog);
      console.error(`FAIL during ${run.step}: ${error?.stack || error}`);
      try {
        if (run.browser) {
          const name = failureScreenshot(run.step.replace(/\W+/g, '-'));
          for (const context of run.browser.contexts()) {
            for (const page of context.pages()) await run.screenshot(page, name);
          }
          await Promise.race([run.browser.close(), new Promise((resolve) => setTimeout(resolve, 3000))]);
        }
      } catch (ignored) {
        // the failure itself is what matters
      }
      process.exit(1);
    },

    async screenshot(page, name) {
      const path = join(run.screenshotDir, name);
      await page.screenshot({ path, fullPage: true });
      run.log(`screenshot ${path}`);
    },

    /** Full-page screenshots ui-<name>-desktop.png and -phone.png; at phone width nothing may scroll sideways. */
    async screenshots(page, name) {
      await page.setViewportSize(DESKTOP);
      await page.screenshot({ path: join(run.screenshotDir, `ui-${name}-desktop.png`), fullPage: true });
      await page.setViewportSize(PHONE);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow <= 0, `${name} scrolls sideways by ${overflow}px at phone width`);
      await page.screenshot({ path: join(run.screenshotDir, `ui-${name}-phone.png`), fullPage: true });
      await page.setViewportSize(DESKTOP);
    },

    /**
     * axe-core in the page: any serious or critical finding fails the run, minor ones are logged; with
     * everyImpact, any finding at all fails it.
     */
    async checkAccessibility(page, name, { everyImpact = false } = {}) {
      axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
      // Evaluated through DevTools, so the page's CSP (no inline scripts) does not block it.
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const report = await axe.run(document, { resultTypes: ['violations'] });
        return report.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
          targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      const serious = result.filter((v) => everyImpact || v.impact === 'serious' || v.impact === 'critical');
      const minor = result.filter((v) => !serious.includes(v));
      if (minor.length > 0) run.log(`axe ${name}: minor findings: ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
      expect(serious.length === 0, `axe found serious issues on ${name}:\n${JSON.stringify(serious, null, 2)}`);
      axeChecked.push(name);
    },

    /**
     * Collects console errors and uncaught exceptions of every new page of the context into consoleErrors:
     * a CSP violation or a script bug shows up there. A page served with status 404 (the 404 page, a missing
     * favicon) is logged by Chromium as a failed resource and does not count.
     */
    collectConsoleErrors(context) {
      context.on('page', (page) => {
        page.on('console', (message) => {
          if (message.type() === 'error' && !/status of 404/.test(message.text())) {
            run.consoleErrors.push(`${page.url()}: ${message.text()}`);
          }
        });
        page.on('pageerror', (error) => run.consoleErrors.push(`${page.url()}: ${error.message}`));
      });
    },

    expectNoConsoleErrors() {
      expect(run.consoleErrors.length === 0, `console errors on the pages:\n  ${run.consoleErrors.join('\n  ')}`);
    },
  };
  const watchdog = setTimeout(() => run.fail(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
  return run;

  function seconds() {
    return ((Date.now() - started) / 1000).toFixed(1);
  }
}
