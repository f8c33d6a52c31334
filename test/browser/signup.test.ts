/**
 * Issue 3 end to end in the h5 build against the seeded local stack, one browser context per person:
 * staff draft and publish a one-seat activity; 王秀英 takes the seat; 张伟 is waitlisted (候补第1位); 王秀英
 * cancels; 张伟 sees in 我的报名 that the seat is his and has an inbox message saying so. Screenshots at
 * normal type (张伟, staff) and large type (王秀英 has 大字模式 on; staff switch it on at the end).
 */
import type { Page } from 'playwright-core';
import { monthOf } from '../../shared/rules/time';
import {
  browserSuite,
  button,
  field,
  phonePage,
  rootFontPx,
  screenshot,
  screenWith,
  visible,
} from './browser';

jest.setTimeout(240_000);

const TITLE = `邻里合唱${Date.now().toString(36).slice(-4)}`;

const suite = browserSuite();

const exactly = (page: Page, text: string) =>
  page.getByText(text, { exact: true }).locator('visible=true').first();

/** The month the activity goes in: this month, unless tomorrow in Huzhou is already the next. */
const tomorrowIsNextMonth = monthOf(new Date(Date.now() + 24 * 3600_000)) !== monthOf(new Date());

async function signIn(persona: string): Promise<Page> {
  const page = await phonePage(suite.browser);
  await page.goto(suite.stack.url);
  await page.locator(`[data-persona="${persona}"]`).waitFor();
  await page.locator(`[data-persona="${persona}"]`).click();
  return page;
}

async function tab(page: Page, name: string) {
  // Exactly: 我的 is also the start of 我的报名.
  await page
    .locator('.weui-tabbar__label', { hasText: new RegExp(`^${name}$`) })
    .locator('visible=true')
    .first()
    .click();
}

/** Answers Taro's h5 confirmation dialog. */
async function confirmDialog(page: Page, confirmText: string) {
  const confirm = page.locator('.taro-model__confirm:visible');
  await confirm.waitFor();
  await expect(confirm.textContent()).resolves.toBe(confirmText);
  await confirm.click();
}

async function openActivityFromHome(page: Page, picture: string) {
  await visible(page, '活动清单').waitFor();
  if (tomorrowIsNextMonth) await visible(page, '下月').click();
  await visible(page, TITLE).waitFor();
  await screenshot(page, picture);
  await visible(page, TITLE).click();
  await visible(page, '为谁报名').waitFor();
}

test('a one-seat activity: published, taken, waitlisted, given back and handed to the first in line', async () => {
  // Staff of 朝阳 draft the activity with one seat.
  const staff = await signIn('staff-chaoyang');
  await button(staff, '进入中心工作台').click();
  await button(staff, '编辑活动清单').click();
  await visible(staff, '先存草稿').waitFor();
  if (tomorrowIsNextMonth) await visible(staff, '下月').click();
  await button(staff, '新建活动').click();
  await visible(staff, '保存草稿').waitFor();
  await exactly(staff, '文体活动').click();
  await field(staff, '标题').locator('input').fill(TITLE);
  await field(staff, '介绍').locator('textarea').fill('一起唱老歌，不会唱也欢迎来听。');
  await field(staff, '地点').locator('input').fill('中心二楼多功能厅');
  await field(staff, '名额').locator('input').fill('1');
  await exactly(staff, '适合老人').click();
  await screenshot(staff, 'signup-0-staff-form-normal');
  await button(staff, '保存草稿').click();

  // Back in the month editor: a draft, then the resident's view of it, then the whole month published.
  await visible(staff, TITLE).waitFor();
  await visible(staff, '发布清单（1 个草稿）').waitFor();
  await expect(visible(staff, '草稿').isVisible()).resolves.toBe(true);
  await screenshot(staff, 'signup-1-staff-month-draft');
  await visible(staff, '按居民看到的样子预览').click();
  await visible(staff, '剩余 1 个名额').waitFor();
  await screenshot(staff, 'signup-2-staff-preview');
  await visible(staff, '按居民看到的样子预览').click();
  await button(staff, '发布清单（1 个草稿）').click();
  await confirmDialog(staff, '发布');
  await visible(staff, '已发布 1 个活动').waitFor();
  await visible(staff, '✓ 已发布').waitFor();
  await screenshot(staff, 'signup-3-staff-published');

  // 王秀英 (large type) takes the only seat.
  const wang = await signIn('resident-wang');
  await openActivityFromHome(wang, 'signup-4a-wang-home-large');
  expect(await rootFontPx(wang)).toBeGreaterThan(17 * 1.3);
  await visible(wang, '剩余 1 个名额').waitFor();
  await button(wang, '报名').click();
  await visible(wang, '报名成功').waitFor();
  await visible(wang, '取消报名').waitFor();
  await screenshot(wang, 'signup-4-wang-confirmed-large');

  // 张伟 (normal type) finds it full and joins the waitlist, first in line.
  const zhang = await signIn('resident-zhang');
  await visible(zhang, '活动清单').waitFor();
  if (tomorrowIsNextMonth) await visible(zhang, '下月').click();
  await visible(zhang, '已满，可候补').waitFor();
  await screenshot(zhang, 'signup-5-zhang-home-normal');
  await visible(zhang, TITLE).click();
  await visible(zhang, '张桂兰（母亲）').waitFor();
  await button(zhang, '名额已满，报名候补').click();
  await visible(zhang, '已候补，第1位').waitFor();
  await visible(zhang, '候补第1位').waitFor();
  await screenshot(zhang, 'signup-6-zhang-waitlisted-normal');

  // 王秀英 gives the seat back, after saying yes to the confirmation.
  await button(wang, '取消报名').click();
  await confirmDialog(wang, '确定取消');
  await visible(wang, '已取消报名').waitFor();
  await visible(wang, '名额已让给下一位候补的人').waitFor();

  // 张伟: 我的报名 says the seat is his; the inbox says 候补成功.
  await zhang.goBack();
  await tab(zhang, '我的报名');
  await visible(zhang, '即将参加').waitFor();
  // The home page's card has the same title; wait for the one that says the seat is his.
  const item = zhang.locator('.activity-card:visible', { hasText: TITLE }).filter({ hasText: '✓ 已报名' });
  await item.waitFor();
  await expect(item.textContent()).resolves.not.toContain('候补第');
  await screenshot(zhang, 'signup-7-zhang-mine-normal');
  await tab(zhang, '我的');
  await visible(zhang, '● 1 条新消息').waitFor();
  await button(zhang, '查看消息').click();
  await visible(zhang, '候补成功，有名额了').waitFor();
  await expect(visible(zhang, '有人让出名额').textContent()).resolves.toContain(TITLE);
  await screenshot(zhang, 'signup-8-zhang-inbox-normal');

  // 王秀英's 我的报名 keeps the history: cancelled by herself.
  await wang.goBack();
  await tab(wang, '我的报名');
  await visible(wang, TITLE).waitFor();
  await visible(wang, '已取消（本人取消）').waitFor();
  await screenshot(wang, 'signup-9-wang-mine-large');

  // Staff see who is coming: 张伟 confirmed, 王秀英 cancelled, phones masked.
  await staff.reload();
  await visible(staff, TITLE).waitFor();
  await staff.locator('.card:visible', { hasText: TITLE }).locator('.btn', { hasText: '报名名单' }).click();
  await visible(staff, '张伟').waitFor();
  const roster = (await screenWith(staff, '张伟').textContent()) ?? '';
  expect(roster).toContain('王秀英');
  expect(roster).toMatch(/139\*{4}5678/);
  expect(roster).not.toContain('13967205678');
  await screenshot(staff, 'signup-10-staff-roster-normal');

  // The staff screens at large type too.
  await staff.goto(suite.stack.url);
  await tab(staff, '我的');
  await staff.locator('[role="switch"]:visible').click();
  await visible(staff, '已开启').waitFor();
  await tab(staff, '首页');
  await button(staff, '进入中心工作台').click();
  await button(staff, '编辑活动清单').click();
  await visible(staff, TITLE).waitFor();
  await screenshot(staff, 'signup-11-staff-month-large');
  await button(staff, '新建活动').click();
  await visible(staff, '保存草稿').waitFor();
  await button(staff, '保存草稿').click();
  await visible(staff, '名额应为数字').waitFor();
  await screenshot(staff, 'signup-12-staff-form-errors-large');
});
