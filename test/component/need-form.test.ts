/**
 * 我要提需求 (resident subpackage, weapp build): while typing, look-alike needs from `needs.similar` are offered
 * with 我也需要 (+1), which calls `needs.support`; a held report says only the resident can see it.
 */
import type { CenterBrief } from '../../shared/contract/account';
import { ok, residentView } from './factories';
import { type CloudCall, renderPage } from './taroPage';

const FORM = 'packages/resident/pages/need/index';

const HOME_CENTER: CenterBrief = {
  id: 'c-chaoyang',
  name: '朝阳幸福邻里中心',
  streetId: 's-chaoyang',
  streetName: '朝阳街道',
  districtId: 'd-wuxing',
  districtName: '吴兴区',
  address: '朝阳路1号',
  status: 'operating',
  operatorName: '湖州邻里社工服务社',
};

const SIMILAR = {
  needId: 'n-phone',
  text: '希望有教老人用智能手机的课',
  category: 'culture_sports',
  supporters: 4,
  status: 'acknowledged',
};

function cloud(call: CloudCall) {
  const { action } = call.data;
  if (action === 'whoami')
    return ok({ member: residentView({ homeCenterId: HOME_CENTER.id }), homeCenter: HOME_CENTER });
  if (action === 'similar') return ok({ needs: [SIMILAR] });
  if (action === 'support') return ok({ needId: 'n-phone', supporters: 5 });
  if (action === 'report') return ok({ needId: 'n-new', held: true });
  throw new Error(`unexpected ${call.name}.${String(action)}`);
}

beforeEach(() => {
  jest.resetModules();
});

/** Types into the need box, again until the page shows it took: the first render may not listen yet. */
async function type(rendered: Awaited<ReturnType<typeof renderPage>>, value: string) {
  await rendered.waitFor(() => {
    rendered.page.querySelector('.field__textarea')?.dispatchEvent('input', { detail: { value } });
    return rendered.text().includes(`已写 ${[...value].length} / 500 字`);
  }, 'the typed text');
}

test('typing shows look-alike needs; 我也需要 (+1) supports one', async () => {
  const rendered = await renderPage(FORM, { cloud });
  await rendered.waitFor(() => rendered.text().includes('您的需求'), 'the form');

  await type(rendered, '智能手机课');
  await rendered.waitFor(() => rendered.text().includes('这些需求和您的很像'), 'the suggestions');
  expect(rendered.text()).toContain('希望有教老人用智能手机的课');
  expect(rendered.text()).toContain('5 人需要');
  expect(rendered.text()).toContain('已写 5 / 500 字');
  const similar = rendered.wx.calls.find((c) => c.data.action === 'similar');
  expect(similar).toMatchObject({ name: 'needs', data: { centerId: 'c-chaoyang', text: '智能手机课' } });

  rendered.find('.btn', '我也需要 (+1)')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('已支持，现在 6 人需要'), 'the +1');
  const support = rendered.wx.calls.find((c) => c.data.action === 'support');
  expect(support).toMatchObject({ name: 'needs', data: { needId: 'n-phone' } });
  expect(support?.data.requestId).toEqual(expect.any(String));
});

test('a held report says 已提交 and that only the resident sees it for now', async () => {
  const rendered = await renderPage(FORM, { cloud });
  await rendered.waitFor(() => rendered.text().includes('您的需求'), 'the form');

  await type(rendered, '楼下想要修鞋摊');
  // Tapped again until it shows, like typing: the first render may not listen yet.
  await rendered.waitFor(() => {
    if (!rendered.text().includes('✓ 便民服务')) rendered.find('.chip', '便民服务')?.dispatchEvent('tap');
    return rendered.text().includes('✓ 便民服务');
  }, 'the category');
  rendered.find('.btn', '提交需求')?.dispatchEvent('tap');

  await rendered.waitFor(() => rendered.text().includes('✓ 已提交'), 'the answer');
  expect(rendered.text()).toContain('审核前只有您能看到');
  expect(rendered.wx.calls.find((c) => c.data.action === 'report')?.data).toMatchObject({
    centerId: 'c-chaoyang',
    category: 'convenience',
    text: '楼下想要修鞋摊',
  });
});
