/**
 * The 添加家人 form of the weapp build: the shared schema answers before anything is sent.
 */
import { renderPage } from './taroPage';

beforeEach(() => {
  jest.resetModules();
});

test('an empty form is answered on the phone, naming the fields, with no call to the cloud', async () => {
  const rendered = await renderPage('packages/resident/pages/family/index', {
    cloud: () => {
      throw new Error('nothing should be sent');
    },
  });
  await rendered.waitFor(() => rendered.text().includes('他/她是您的'), 'the form');

  rendered.tap('.btn--primary');

  await rendered.waitFor(() => rendered.text().includes('请填写称呼'), 'the name error');
  expect(rendered.text()).toContain('⚠ 请填写称呼');
  expect(rendered.text()).toContain('请选择与您的关系');
  expect(rendered.wx.calls).toEqual([]);
});

test('choosing a relation marks it in words, not only in colour', async () => {
  const rendered = await renderPage('packages/resident/pages/family/index', { cloud: () => undefined });
  await rendered.waitFor(() => rendered.text().includes('母亲'), 'the relations');
  expect(rendered.text()).not.toContain('✓');

  const mother = rendered.page.querySelectorAll('.choice').find((node) => node.dom?.textContent === '母亲');
  mother?.dispatchEvent('tap');

  await rendered.waitFor(() => rendered.text().includes('✓ 母亲'), 'the tick on 母亲');
});
