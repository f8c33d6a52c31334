/**
 * Issue 5 end to end in the h5 build against the seeded local stack. 王秀英 (large type) reports a need in the
 * app; staff of 朝阳 reply and arrange it into a draft of next month's list in the app; 王秀英's 我的需求 shows
 * the reply and 已安排 with that activity. Then 张伟, checked in to an activity that is under way (set up
 * through the API), rates it in the app, and staff see the rating in the activity's feedback view.
 */
import type { Page } from 'playwright-core';
import { local, monthOf } from '../../shared/rules/time';
import { browserSuite, button, callAs, field, screenshot, visible } from './browser';

jest.setTimeout(240_000);

const SUFFIX = Date.now().toString(36).slice(-4);
const NEED = `希望周末开老年人智能手机课${SUFFIX}`;
const PLANNED = `手机课${SUFFIX}`;
const RATED = `包饺子${SUFFIX}`;
const REPLY = '收到，下月安排手机课。';

const suite = browserSuite();

async function tab(page: Page, name: string) {
  await page
    .locator('.weui-tabbar__label', { hasText: new RegExp(`^${name}$`) })
    .locator('visible=true')
    .first()
    .click();
}

test('a need is reported, answered and arranged; an attended activity is rated and staff see it', async () => {
  // 王秀英 (large type) reports a need from home.
  const wang = await suite.signIn('resident-wang');
  await visible(wang, '活动清单').waitFor();
  await button(wang, '说说您的需求').click();
  await visible(wang, '需求类别').waitFor();
  await wang.locator('.chip:visible', { hasText: '文体活动' }).click();
  await field(wang, '您的需求').locator('textarea').fill(NEED);
  await visible(wang, `已写 ${NEED.length} / 500 字`).waitFor();
  await screenshot(wang, 'needs-0-wang-form-large');
  await button(wang, '提交需求').click();
  await visible(wang, '✓ 已提交').waitFor();
  await screenshot(wang, 'needs-1-wang-submitted-large');

  // A draft in next month's list (set up through the API; the linking is done in the app).
  const staffToken = await suite.stack.session('staff-chaoyang');
  const day = local(new Date()).add(1, 'month').date(12).hour(14).minute(0).second(0);
  await callAs(suite.stack, staffToken, 'activities', {
    action: 'saveDraft',
    category: 'culture_sports',
    title: PLANNED,
    description: '手把手教用微信和健康码。',
    place: '中心一楼活动室',
    startAt: day.toISOString(),
    endAt: day.add(2, 'hour').toISOString(),
    signupDeadline: day.subtract(1, 'day').toISOString(),
    capacity: 20,
    tags: [],
  });

  // Staff reply to the need and arrange it into that draft.
  const staff = await suite.signIn('staff-chaoyang');
  await button(staff, '进入中心工作台').click();
  await button(staff, '查看居民需求').click();
  const card = staff.locator('.card.need:visible', { hasText: NEED });
  await card.waitFor();
  await card.locator('.btn', { hasText: /^回复$/ }).click();
  await card.locator('.field', { hasText: '回复内容' }).locator('textarea').fill(REPLY);
  await card.locator('.btn', { hasText: '发送回复' }).click();
  await staff.locator('.card.need:visible', { hasText: REPLY }).waitFor();
  await card.locator('.btn', { hasText: '安排到活动' }).click();
  const option = card.locator('.link-activity', { hasText: PLANNED });
  await option.locator('.btn', { hasText: '安排到这个活动' }).click();
  await staff.locator('.card.need:visible', { hasText: `已安排：${PLANNED}` }).waitFor();
  await screenshot(staff, 'needs-2-staff-inbox-normal');

  // 王秀英 sees the reply and 已安排 with the activity in 我的需求.
  await wang.goto(suite.stack.url);
  await tab(wang, '我的');
  await button(wang, '查看我的需求').click();
  const mine = wang.locator('.card.need:visible', { hasText: NEED });
  await mine.waitFor();
  await expect(mine.textContent()).resolves.toContain(REPLY);
  await expect(mine.textContent()).resolves.toContain(`已安排：${PLANNED}`);
  await expect(mine.textContent()).resolves.toContain('✓ 已安排');
  await screenshot(wang, 'needs-3-wang-my-needs-large');

  // An activity under way: 张伟 signed up and checked in by hand (API), then rates it in the app.
  const now = Date.now();
  const startAt = new Date(now + 20 * 60_000);
  const { activityId } = await callAs<{ activityId: string }>(suite.stack, staffToken, 'activities', {
    action: 'saveDraft',
    category: 'culture_sports',
    title: RATED,
    description: '一起包饺子。',
    place: '中心食堂',
    startAt: startAt.toISOString(),
    endAt: new Date(now + 140 * 60_000).toISOString(),
    signupDeadline: new Date(now + 10 * 60_000).toISOString(),
    capacity: 10,
    tags: [],
  });
  await callAs(suite.stack, staffToken, 'activities', { action: 'publishMonth', month: monthOf(startAt) });
  const zhangToken = await suite.stack.session('resident-zhang');
  const { registrationId } = await callAs<{ registrationId: string }>(
    suite.stack,
    zhangToken,
    'registrations',
    {
      action: 'signUp',
      activityId,
    },
  );
  await callAs(suite.stack, staffToken, 'checkin', { action: 'manual', registrationId });

  const zhang = await suite.signIn('resident-zhang');
  await visible(zhang, '活动清单').waitFor();
  await tab(zhang, '我的报名');
  const place = zhang.locator('.activity-card:visible', { hasText: RATED }).filter({ hasText: '✓ 已签到' });
  await place.locator('.btn', { hasText: '去评价' }).click();
  await visible(zhang, '这次活动您满意吗').waitFor();
  await button(zhang, '提交评价').click();
  await visible(zhang, '请先点一个表情').waitFor();
  await zhang.locator('.face:visible', { hasText: '很满意' }).last().click();
  await zhang.locator('.chip:visible', { hasText: '内容实用' }).click();
  await screenshot(zhang, 'needs-4-zhang-rate-normal');
  await button(zhang, '提交评价').click();
  await visible(zhang, '谢谢您的评价').waitFor();
  await screenshot(zhang, 'needs-5-zhang-thanks-normal');

  // Staff open the activity's feedback from its roster.
  await staff.goto(
    `${suite.stack.url}/#/packages/staff/pages/activity/index?id=${encodeURIComponent(activityId)}`,
  );
  await button(staff, '看评价').click();
  await visible(staff, '满意度分布').waitFor();
  await visible(staff, '满3人评价后显示平均分').waitFor();
  const spread = staff.locator('.spread-row:visible', { hasText: '很满意' }).last();
  await expect(spread.textContent()).resolves.toContain('1 人');
  await visible(staff, '内容实用').waitFor();
  await screenshot(staff, 'needs-6-staff-feedback-normal');

  // The same view at large type.
  await staff.goto(suite.stack.url);
  await tab(staff, '我的');
  await staff.locator('[role="switch"]:visible').click();
  await visible(staff, '已开启').waitFor();
  await staff.goto(
    `${suite.stack.url}/#/packages/staff/pages/feedback/index?id=${encodeURIComponent(activityId)}`,
  );
  await visible(staff, '满意度分布').waitFor();
  await screenshot(staff, 'needs-7-staff-feedback-large');
});
