/**
 * 我的报名 (weapp build): every status in words, including who cancelled and why.
 */
import type { RegistrationView } from '../../shared/contract/registrations';
import { ok } from './factories';
import { type CloudCall, renderPage } from './taroPage';

const ACTIVITY: RegistrationView['activity'] = {
  title: '社区太极拳',
  category: 'culture_sports',
  place: '中心一楼活动室',
  startAt: '2026-11-28T06:00:00.000Z',
  endAt: '2026-11-28T08:00:00.000Z',
  signupDeadline: '2026-11-28T04:00:00.000Z',
  centerName: '朝阳幸福邻里中心',
  status: 'published',
  cancelReason: null,
};

function registration(overrides: Partial<RegistrationView>): RegistrationView {
  return {
    registrationId: 'r-1',
    activityId: 'a-1',
    forMemberId: null,
    displayName: '张伟',
    status: 'confirmed',
    cancelledBy: null,
    waitlistPosition: null,
    activity: ACTIVITY,
    ...overrides,
  };
}

const MINE = {
  upcoming: [
    registration({ registrationId: 'r-1' }),
    registration({
      registrationId: 'r-2',
      forMemberId: 'fm-zhang-mother',
      displayName: '张桂兰',
      status: 'waitlisted',
      waitlistPosition: 3,
      activity: { ...ACTIVITY, title: '义务理发' },
    }),
    registration({
      registrationId: 'r-3',
      status: 'cancelled',
      cancelledBy: 'center',
      activity: { ...ACTIVITY, title: '停车议事会', status: 'cancelled', cancelReason: '场地维修' },
    }),
  ],
  past: [
    registration({ registrationId: 'r-4', status: 'attended', activity: { ...ACTIVITY, title: '手工课' } }),
    registration({ registrationId: 'r-5', status: 'no_show', activity: { ...ACTIVITY, title: '电影放映' } }),
  ],
};

const cloud = (call: CloudCall) => {
  if (call.data.action === 'mine') return ok(MINE);
  if (call.data.action === 'inbox') return ok({ messages: [], unread: 0 });
  throw new Error(`unexpected ${call.name}.${String(call.data.action)}`);
};

beforeEach(() => {
  jest.resetModules();
});

test('coming, cancelled and past registrations each say their status in words', async () => {
  const rendered = await renderPage('pages/mine/index', { cloud });
  await rendered.waitFor(() => rendered.text().includes('电影放映'), 'the list');
  const text = rendered.text();

  expect(text).toContain('✓ 已报名');
  expect(text).toContain('为张桂兰报名');
  expect(text).toContain('候补第3位');
  expect(text).toContain('已取消（中心取消，场地维修）');
  expect(text).toContain('✓ 已签到');
  expect(text).toContain('未到场');
  expect(text.indexOf('即将参加')).toBeLessThan(text.indexOf('已取消的报名'));
  expect(text.indexOf('已取消的报名')).toBeLessThan(text.indexOf('已经结束'));
});

test('only the confirmed coming place has a 签到码 button, and it opens that pass', async () => {
  const rendered = await renderPage('pages/mine/index', { cloud });
  await rendered.waitFor(() => rendered.text().includes('电影放映'), 'the list');
  const buttons = rendered.page
    .querySelectorAll('.btn')
    .filter((b) => b.dom?.textContent?.trim() === '签到码');
  expect(buttons).toHaveLength(1);

  const opened: string[] = [];
  const wx = (globalThis as unknown as { wx: { navigateTo: (o: { url: string }) => void } }).wx;
  const navigateTo = wx.navigateTo;
  wx.navigateTo = (options) => {
    opened.push(options.url);
    navigateTo(options);
  };
  buttons[0]?.dispatchEvent('tap');
  await rendered.waitFor(() => opened.length > 0, 'navigation');
  // The card under the button opens the activity; the tap must not reach it.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(opened).toEqual(['/packages/resident/pages/pass/index?id=r-1']);
});
