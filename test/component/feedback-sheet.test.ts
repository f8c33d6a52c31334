/**
 * The feedback sheet (resident subpackage, weapp build): a face and a tag are sent as
 * `{ registrationId, rating, tags }` and the resident is thanked; without a face nothing is sent.
 */
import { ok } from './factories';
import { type CloudCall, renderPage } from './taroPage';

const SHEET = 'packages/resident/pages/rate/index';
const QUERY = { id: 'r-taiji', title: '社区太极拳' };

function cloud(call: CloudCall) {
  const { action } = call.data;
  if (action === 'mine') return ok({ feedback: [], toRate: [] });
  if (action === 'submit') return ok({ registrationId: 'r-taiji', rating: 4, updated: false, held: false });
  throw new Error(`unexpected ${call.name}.${String(action)}`);
}

beforeEach(() => {
  jest.resetModules();
});

test('a face and a tag are sent, and the resident is thanked', async () => {
  const rendered = await renderPage(SHEET, { cloud, query: QUERY });
  await rendered.waitFor(() => rendered.text().includes('很满意'), 'the faces');
  expect(rendered.text()).toContain('社区太极拳');
  for (const word of ['很不满意', '不满意', '一般', '满意', '很满意'])
    expect(rendered.text()).toContain(word);

  rendered.find('.face', '🙂满意')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('✓ 满意'), 'the chosen face');
  rendered.find('.chip', '内容实用')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('✓ 内容实用'), 'the tag');
  rendered.find('.btn', '提交评价')?.dispatchEvent('tap');

  await rendered.waitFor(() => rendered.text().includes('谢谢您的评价'), 'the thanks');
  const submit = rendered.wx.calls.find((c) => c.data.action === 'submit');
  expect(submit?.name).toBe('feedback');
  expect(submit?.data).toEqual({
    action: 'submit',
    registrationId: 'r-taiji',
    rating: 4,
    tags: ['内容实用'],
    requestId: expect.any(String),
  });
});

test('without a face the sheet asks for one and sends nothing', async () => {
  const rendered = await renderPage(SHEET, { cloud, query: QUERY });
  await rendered.waitFor(() => rendered.text().includes('很满意'), 'the faces');
  rendered.find('.chip', '组织有序')?.dispatchEvent('tap');
  rendered.find('.btn', '提交评价')?.dispatchEvent('tap');

  await rendered.waitFor(() => rendered.text().includes('请先点一个表情'), 'the field message');
  expect(rendered.text()).toContain('⚠ 请先点一个表情，选择满意度');
  expect(rendered.wx.calls.filter((c) => c.data.action === 'submit')).toEqual([]);
});
