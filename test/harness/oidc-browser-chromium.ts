/**
 * A real headless Chromium (Debian's `chromium`, driven by playwright-core) for the embedded
 * provider's pages. Without the browser a test skips with the reason printed, and fails under
 * `CI=true`, where `.ci/run` installs it. A failing test leaves a screenshot of every open page
 * in `ROOST_SCREENSHOT_DIR` (default `<tmp>/roost-browser-screenshots`), named after the test.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where the browser is: `ROOST_CHROMIUM`, else Debian's package path. */
export const CHROMIUM_PATH = process.env.ROOST_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a quiet, offline, throwaway browser (no sandbox: tests run as root in CI). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const SCREENSHOT_DIR = process.env.ROOST_SCREENSHOT_DIR ?? join(tmpdir(), 'roost-browser-screenshots');

/** Why browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH) ? undefined : `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set ROOST_CHROMIUM)`;
}

/** What a browser test gets: the browser, and a way to open contexts whose pages are photographed on failure. */
export interface BrowserTestKit {
  readonly browser: Browser;
  /** A fresh context (own cookies); `javaScriptEnabled: false` for the no-script runs. */
  newContext(opts?: { javaScriptEnabled?: boolean }): Promise<BrowserContext>;
  /** A new page in a fresh context. */
  newPage(opts?: { javaScriptEnabled?: boolean }): Promise<Page>;
}

/**
 * `test(name, fn)` with a launched Chromium (launch() makes a fresh profile directory each
 * time). Skips, or under `CI=true` fails, when the browser is missing.
 */
export function browserTest(name: string, fn: (kit: BrowserTestKit, t: TestContext) => Promise<void>): void {
  test(name, { timeout: 180_000 }, async (t) => {
    const missing = chromiumMissing();
    if (missing) {
      if (process.env.CI === 'true') throw new Error(`browser test required under CI=true: ${missing}`);
      console.log(`# skipped "${name}": ${missing}`);
      t.skip(missing);
      return;
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const contexts: BrowserContext[] = [];
    const kit: BrowserTestKit = {
      browser,
      async newContext(opts = {}) {
        const ctx = await browser.newContext({ javaScriptEnabled: opts.javaScriptEnabled ?? true });
        ctx.setDefaultTimeout(30_000);
        contexts.push(ctx);
        return ctx;
      },
      async newPage(opts = {}) {
        return (await kit.newContext(opts)).newPage();
      },
    };
    try {
      await fn(kit, t);
    } catch (err) {
      await screenshotAll(name, contexts);
      throw err;
    } finally {
      await browser.close();
    }
  });
}

async function screenshotAll(name: string, contexts: readonly BrowserContext[]): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const base = name.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80);
  let n = 0;
  for (const ctx of contexts) {
    for (const page of ctx.pages()) {
      const file = join(SCREENSHOT_DIR, `${base}-${++n}.png`);
      try {
        await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
        console.log(`# screenshot of ${page.url()}: ${file}`);
      } catch {
        // A crashed page has no picture; the error of the test says more.
      }
    }
  }
}

/** Types into the labelled field, as a person would (the label must point at the input). */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/** Clicks a button by its visible name and waits for the navigation it causes. */
export async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('button', { name: button, exact: true }).click()]);
}
