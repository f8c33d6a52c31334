/**
 * The resident's pass page of the weapp build. The code is drawn as WXML blocks; the test reads the blocks
 * back into modules and decodes them with jsQR, so it checks what a scanner would see. Only `Date` is faked
 * (the page's one-second timer stays real), so moving the clock across a 30-second step must change the code
 * with no further cloud call.
 */
import type { Pass } from '../../shared/contract/checkin';
import { passPayload } from '../../shared/rules/pass';
import { ok } from './factories';
import { decodeModules } from './qrImage';
import { type CloudCall, type RenderedPage, renderPage } from './taroPage';

const PAGE = 'packages/resident/pages/pass/index';
/** 13:40:10 in Huzhou on the day of the activity, 10 s into a 30-s step. */
const T0 = Date.UTC(2026, 10, 28, 5, 40, 10);

function passView(overrides: Partial<Pass> = {}): Pass {
  return {
    registrationId: 'r-1',
    passId: 'ABCDEFGH12',
    secret: '0123456789abcdef0123456789abcdef01234567',
    stepSeconds: 30,
    payload: passPayload('ABCDEFGH12', '0123456789abcdef0123456789abcdef01234567', T0),
    displayName: '王秀英',
    activityTitle: '社区太极拳',
    place: '中心一楼活动室',
    startAt: '2026-11-28T06:00:00.000Z',
    endAt: '2026-11-28T08:00:00.000Z',
    status: 'confirmed',
    checkedInAt: null,
    ...overrides,
  };
}

const expected = (pass: Pass, at: number) => passPayload(pass.passId, pass.secret, at);

/** A cloud that hands out one pass; `offline` makes every call fail the way a lost connection does. */
function passCloud(pass: Pass, state = { offline: false }) {
  return (call: CloudCall) => {
    if (state.offline) throw new Error('request:fail');
    if (
      call.name === 'checkin' &&
      call.data.action === 'pass' &&
      call.data.registrationId === pass.registrationId
    )
      return ok(pass);
    throw new Error(`unexpected ${call.name}.${String(call.data.action)}`);
  };
}

const px = (style: string, property: string): number => {
  const match = new RegExp(`(?:^|;)\\s*${property}:\\s*([\\d.]+)px`).exec(style);
  if (!match?.[1]) throw new Error(`no ${property} in "${style}"`);
  return Number(match[1]);
};

/** The modules the page drew, read back from the positions and sizes of its blocks; null when there is no code. */
function drawnModules(rendered: RenderedPage): boolean[][] | null {
  const root = rendered.page.dom?.querySelector('[class$="qr"]');
  if (!root) return null;
  const rows = [...root.querySelectorAll('[class$="qr__row"]')];
  const side = px(root.getAttribute('style') ?? '', 'width');
  const module = px(rows[0]?.getAttribute('style') ?? '', 'height');
  const size = side / module;
  const modules = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const row of rows) {
    const y = px(row.getAttribute('style') ?? '', 'top') / module;
    for (const run of row.querySelectorAll('[class$="qr__run"]')) {
      const style = run.getAttribute('style') ?? '';
      const x = px(style, 'left') / module;
      const length = px(style, 'width') / module;
      for (let i = x; i < x + length; i++) (modules[y] as boolean[])[i] = true;
    }
  }
  return modules;
}

const drawnPayload = (rendered: RenderedPage): string | null => {
  const modules = drawnModules(rendered);
  return modules ? decodeModules(modules, 4) : null;
};

const passCalls = (rendered: RenderedPage) =>
  rendered.wx.calls.filter((c) => c.name === 'checkin' && c.data.action === 'pass').length;

beforeEach(() => {
  jest.resetModules();
  // Only the clock is fake: Taro's rendering and the page's one-second tick run on real timers.
  jest.useFakeTimers({
    doNotFake: [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'setImmediate',
      'clearImmediate',
      'nextTick',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'performance',
      'hrtime',
    ],
  });
  jest.setSystemTime(T0);
});

afterEach(() => {
  jest.useRealTimers();
});

test('shows who and what, and a code that scans to the pass of this moment', async () => {
  const pass = passView();
  const rendered = await renderPage(PAGE, { query: { id: 'r-1' }, cloud: passCloud(pass) });
  await rendered.waitFor(() => drawnPayload(rendered) !== null, 'the code');

  expect(rendered.text()).toContain('王秀英');
  expect(rendered.text()).toContain('社区太极拳');
  expect(rendered.text()).toContain('11月28日 周六 14:00–16:00');
  expect(rendered.text()).toContain('中心一楼活动室');
  expect(rendered.text()).toContain('每30秒自动更新');
  expect(rendered.text()).toContain('离线也能用');
  expect(drawnPayload(rendered)).toBe(expected(pass, T0));
  // The screen stays lit while the pass waits in the queue.
  expect(rendered.wx.keepScreenOn).toEqual([true]);
  // The pass is kept on the phone for next time, offline.
  expect(rendered.wx.storage.get('linli.pass.r-1')).toEqual(pass);
});

test('across a 30-second step the drawn code becomes the next one, with no further cloud call', async () => {
  const pass = passView();
  const rendered = await renderPage(PAGE, { query: { id: 'r-1' }, cloud: passCloud(pass) });
  await rendered.waitFor(() => drawnPayload(rendered) === expected(pass, T0), 'the first code');
  expect(passCalls(rendered)).toBe(1);
  await rendered.waitFor(() => rendered.text().includes('20秒后换新码'), 'the countdown');

  const later = T0 + 30_000;
  expect(expected(pass, later)).not.toBe(expected(pass, T0));
  jest.setSystemTime(later);
  await rendered.waitFor(() => drawnPayload(rendered) === expected(pass, later), 'the next code');
  expect(passCalls(rendered)).toBe(1);
});

test('offline, the saved pass still shows and keeps changing', async () => {
  const pass = passView();
  const rendered = await renderPage(PAGE, {
    query: { id: 'r-1' },
    storage: { 'linli.pass.r-1': pass },
    cloud: passCloud(pass, { offline: true }),
  });
  await rendered.waitFor(() => rendered.text().includes('现在没有网络'), 'the offline note');
  expect(drawnPayload(rendered)).toBe(expected(pass, T0));

  jest.setSystemTime(T0 + 60_000);
  await rendered.waitFor(() => drawnPayload(rendered) === expected(pass, T0 + 60_000), 'a later code');
});

test('an attended registration shows 已签到 with the time instead of a code', async () => {
  const pass = passView({ status: 'attended', checkedInAt: '2026-11-28T05:52:00.000Z' });
  const rendered = await renderPage(PAGE, {
    query: { id: 'r-1' },
    // The phone still holds the pass from before the scan; the server knows better.
    storage: { 'linli.pass.r-1': passView() },
    cloud: passCloud(pass),
  });
  await rendered.waitFor(() => rendered.text().includes('✓ 已签到'), '已签到');

  expect(rendered.text()).toContain('签到时间 11月28日 周六 13:52');
  expect(drawnModules(rendered)).toBeNull();
});

test('a place that is no longer confirmed forgets the saved pass and says why', async () => {
  const rendered = await renderPage(PAGE, {
    query: { id: 'r-1' },
    storage: { 'linli.pass.r-1': passView() },
    cloud: () => ({ ok: false, error: { code: 'CONFLICT', message: '这条报名没有签到码' } }),
  });
  await rendered.waitFor(() => rendered.text().includes('这条报名没有签到码'), 'the reason');
  expect(drawnModules(rendered)).toBeNull();
  expect(rendered.wx.storage.has('linli.pass.r-1')).toBe(false);
});

test('in elderly mode the code is larger, with a hint to brighten the screen', async () => {
  const pass = passView();
  const normal = await renderPage(PAGE, { query: { id: 'r-1' }, cloud: passCloud(pass) });
  await normal.waitFor(() => drawnModules(normal) !== null, 'the code');
  const normalSide = drawnModules(normal)?.length ?? 0;
  const normalPx = px(normal.page.dom?.querySelector('[class$="qr"]')?.getAttribute('style') ?? '', 'width');
  expect(normal.text()).not.toContain('请把屏幕调亮');

  jest.resetModules();
  const large = await renderPage(PAGE, { query: { id: 'r-1' }, fontScale: 1.4, cloud: passCloud(pass) });
  await large.waitFor(() => drawnPayload(large) === expected(pass, T0), 'the code');
  expect(large.text()).toContain('请把屏幕调亮');
  expect(drawnModules(large)?.length).toBe(normalSide);
  const largePx = px(large.page.dom?.querySelector('[class$="qr"]')?.getAttribute('style') ?? '', 'width');
  expect(largePx).toBeGreaterThan(normalPx * 1.2);
});
