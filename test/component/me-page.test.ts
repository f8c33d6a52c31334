/**
 * The 我的 page of the weapp build: the elderly-mode switch a resident taps, and WeChat's own font setting.
 */
import type { MemberView } from '../../shared/contract/account';
import { ok, residentView } from './factories';
import { type CloudCall, renderPage, rootFontPx } from './taroPage';

const ME = 'pages/me/index';

/** A cloud that knows one member and saves their profile changes. */
function accountCloud(member: MemberView, failUpdates = false) {
  let current = member;
  return (call: CloudCall) => {
    const { action, requestId: _requestId, ...input } = call.data;
    if (action === 'whoami') return ok({ member: current, homeCenter: null });
    if (action === 'updateProfile') {
      if (failUpdates) throw new Error('cloud.callFunction:fail network');
      current = { ...current, ...input };
      return ok({ member: current });
    }
    if (action === 'inbox') return ok({ messages: [], unread: 0 });
    throw new Error(`unexpected ${String(action)}`);
  };
}

beforeEach(() => {
  jest.resetModules();
});

test('tapping 大字模式 turns large type on at once and saves it', async () => {
  const rendered = await renderPage(ME, { cloud: accountCloud(residentView()) });
  await rendered.waitFor(() => rendered.text().includes('大字模式'), 'the profile');
  expect(rendered.text()).toContain('王秀英');
  expect(rendered.text()).toContain('138****1234');
  expect(rendered.text()).toContain('已关闭');
  expect(rootFontPx(rendered)).toBe(17);

  rendered.tap('.switch-row');

  await rendered.waitFor(() => rendered.text().includes('已开启'), 'the switch to say 已开启');
  expect(rootFontPx(rendered)).toBe(23.8);
  const accountCalls = () => rendered.wx.calls.filter((c) => c.name === 'account');
  await rendered.waitFor(() => accountCalls().length === 2, 'the save');
  const save = accountCalls()[1];
  expect(save?.name).toBe('account');
  expect(save?.data).toMatchObject({ action: 'updateProfile', elderlyMode: true });
  expect(save?.data.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
});

test('when saving fails the type goes back and the resident is told why', async () => {
  const rendered = await renderPage(ME, { cloud: accountCloud(residentView(), true) });
  await rendered.waitFor(() => rendered.text().includes('大字模式'), 'the profile');

  rendered.tap('.switch-row');

  await rendered.waitFor(() => rendered.text().includes('网络不太好，请稍后再试'), 'the error');
  expect(rendered.text()).toContain('已关闭');
  expect(rootFontPx(rendered)).toBe(17);
});

test("WeChat's larger font setting is followed without touching the switch", async () => {
  const rendered = await renderPage(ME, { cloud: accountCloud(residentView()), fontScale: 1.5 });
  await rendered.waitFor(() => rendered.text().includes('大字模式'), 'the profile');
  expect(rendered.text()).toContain('已关闭');
  expect(rootFontPx(rendered)).toBe(25.5);
});

test('a member who chose large type before gets it on the first screen', async () => {
  const rendered = await renderPage(ME, { cloud: accountCloud(residentView({ elderlyMode: true })) });
  await rendered.waitFor(() => rendered.text().includes('已开启'), 'the switch to say 已开启');
  expect(rootFontPx(rendered)).toBe(23.8);
});
