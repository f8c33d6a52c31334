/**
 * WeChat's privacy consent (weapp): when WeChat asks, the app shows its own sheet on the open page and
 * passes the resident's answer back.
 */
import { ok, residentView } from './factories';
import { renderPage } from './taroPage';

beforeEach(() => {
  jest.resetModules();
});

async function pageWaitingForConsent() {
  const rendered = await renderPage('pages/me/index', {
    cloud: () => ok({ member: residentView(), homeCenter: null }),
  });
  await rendered.waitFor(() => rendered.text().includes('大字模式'), 'the profile');
  expect(rendered.text()).not.toContain('个人信息保护提示');
  const answers: { event: string; buttonId?: string }[] = [];
  const ask = rendered.wx.privacyListener;
  if (!ask) throw new Error('the app did not listen for privacy requests');
  ask((answer) => answers.push(answer));
  await rendered.waitFor(() => rendered.text().includes('个人信息保护提示'), 'the privacy sheet');
  return { rendered, answers };
}

test('the sheet explains the use and tells WeChat it was shown', async () => {
  const { rendered, answers } = await pageWaitingForConsent();
  expect(rendered.text()).toContain('剪贴板');
  expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
});

test('不同意 closes the sheet and answers disagree', async () => {
  const { rendered, answers } = await pageWaitingForConsent();

  rendered.find('.btn', '不同意')?.dispatchEvent('tap');

  await rendered.waitFor(() => !rendered.text().includes('个人信息保护提示'), 'the sheet to close');
  expect(answers.at(-1)).toEqual({ event: 'disagree' });
});

test("同意 through WeChat's consent button answers agree with that button's id", async () => {
  const { rendered, answers } = await pageWaitingForConsent();

  rendered.find('.btn', '同意并继续')?.dispatchEvent('agreeprivacyauthorization');

  await rendered.waitFor(() => !rendered.text().includes('个人信息保护提示'), 'the sheet to close');
  expect(answers.at(-1)).toEqual({ event: 'agree', buttonId: 'privacy-agree' });
});
