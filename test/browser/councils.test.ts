/**
 * Issue 7 end to end in the h5 build against the seeded local stack. 王秀英 (large type) proposes a topic to
 * her center's 邻里议事会 and 张伟 supports it. Staff of 朝阳 schedule it onto a published council meeting (a
 * 社区微治理 activity set up through the API), and once the meeting has begun (moved into the past through
 * the fixture database) record the decision, a progress note and close it. 王秀英 sees the decision and the
 * progress and rates the outcome; the street office finds the topic in 街道议事会 and the council figures in
 * 街道汇总.
 */
import type { Page } from 'playwright-core';
import { COLLECTIONS } from '../../shared/collections';
import { monthOf } from '../../shared/rules/time';
import { draftActivity } from '../support/activities';
import { fixtureDatabase } from '../support/client';
import { browserSuite, button, callAs, field, screenshot, visible } from './browser';

jest.setTimeout(240_000);

const SUFFIX = Date.now().toString(36).slice(-4);
const TOPIC = `晚上停车太乱${SUFFIX}`;
const MEETING = `邻里议事会${SUFFIX}`;
const RESOLUTION = '消防通道画黄线，另划20个夜间停车位';

const suite = browserSuite();

async function openCouncil(page: Page) {
  await visible(page, '活动清单').waitFor();
  await button(page, '邻里议事会').click();
  await visible(page, '大家一起商量着办').waitFor();
}

const topicCard = (page: Page) => page.locator('.card.topic:visible', { hasText: TOPIC });

test('a topic is proposed, supported, scheduled, decided, carried out and rated; the street office sees it', async () => {
  // 王秀英 (large type) proposes a topic from home.
  const wang = await suite.signIn('resident-wang');
  await openCouncil(wang);
  await screenshot(wang, 'councils-0-wang-council-large');
  await button(wang, '提一个议题').click();
  await visible(wang, '议题类别').waitFor();
  await button(wang, '提交议题').click();
  await visible(wang, '请选择议题类别').waitFor();
  await visible(wang, '议题至少4个字').waitFor();
  await wang.locator('.chip:visible', { hasText: '停车' }).click();
  await field(wang, /^议题（/)
    .locator('input')
    .fill(TOPIC);
  await field(wang, '说说情况').locator('textarea').fill('晚上车停到消防通道上，救护车进不来。');
  await screenshot(wang, 'councils-1-wang-propose-large');
  await button(wang, '提交议题').click();
  await visible(wang, '✓ 议题已提交').waitFor();
  await button(wang, '回到议事会').click();
  await topicCard(wang).waitFor();
  await expect(topicCard(wang).textContent()).resolves.toContain('这是您提的议题');

  // 张伟 supports it, once.
  const zhang = await suite.signIn('resident-zhang');
  await openCouncil(zhang);
  await topicCard(zhang).locator('.btn', { hasText: '附议 (+1)' }).click();
  await topicCard(zhang).filter({ hasText: '✓ 您已附议' }).waitFor();
  await expect(topicCard(zhang).textContent()).resolves.toContain('1 人附议');
  await screenshot(zhang, 'councils-2-zhang-supported-normal');

  // A published council meeting in three days (set up through the API; the scheduling is done in the app).
  const staffToken = await suite.stack.session('staff-chaoyang');
  const meeting = draftActivity({ category: 'micro_governance', title: MEETING, place: '中心二楼会议室' }, 3);
  const { activityId } = await callAs<{ activityId: string }>(suite.stack, staffToken, 'activities', {
    action: 'saveDraft',
    ...meeting,
  });
  await callAs(suite.stack, staffToken, 'activities', {
    action: 'publishMonth',
    month: monthOf(meeting.startAt),
  });

  const staff = await suite.signIn('staff-chaoyang');
  await button(staff, '进入中心工作台').click();
  await button(staff, '查看议事会议程').click();
  await topicCard(staff).waitFor();
  await topicCard(staff).locator('.btn', { hasText: '选入议事会' }).click();
  await staff.locator('.schedule-panel:visible', { hasText: '已选 1 个议题' }).waitFor();
  await staff.locator('.choice:visible', { hasText: MEETING }).click();
  for (const role of ['居民代表', '物业公司', '人大代表'])
    await staff.locator('.schedule-panel .chip:visible', { hasText: role }).click();
  await screenshot(staff, 'councils-3-staff-schedule-normal');
  await staff.locator('.schedule-panel .btn:visible', { hasText: '安排到议事会' }).click();
  await topicCard(staff).filter({ hasText: '开始后才能记录决议' }).waitFor();

  // The meeting begins.
  await fixtureDatabase(suite.stack)
    .collection(COLLECTIONS.activities)
    .doc(activityId)
    .update({ startAt: new Date(Date.now() - 3600_000) });
  await staff.reload();
  await topicCard(staff).locator('.btn', { hasText: '记录决议' }).click();
  await topicCard(staff)
    .locator('.field', { hasText: '决议：定下来怎么办' })
    .locator('textarea')
    .fill(RESOLUTION);
  await topicCard(staff).locator('.field', { hasText: '责任方' }).locator('input').fill('物业公司');
  await topicCard(staff)
    .locator('.field', { hasText: '会议纪要' })
    .locator('textarea')
    .fill('到会12人：居民代表8人、物业2人、人大代表1人、社工1人。');
  await topicCard(staff).locator('.btn', { hasText: '保存决议' }).click();
  await topicCard(staff).filter({ hasText: '落实中' }).waitFor();
  await topicCard(staff).locator('.btn', { hasText: '记录进展' }).click();
  await topicCard(staff)
    .locator('.field', { hasText: '进展' })
    .locator('textarea')
    .fill('黄线已画好，停车位已启用');
  await topicCard(staff).locator('[role="switch"]').click();
  await topicCard(staff).locator('.btn', { hasText: '保存并办结' }).click();
  await topicCard(staff).filter({ hasText: '✓ 已办结' }).waitFor();
  await visible(staff, '到会12人').waitFor();
  await screenshot(staff, 'councils-4-staff-done-normal');

  // 王秀英 sees the decision and its progress, and rates the outcome.
  await wang.reload();
  const done = topicCard(wang);
  await done.filter({ hasText: RESOLUTION }).waitFor();
  const text = await done.textContent();
  expect(text).toContain('物业公司');
  expect(text).toContain('完成期限');
  expect(text).toContain('黄线已画好，停车位已启用');
  await done.locator('.face', { hasText: '很满意' }).click();
  await screenshot(wang, 'councils-5-wang-rate-large');
  await done.locator('.btn', { hasText: '提交评价' }).click();
  await done.filter({ hasText: '1 人评价' }).waitFor();
  await expect(done.locator('.btn', { hasText: '提交评价' }).count()).resolves.toBe(0);

  // The street office follows it across the street and in its summary.
  const office = await suite.signIn('office-chaoyang');
  await button(office, '进入街道工作台').click();
  await button(office, '查看街道议事会').click();
  await visible(office, '要督办的').waitFor();
  await office.locator('.chip:visible', { hasText: '已办结' }).click();
  const seen = office.locator('.card.topic:visible', { hasText: TOPIC });
  await seen.waitFor();
  await expect(seen.textContent()).resolves.toContain('朝阳幸福邻里中心');
  await screenshot(office, 'councils-6-office-topics-normal');
  await office.goto(`${suite.stack.url}/#/packages/office/pages/summary/index`);
  const topics = office.locator('.figure:visible', { hasText: '议事会议题' }).first();
  await topics.waitFor();
  expect(await topics.textContent()).toMatch(/提出 [1-9]\d* 个 \/ 办结 [1-9]\d* 个/);
  await screenshot(office, 'councils-7-office-summary-normal');
});

test('staff register a community organization and mark it registered; the draft form and the street office list it, and the office registers one for another centre', async () => {
  const name = `银龄互助队${SUFFIX}`;
  const staff = await suite.signIn('staff-chaoyang');
  await button(staff, '进入中心工作台').click();
  await button(staff, '查看社区组织').click();
  await visible(staff, '登记一个社区组织').waitFor();
  await button(staff, /^登记$/).click();
  await visible(staff, '组织名称至少2个字').waitFor();
  await field(staff, '组织名称').locator('input').fill(name);
  await staff.locator('.chip:visible', { hasText: '扶老' }).click();
  await field(staff, '联系人职务').locator('input').fill('队长');
  await button(staff, /^登记$/).click();
  await visible(staff, `✓ 已加入名录：${name}`).waitFor();
  const card = staff.locator('.card.organization:visible', { hasText: name });
  await expect(card.textContent()).resolves.toContain('孵化中');
  await card.locator('.btn', { hasText: '改为已登记' }).click();
  await card.filter({ hasText: '✓ 已登记' }).waitFor();
  await screenshot(staff, 'councils-8-staff-organizations-normal');

  await staff.goto(`${suite.stack.url}/#/packages/staff/pages/edit/index`);
  await button(staff, '选择承办组织').click();
  await staff.locator('.choice:visible', { hasText: name }).click();
  await visible(staff, `✓ ${name}`).waitFor();

  const office = await suite.signIn('office-chaoyang');
  await button(office, '进入街道工作台').click();
  await button(office, '查看社区组织').click();
  const seen = office.locator('.card.organization:visible', { hasText: name });
  await seen.waitFor();
  await expect(seen.textContent()).resolves.toContain('✓ 已登记');
  await visible(office, '朝阳幸福邻里中心（').waitFor();
  await screenshot(office, 'councils-9-office-organizations-normal');

  // The office registers one for another centre of its street.
  const forQinghe = `清河书画社${SUFFIX}`;
  await office.locator('.choice:visible', { hasText: '清河幸福邻里中心' }).click();
  await field(office, '组织名称').locator('input').fill(forQinghe);
  await office.locator('.chip:visible', { hasText: '文体' }).click();
  await field(office, '联系人职务').locator('input').fill('社长');
  await button(office, /^登记$/).click();
  await visible(office, `✓ 已加入名录：${forQinghe}（清河幸福邻里中心）`).waitFor();
  await office.locator('.card.organization:visible', { hasText: forQinghe }).waitFor();
  await visible(office, '清河幸福邻里中心（').waitFor();
  await screenshot(office, 'councils-10-office-register-normal');
});
