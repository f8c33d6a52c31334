/**
 * Debian's headless Chromium through playwright-core (FACTS.md: downloaded browsers do not work here).
 * Playwright gives every launch a fresh temporary profile, which stands in for `--user-data-dir`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Stack, startStack } from '../support/stack';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized page (375 × 812, like the screens WeChat's font tables are written for). */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  return context.newPage();
}

/**
 * Saves the whole current page. Taro's h5 pages scroll inside `.taro_page`, not the document, so the
 * viewport is stretched to the page's height for the picture and put back afterwards.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  const viewport = page.viewportSize() ?? { width: 375, height: 812 };
  // Taro slides pages in; a picture taken mid-slide is cut off.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  const height = await page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.taro_page')].find(
      (el) => el.offsetParent !== null,
    );
    // From the top: a page scrolled by the last tap would otherwise hide its title under the navigation bar.
    if (shown) shown.scrollTop = 0;
    return shown ? shown.scrollHeight + (window.innerHeight - shown.clientHeight) : window.innerHeight;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, Math.ceil(height)) });
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
  return path;
}

/** The computed font size, in px, of the visible page root (`.screen`) of the current page. */
export async function rootFontPx(page: Page): Promise<number> {
  const size = await page
    .locator('.screen:visible')
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  return size;
}

/** Visible text containing `text` on the shown page. */
export const visible = (page: Page, text: string) =>
  page.getByText(text, { exact: false }).locator('visible=true').first();

/**
 * The shown page that contains `text`. While Taro's router swaps pages, the page being left can still be
 * visible for a moment, so "the first visible page" may be the old one; naming a text of the new page settles it.
 */
export const screenWith = (page: Page, text: string) =>
  page.locator('.screen:visible', { hasText: text }).first();

/** A visible button by its words. */
export const button = (page: Page, name: string | RegExp) =>
  page.locator('.btn:visible, taro-button-core:visible', { hasText: name }).first();

/** A form field of the shown page by its label. */
export const field = (page: Page, label: string | RegExp) =>
  page.locator('.field:visible', { has: page.locator('.field__label', { hasText: label }) }).first();

let requests = 0;

/**
 * Test setup through `/fn` (what the scenario does not click through itself), with a fresh request id per call;
 * throws with the reply when the call fails.
 */
export async function callAs<T>(
  stack: Stack,
  token: string,
  fn: string,
  event: Record<string, unknown>,
): Promise<T> {
  const requestId = `rbrowser${Date.now().toString(36)}${(requests++).toString(36).padStart(4, '0')}`;
  const reply = (await stack.call(fn, { requestId, ...event }, token)) as { ok: boolean; data: T };
  if (!reply.ok) throw new Error(`${fn}.${String(event.action)} failed: ${JSON.stringify(reply)}`);
  return reply.data;
}

const H5_INDEX = join(__dirname, '..', '..', 'dist', 'h5', 'index.html');

/**
 * One test file's world: the seeded local stack and a headless Chromium, started before its tests and closed
 * after them, and `signIn`, which opens a phone-sized page signed in as a demo persona.
 */
export function browserSuite() {
  const suite = {
    stack: undefined as unknown as Stack,
    browser: undefined as unknown as Browser,
    async signIn(persona: string): Promise<Page> {
      const page = await phonePage(suite.browser);
      await page.goto(suite.stack.url);
      await page.locator(`[data-persona="${persona}"]`).click();
      return page;
    },
  };
  beforeAll(async () => {
    if (!existsSync(H5_INDEX)) throw new Error('dist/h5 is missing: run `npm run build:h5` first');
    suite.stack = await startStack({ seed: true });
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.close();
  });
  return suite;
}
