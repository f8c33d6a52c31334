/**
 * 消息 (weapp build): each message says where it leads and tapping it opens that page: a need's news opens
 * 我的需求, a topic's decision or progress opens the council, a meeting or any activity message opens the
 * activity. Opening the inbox marks the messages read.
 */
import type { InboxMessage } from '../../shared/contract/notify';
import { ok } from './factories';
import { type CloudCall, renderPage } from './taroPage';

function message(overrides: Partial<InboxMessage>): InboxMessage {
  return {
    id: 'm-1',
    kind: 'confirmed',
    title: '报名成功',
    body: '社区太极拳 11月28日 14:00',
    activityId: null,
    needId: null,
    read: true,
    createdAt: '2026-11-26T06:00:00.000Z',
    ...overrides,
  };
}

const MESSAGES: InboxMessage[] = [
  message({ id: 'm-need', kind: 'need_reply', title: '需求有了回复', needId: 'n-1', read: false }),
  message({ id: 'm-decided', kind: 'topic_resolved', title: '议题有了决定：楼道堆物', read: false }),
  message({ id: 'm-meeting', kind: 'topic_scheduled', title: '议题上会：楼道堆物', activityId: 'a-meet' }),
  message({ id: 'm-plain', kind: 'confirmed', title: '报名成功', activityId: 'a-taiji' }),
];

const cloud = (messages: InboxMessage[]) => (call: CloudCall) => {
  if (call.data.action === 'inbox') return ok({ messages, unread: messages.filter((m) => !m.read).length });
  if (call.data.action === 'markRead') return ok({ updated: messages.filter((m) => !m.read).length });
  throw new Error(`unexpected ${call.name}.${String(call.data.action)}`);
};

beforeEach(() => {
  jest.resetModules();
});

test('each message says where it leads, and tapping it opens that page', async () => {
  const rendered = await renderPage('packages/resident/pages/inbox/index', { cloud: cloud(MESSAGES) });
  await rendered.waitFor(() => rendered.text().includes('报名成功'), 'the messages');
  const text = rendered.text();
  expect(text).toContain('查看我的需求 ›');
  expect(text).toContain('查看议事会 ›');
  expect(text.match(/查看活动 ›/g)).toHaveLength(2);
  expect(text.match(/● 新消息/g)).toHaveLength(2);

  const cards = rendered.page.querySelectorAll('.message');
  expect(cards).toHaveLength(4);
  for (const card of cards) card.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.wx.opened.length === 4, 'four pages opened');
  expect(rendered.wx.opened).toEqual([
    '/packages/resident/pages/needs/index',
    '/packages/resident/pages/council/index',
    '/pages/activity/index?id=a-meet',
    '/pages/activity/index?id=a-taiji',
  ]);
});

test('opening the inbox marks its messages read; with nothing new it asks nothing', async () => {
  const unread = await renderPage('packages/resident/pages/inbox/index', { cloud: cloud(MESSAGES) });
  await unread.waitFor(
    () => unread.wx.calls.some((c) => c.data.action === 'markRead'),
    'the messages marked read',
  );

  jest.resetModules();
  const seen = MESSAGES.map((m) => ({ ...m, read: true }));
  const rendered = await renderPage('packages/resident/pages/inbox/index', { cloud: cloud(seen) });
  await rendered.waitFor(() => rendered.text().includes('报名成功'), 'the messages');
  expect(rendered.text()).not.toContain('新消息');
  expect(rendered.wx.calls.map((c) => c.data.action)).toEqual(['inbox']);
});

test('no messages yet: the page says what will arrive here', async () => {
  const rendered = await renderPage('packages/resident/pages/inbox/index', { cloud: cloud([]) });
  await rendered.waitFor(() => rendered.text().includes('还没有消息'), 'the empty inbox');
  expect(rendered.text()).toContain('议题的进展');
});
