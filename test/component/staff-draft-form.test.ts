/**
 * The staff draft form (subpackage) of the weapp build: the shared schema answers a wrong capacity next to
 * the field before anything is sent.
 */
import { renderPage } from './taroPage';

const FORM = 'packages/staff/pages/edit/index';

beforeEach(() => {
  jest.resetModules();
});

test('a capacity of 0 is answered next to the field, with no call to the cloud', async () => {
  const rendered = await renderPage(FORM, {
    query: { month: '2026-12' },
    cloud: () => {
      throw new Error('nothing should be sent');
    },
  });
  await rendered.waitFor(() => rendered.text().includes('名额（人）'), 'the form');

  const inputs = rendered.page.querySelectorAll('.field__input');
  const [title, place, capacity] = inputs;
  title?.dispatchEvent('input', { detail: { value: '社区太极拳' } });
  place?.dispatchEvent('input', { detail: { value: '中心一楼活动室' } });
  capacity?.dispatchEvent('input', { detail: { value: '0' } });
  rendered.find('.choice', '文体活动')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('✓ 文体活动'), 'the category');

  rendered.find('.btn', '保存草稿')?.dispatchEvent('tap');

  await rendered.waitFor(() => rendered.text().includes('名额至少1人'), 'the capacity error');
  expect(rendered.text()).toContain('⚠ 名额至少1人');
  expect(rendered.text()).not.toContain('标题至少2个字');
  expect(rendered.text()).not.toContain('请填写地点');
  expect(rendered.wx.calls).toEqual([]);
});

test('an empty form names each missing field', async () => {
  const rendered = await renderPage(FORM, { query: { month: '2026-12' }, cloud: () => undefined });
  await rendered.waitFor(() => rendered.text().includes('保存草稿'), 'the form');

  rendered.find('.btn', '保存草稿')?.dispatchEvent('tap');

  await rendered.waitFor(() => rendered.text().includes('请选择活动类别'), 'the errors');
  expect(rendered.text()).toContain('标题至少2个字');
  expect(rendered.text()).toContain('请填写地点');
  expect(rendered.text()).toContain('名额应为数字');
  expect(rendered.wx.calls).toEqual([]);
});
