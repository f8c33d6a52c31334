/**
 * The resident's activity detail page of the weapp build: what it says about seats, signing up for oneself,
 * the waitlist answer, and cancelling only after a confirmation. The fake cloud stands in for WeChat's servers.
 */
import type { ActivityView } from '../../shared/contract/activities';
import { activityView, ok, residentView } from './factories';
import { type CloudCall, renderPage } from './taroPage';

const DETAIL = 'pages/activity/index';

interface Script {
  activity: ActivityView;
  /** What `registrations.signUp` answers. */
  signUp?: { status: 'confirmed' | 'waitlisted'; waitlistPosition: number | null };
}

/** A cloud that knows one resident and one activity, and keeps the activity's `mine` in step. */
function residentCloud(script: Script) {
  let activity = script.activity;
  return (call: CloudCall) => {
    const { action, ...input } = call.data;
    if (call.name === 'account' && action === 'whoami')
      return ok({ member: residentView(), homeCenter: null });
    if (call.name === 'notify' && action === 'inbox') return ok({ messages: [], unread: 0 });
    if (call.name === 'activities' && action === 'get') return ok({ activity });
    if (call.name === 'registrations' && action === 'signUp') {
      const answer = script.signUp ?? { status: 'confirmed', waitlistPosition: null };
      const registration = { registrationId: `${activity.id}-me`, ...answer };
      activity = {
        ...activity,
        mine: [{ ...registration, forMemberId: null, displayName: '王秀英' }],
        seatsLeft: answer.status === 'confirmed' ? activity.seatsLeft - 1 : activity.seatsLeft,
      };
      return ok({ ...registration, alreadyRegistered: false });
    }
    if (call.name === 'registrations' && action === 'cancel') {
      activity = { ...activity, mine: [] };
      return ok({ registrationId: input.registrationId, status: 'cancelled', promoted: true });
    }
    throw new Error(`unexpected ${call.name}.${String(action)}`);
  };
}

beforeEach(() => {
  jest.resetModules();
});

test('the page says when, where and how many seats are left in plain words', async () => {
  const rendered = await renderPage(DETAIL, {
    query: { id: 'a-taiji' },
    cloud: residentCloud({ activity: activityView() }),
  });
  await rendered.waitFor(() => rendered.text().includes('社区太极拳'), 'the activity');

  expect(rendered.text()).toContain('11月28日 周六 14:00–16:00');
  expect(rendered.text()).toContain('中心一楼活动室');
  expect(rendered.text()).toContain('剩余 3 个名额');
  expect(rendered.text()).toContain('适合老人');
  expect(rendered.text()).toContain('为谁报名');
  expect(rendered.text()).toContain('✓ 本人');
  const get = rendered.wx.calls.find((c) => c.name === 'activities');
  expect(get?.data).toEqual({ action: 'get', activityId: 'a-taiji' });
});

test('tapping 报名 signs the resident up and says 报名成功', async () => {
  const rendered = await renderPage(DETAIL, {
    query: { id: 'a-taiji' },
    cloud: residentCloud({ activity: activityView() }),
  });
  await rendered.waitFor(() => rendered.find('.btn', '报名') !== undefined, 'the sign-up button');

  rendered.find('.btn', '报名')?.dispatchEvent('tap');

  await rendered.waitFor(() => rendered.text().includes('报名成功'), 'the result');
  expect(rendered.text()).toContain('为本人报名');
  await rendered.waitFor(() => rendered.text().includes('✓ 已报名'), 'the place on the page');
  const signUp = rendered.wx.calls.find((c) => c.name === 'registrations');
  expect(signUp?.data).toMatchObject({ action: 'signUp', activityId: 'a-taiji' });
  expect(signUp?.data.forMemberId).toBeUndefined();
  expect(signUp?.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  // This build names no subscription templates, so WeChat is not asked for consent.
  expect(rendered.wx.subscribeRequests).toEqual([]);
});

test('a full activity offers the waitlist and tells the place in the queue', async () => {
  const full = activityView({ confirmed: 20, seatsLeft: 0, waitlisted: 1 });
  const rendered = await renderPage(DETAIL, {
    query: { id: 'a-taiji' },
    cloud: residentCloud({ activity: full, signUp: { status: 'waitlisted', waitlistPosition: 2 } }),
  });
  await rendered.waitFor(() => rendered.text().includes('已满，可候补'), 'the full badge');

  rendered.find('.btn', '名额已满，报名候补')?.dispatchEvent('tap');

  await rendered.waitFor(() => rendered.text().includes('已候补，第2位'), 'the waitlist result');
  await rendered.waitFor(() => rendered.text().includes('候补第2位'), 'the badge');
});

test('cancelling asks first; 不取消 sends nothing, 确定取消 cancels', async () => {
  const signedUp = activityView({
    mine: [
      {
        registrationId: 'a-taiji-me',
        forMemberId: null,
        displayName: '王秀英',
        status: 'confirmed',
        waitlistPosition: null,
      },
    ],
  });
  const declined = await renderPage(DETAIL, {
    query: { id: 'a-taiji' },
    confirmModals: false,
    cloud: residentCloud({ activity: signedUp }),
  });
  await declined.waitFor(() => declined.find('.btn', '取消报名') !== undefined, 'the cancel button');
  declined.find('.btn', '取消报名')?.dispatchEvent('tap');
  await declined.waitFor(() => declined.wx.modals.length === 1, 'the confirmation');
  expect(declined.wx.modals).toEqual(['取消报名？']);
  expect(declined.wx.calls.some((c) => c.name === 'registrations')).toBe(false);

  jest.resetModules();
  const confirmed = await renderPage(DETAIL, {
    query: { id: 'a-taiji' },
    cloud: residentCloud({ activity: signedUp }),
  });
  await confirmed.waitFor(() => confirmed.find('.btn', '取消报名') !== undefined, 'the cancel button');
  confirmed.find('.btn', '取消报名')?.dispatchEvent('tap');
  await confirmed.waitFor(() => confirmed.text().includes('已取消报名'), 'the cancel result');
  expect(confirmed.text()).toContain('名额已让给下一位候补的人');
  const cancel = confirmed.wx.calls.find((c) => c.name === 'registrations');
  expect(cancel?.data).toMatchObject({ action: 'cancel', registrationId: 'a-taiji-me' });
});
