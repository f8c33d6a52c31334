/**
 * A resident in the h5 build against the whole local stack: signs in as a seeded persona, chooses a home
 * center, and turns on large type. Screenshots at normal and large type go to test-artifacts/.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type Stack, startStack } from '../support/stack';
import { launchChromium, phonePage, rootFontPx, screenshot } from './browser';

jest.setTimeout(180_000);

const H5_INDEX = join(__dirname, '..', '..', 'dist', 'h5', 'index.html');
/** The seeded new resident: no home center yet, elderly mode off. */
const PERSONA = { key: 'resident-liu', name: '刘洋' };

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(H5_INDEX)) throw new Error('dist/h5 is missing: run `npm run build:h5` first');
  stack = await startStack({ seed: true });
  browser = await launchChromium();
  page = await phonePage(browser);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const visible = (text: string) => page.getByText(text, { exact: false }).locator('visible=true').first();

test('a new resident signs in, chooses a home center and switches to large type', async () => {
  await page.goto(stack.url);

  // No session yet: the local sign-in page lists the seeded people by role.
  await visible(PERSONA.name).waitFor();
  await screenshot(page, 'resident-0-sign-in');
  await visible(PERSONA.name).click();

  // Home asks for a home center first.
  await visible('还没有选常去的邻里中心').waitFor();
  await visible('选择邻里中心').click();

  // Centers are grouped by district and street; ones still being built are shown but cannot be chosen.
  await visible('选择您常去的邻里中心').waitFor();
  const building = page.locator('[role="radio"][aria-disabled="true"]:visible');
  await building.first().waitFor();
  await expect(building.first().textContent()).resolves.toContain('建设中');
  // A tap on it changes nothing (force: Playwright itself refuses to click what says it is disabled).
  await building.first().click({ force: true });
  expect(await page.locator('[role="radio"][aria-checked="true"]:visible').count()).toBe(0);

  const choice = page.locator('[role="radio"][aria-disabled="false"]:visible').first();
  const centerName = ((await choice.locator('.choice__label').textContent()) ?? '').trim();
  expect(centerName).not.toBe('');
  await screenshot(page, 'resident-1-centers');
  await choice.click();

  // Back home, the chosen center is the resident's.
  await visible('我的邻里中心').waitFor();
  await expect(visible(centerName).textContent()).resolves.toContain(centerName);
  await screenshot(page, 'resident-2-home-normal');

  // 我的: standard type first.
  await page.getByText('我的', { exact: true }).locator('visible=true').last().click();
  await visible('大字模式').waitFor();
  const normalPx = await rootFontPx(page);
  expect(normalPx).toBeCloseTo(17, 0);
  await screenshot(page, 'resident-3-me-normal');

  // Large type: the switch says so in words, and the page's type grows to WeChat's care-mode size.
  const elderlySwitch = page.locator('[role="switch"]:visible');
  await expect(elderlySwitch.getAttribute('aria-checked')).resolves.toBe('false');
  await elderlySwitch.click();
  await visible('已开启').waitFor();
  await page.waitForFunction(() => !document.body.textContent?.includes('保存中'));
  const largePx = await rootFontPx(page);
  expect(largePx).toBeGreaterThan(normalPx * 1.3);
  const buttonHeight = await page
    .locator('.btn:visible')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height);
  expect(buttonHeight).toBeGreaterThanOrEqual(44 * 1.3);
  await screenshot(page, 'resident-4-me-large');

  // The choice is kept on the server: a fresh load comes back in large type, home center and all.
  await page.reload();
  await visible('大字模式').waitFor();
  await expect(rootFontPx(page)).resolves.toBeCloseTo(largePx, 1);
  await page.getByText('首页', { exact: true }).locator('visible=true').last().click();
  await visible(centerName).waitFor();
  await expect(rootFontPx(page)).resolves.toBeGreaterThan(normalPx * 1.3);
  await screenshot(page, 'resident-5-home-large');
});
