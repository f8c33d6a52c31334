/**
 * Issue 4 end to end in the h5 build against the seeded local stack. Staff of 朝阳 publish an activity starting
 * in half an hour (through the API: the month editor is issue 3's test); 王秀英 (large type) signs up in the
 * app and opens her pass; the test decodes the pass's canvas pixels with jsQR, and staff type that payload
 * into the scanner's fallback field and see 签到成功 with her name. Her 我的报名 then says 已签到. 张伟's pass
 * (normal type) is scanned too, with the staff screens at large type.
 */
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { monthOf } from '../../shared/rules/time';
import { browserSuite, button, callAs, field, rootFontPx, screenshot, visible } from './browser';

jest.setTimeout(240_000);

const TITLE = `剪纸课${Date.now().toString(36).slice(-4)}`;

const suite = browserSuite();

async function tab(page: Page, name: string) {
  await page
    .locator('.weui-tabbar__label', { hasText: new RegExp(`^${name}$`) })
    .locator('visible=true')
    .first()
    .click();
}

/**
 * What a scanner reads off the pass: the canvas pixels decoded with jsQR. The `data-payload` attribute read in
 * the same instant must agree, so the attribute cannot claim a code the picture does not show.
 */
async function readPass(page: Page): Promise<string> {
  const canvas = page.locator('canvas.qr:visible').first();
  await canvas.waitFor();
  const image = await canvas.evaluate((element) => {
    const el = element as HTMLCanvasElement;
    const pixels =
      el.getContext('2d')?.getImageData(0, 0, el.width, el.height).data ?? new Uint8ClampedArray();
    let binary = '';
    for (let i = 0; i < pixels.length; i += 0x8000)
      binary += String.fromCharCode(...pixels.subarray(i, i + 0x8000));
    return { width: el.width, height: el.height, base64: btoa(binary), attribute: el.dataset.payload ?? '' };
  });
  const data = new Uint8ClampedArray(Buffer.from(image.base64, 'base64'));
  const decoded = jsQR(data, image.width, image.height)?.data;
  expect(decoded).toMatch(/^LL1\.[0-9A-Z]+\.[0-9A-Z]+\.[0-9A-Z]+$/);
  expect(decoded).toBe(image.attribute);
  return decoded ?? '';
}

/** Types a payload into the scanner's fallback field and waits for the answer card. */
async function scanTyped(staff: Page, payload: string, expectTitle: string) {
  await field(staff, '签到码').locator('input').fill(payload);
  await button(staff, /^签到$/).click();
  await staff.locator('.scan-result:visible', { hasText: expectTitle }).waitFor();
}

test('a pass is shown, scanned by staff and the resident sees 已签到', async () => {
  // Staff publish an activity starting in 30 minutes; sign-up closes in 20.
  const now = Date.now();
  const startAt = new Date(now + 30 * 60_000);
  const staffToken = await suite.stack.session('staff-chaoyang');
  const { activityId } = await callAs<{ activityId: string }>(suite.stack, staffToken, 'activities', {
    action: 'saveDraft',
    category: 'culture_sports',
    title: TITLE,
    description: '学剪窗花，材料中心准备。',
    place: '中心二楼手工室',
    startAt: startAt.toISOString(),
    endAt: new Date(now + 150 * 60_000).toISOString(),
    signupDeadline: new Date(now + 20 * 60_000).toISOString(),
    capacity: 10,
    tags: [],
  });
  await callAs(suite.stack, staffToken, 'activities', { action: 'publishMonth', month: monthOf(startAt) });
  const nextMonth = monthOf(startAt) !== monthOf(new Date(now));

  // 王秀英 (large type) signs up in the app and opens her pass from 我的报名.
  const wang = await suite.signIn('resident-wang');
  await visible(wang, '活动清单').waitFor();
  if (nextMonth) await visible(wang, '下月').click();
  await visible(wang, TITLE).click();
  await button(wang, /^报名$/).click();
  await visible(wang, '报名成功').waitFor();
  await wang.goBack();
  await tab(wang, '我的报名');
  const card = wang.locator('.activity-card:visible', { hasText: TITLE });
  await card.locator('.btn', { hasText: '签到码' }).waitFor();
  await screenshot(wang, 'checkin-0-wang-mine-pass-button-large');
  await card.locator('.btn', { hasText: '签到码' }).click();
  await visible(wang, '每30秒自动更新').waitFor();
  expect(await rootFontPx(wang)).toBeGreaterThan(17 * 1.3);
  await visible(wang, '请把屏幕调亮').waitFor();
  await visible(wang, '王秀英').waitFor();
  const wangPayload = await readPass(wang);
  await screenshot(wang, 'checkin-1-wang-pass-large');

  // 张伟 (normal type) has a place too; his pass is opened the same way.
  const zhangToken = await suite.stack.session('resident-zhang');
  await callAs(suite.stack, zhangToken, 'registrations', { action: 'signUp', activityId });
  // His mother has no phone: staff will check her in by hand.
  await callAs(suite.stack, zhangToken, 'registrations', {
    action: 'signUp',
    activityId,
    forMemberId: 'fm-zhang-mother',
  });
  const zhang = await suite.signIn('resident-zhang');
  await visible(zhang, '活动清单').waitFor();
  await tab(zhang, '我的报名');
  // His own place, not his mother's (each has a pass).
  await zhang
    .locator('.activity-card:visible', { hasText: TITLE })
    .filter({ hasNotText: '为张桂兰报名' })
    .locator('.btn', { hasText: '签到码' })
    .click();
  await visible(zhang, '每30秒自动更新').waitFor();
  await expect(visible(zhang, '请把屏幕调亮').isVisible()).resolves.toBe(false);
  await screenshot(zhang, 'checkin-2-zhang-pass-normal');

  // Staff (normal type) open the scanner from the month editor and type 王秀英's code.
  const staff = await suite.signIn('staff-chaoyang');
  await button(staff, '进入中心工作台').click();
  await button(staff, '编辑活动清单').click();
  if (nextMonth) await visible(staff, '下月').click();
  await staff
    .locator('.card:visible', { hasText: TITLE })
    .locator('.btn', { hasText: /^签到$/ })
    .click();
  await field(staff, '签到码').waitFor();
  await scanTyped(staff, wangPayload, '签到成功');
  const result = (await staff.locator('.scan-result:visible').textContent()) ?? '';
  expect(result).toContain('王秀英');
  expect(result).toContain(TITLE);
  await screenshot(staff, 'checkin-3-staff-scanned-normal');

  // 王秀英's 我的报名 says 已签到; her pass page shows the time instead of a code.
  await wang.goBack();
  await wang.reload();
  await wang.locator('.activity-card:visible', { hasText: TITLE }).filter({ hasText: '✓ 已签到' }).waitFor();
  await screenshot(wang, 'checkin-4-wang-mine-large');

  // Staff at large type: 张伟's code checks him in; 王秀英's again is harmless (已签到 with the time).
  await staff.goto(suite.stack.url);
  await tab(staff, '我的');
  await staff.locator('[role="switch"]:visible').click();
  await visible(staff, '已开启').waitFor();
  await staff.goto(
    `${suite.stack.url}/#/packages/staff/pages/scan/index?id=${encodeURIComponent(activityId)}`,
  );
  await field(staff, '签到码').waitFor();
  const zhangPayload = await readPass(zhang);
  await scanTyped(staff, zhangPayload, '签到成功');
  await expect(staff.locator('.scan-result:visible').textContent()).resolves.toContain('张伟');
  await screenshot(staff, 'checkin-5-staff-scanned-large');
  await scanTyped(staff, wangPayload, '已签到（');
  await screenshot(staff, 'checkin-6-staff-already-large');

  // 张伟's pass page, opened again, knows he is in.
  await zhang.reload();
  await visible(zhang, '✓ 已签到').waitFor();
  await visible(zhang, '签到时间').waitFor();
  await screenshot(zhang, 'checkin-7-zhang-pass-attended-normal');

  // Manual check-in: 张伟's mother, found by the last 4 digits of his phone, checked in with one tap.
  await button(staff, '没带手机？手工签到').click();
  await field(staff, '姓名或手机尾号').locator('input').fill('5678');
  // The phone is the account holder's: his mother is found by it too, 王秀英 is not.
  await visible(staff, '名单（2 人）').waitFor();
  const mother = staff.locator('.list-item:visible', { hasText: '张桂兰' });
  await mother.filter({ hasText: '未到' }).waitFor();
  await staff.locator('.list-item:visible', { hasText: '张伟' }).filter({ hasText: '✓ 已签到' }).waitFor();
  await expect(staff.locator('.list-item:visible', { hasText: '王秀英' }).count()).resolves.toBe(0);
  await mother.locator('.btn', { hasText: /^签到$/ }).click();
  await mother.filter({ hasText: '✓ 已签到' }).waitFor();
  await expect(mother.locator('.btn').count()).resolves.toBe(0);

  // A walk-in who never signed up is added and checked in at once.
  await field(staff, /^姓名$/)
    .locator('input')
    .fill('李阿姨');
  await button(staff, '登记并签到').click();
  await visible(staff, '李阿姨 已登记并签到').waitFor();
  await field(staff, '姓名或手机尾号').locator('input').fill('');
  await staff.locator('.list-item:visible', { hasText: '李阿姨' }).filter({ hasText: '✓ 已签到' }).waitFor();
  await screenshot(staff, 'checkin-8-staff-manual-large');
});
