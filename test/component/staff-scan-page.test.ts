/**
 * The staff scanner page of the weapp build: WeChat's own scanner reads the code, the page sends it to
 * `checkin.scan` and shows one big answer; a scan that got no answer says so, and 重试 sends the same request
 * id again so it cannot count twice.
 */
import type { CheckinOutcome } from '../../shared/contract/checkin';
import { activityView, ok } from './factories';
import { type CloudCall, renderPage } from './taroPage';

const PAGE = 'packages/staff/pages/scan/index';
const CODE = 'LL1.ABCDEFGH12.1KXY2P.0123456789';

function outcome(overrides: Partial<CheckinOutcome>): CheckinOutcome {
  return {
    result: 'checked_in',
    message: '签到成功',
    registrationId: 'r-1',
    displayName: '王秀英',
    activityTitle: '社区太极拳',
    checkedInAt: '2026-11-28T05:52:00.000Z',
    ...overrides,
  };
}

/** Answers `activities.get`, and `checkin.scan` with the next scripted reply (`'offline'`: no answer at all). */
function staffCloud(replies: (CheckinOutcome | 'offline')[]) {
  return (call: CloudCall) => {
    if (call.name === 'activities' && call.data.action === 'get') return ok({ activity: activityView() });
    if (call.name === 'checkin' && call.data.action === 'scan') {
      const reply = replies.shift();
      if (!reply || reply === 'offline') throw new Error('request:fail');
      return ok(reply);
    }
    throw new Error(`unexpected ${call.name}.${String(call.data.action)}`);
  };
}

const scanCalls = (calls: CloudCall[]) =>
  calls.filter((c) => c.name === 'checkin' && c.data.action === 'scan').map((c) => c.data);

beforeEach(() => {
  jest.resetModules();
});

test('a scan shows 签到成功 with the name, and one tap scans the next person', async () => {
  const rendered = await renderPage(PAGE, {
    query: { id: 'a-taiji' },
    scans: [CODE, 'LL1.ZZZZZZZZZZ.1KXY2P.0123456789'],
    cloud: staffCloud([outcome({}), outcome({ result: 'already', message: '已签到', displayName: '张伟' })]),
  });
  await rendered.waitFor(() => rendered.text().includes('社区太极拳'), 'the activity');
  rendered.find('.btn', '扫码签到')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('签到成功'), 'the answer');
  expect(rendered.text()).toContain('王秀英');
  expect(scanCalls(rendered.wx.calls)[0]).toMatchObject({ code: CODE });

  rendered.find('.btn', '扫下一位')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('已签到（13:52）'), 'the second answer');
  expect(rendered.text()).toContain('张伟');
  expect(rendered.text()).not.toContain('签到成功');
});

test('no answer: the page says the network failed, and 重试 reuses the request id', async () => {
  const rendered = await renderPage(PAGE, {
    query: { id: 'a-taiji' },
    scans: [CODE],
    cloud: staffCloud(['offline', outcome({})]),
  });
  await rendered.waitFor(() => rendered.text().includes('社区太极拳'), 'the activity');
  rendered.find('.btn', '扫码签到')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('网络不通，这次没有签到'), 'the failure');
  expect(rendered.text()).not.toContain('签到成功');

  rendered.find('.btn', '重试')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('签到成功'), 'the answer after retrying');
  const [first, second] = scanCalls(rendered.wx.calls);
  expect(second?.code).toBe(CODE);
  expect(second?.requestId).toBe(first?.requestId);
});

test('each refusal is said in words with what to do', async () => {
  const rendered = await renderPage(PAGE, {
    query: { id: 'a-taiji' },
    scans: [CODE, CODE],
    cloud: staffCloud([
      outcome({ result: 'expired', message: '二维码已过期', displayName: null, checkedInAt: null }),
      outcome({ result: 'other_center', message: '非本中心活动', displayName: null, checkedInAt: null }),
    ]),
  });
  await rendered.waitFor(() => rendered.text().includes('社区太极拳'), 'the activity');
  rendered.find('.btn', '扫码签到')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('二维码已过期'), 'expired');
  expect(rendered.text()).toContain('请居民打开签到码页面再扫');

  rendered.find('.btn', '扫下一位')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('非本中心活动'), 'other center');
  // A new scan is a new request: only a retry of a failed one reuses its id.
  const [first, second] = scanCalls(rendered.wx.calls);
  expect(second?.requestId).not.toBe(first?.requestId);
});
