/**
 * The street office's 街道社区组织 of the weapp build: the street's organizations grouped by center, and
 * registering a community organization for a center the office picks (field errors from the shared schema
 * before anything is sent; the new one in the list afterwards).
 */
import type { CenterBrief } from '../../shared/contract/account';
import type { OrganizationView } from '../../shared/contract/organizations';
import { ok, residentView } from './factories';
import { type CloudCall, type RenderedPage, renderPage } from './taroPage';

const PAGE = 'packages/office/pages/organizations/index';

const center = (id: string, name: string, status: CenterBrief['status'] = 'operating'): CenterBrief => ({
  id,
  name,
  streetId: 's-chaoyang',
  streetName: '朝阳街道',
  districtId: 'd-wuxing',
  districtName: '吴兴区',
  address: '朝阳路1号',
  status,
  operatorName: '湖州邻里社工服务社',
});
const CENTERS = [
  center('c-chaoyang', '朝阳幸福邻里中心'),
  center('c-feiying', '飞英幸福邻里中心', 'building'),
];

const organization = (overrides: Partial<OrganizationView>): OrganizationView => ({
  organizationId: 'org-1',
  kind: 'community',
  name: '朝阳银龄互助队',
  type: '扶老',
  status: 'incubating',
  contactRole: '队长',
  center: { id: 'c-chaoyang', name: '朝阳幸福邻里中心' },
  runs: [],
  stars: [],
  activities: 3,
  registeredAt: '2026-10-01T02:00:00.000Z',
  ...overrides,
});

/** An office of 朝阳街道; `register` adds to the registry `list` answers with. */
function officeCloud() {
  const registry: OrganizationView[] = [organization({})];
  return (call: CloudCall) => {
    const { action } = call.data;
    if (call.name === 'account' && action === 'whoami')
      return ok({ member: residentView({ role: 'office', streetId: 's-chaoyang' }), homeCenter: null });
    if (call.name === 'account' && action === 'listCenters') return ok({ centers: CENTERS });
    if (call.name === 'organizations' && action === 'list') return ok({ organizations: [...registry] });
    if (call.name === 'organizations' && action === 'register') {
      const { centerId, name, type, status, contactRole } = call.data as Record<string, string>;
      const where = CENTERS.find((c) => c.id === centerId);
      registry.push(
        organization({
          organizationId: 'org-new',
          name,
          type,
          status: status as OrganizationView['status'],
          contactRole,
          center: { id: centerId ?? '', name: where?.name ?? '' },
          activities: 0,
        }),
      );
      return ok({ organizationId: 'org-new' });
    }
    throw new Error(`unexpected ${call.name}.${String(action)}`);
  };
}

const actionCalls = (rendered: RenderedPage, action: string) =>
  rendered.wx.calls.filter((c) => c.data.action === action);

beforeEach(() => {
  jest.resetModules();
});

test('the street’s organizations by center, and an empty form names each field and sends nothing', async () => {
  const rendered = await renderPage(PAGE, { cloud: officeCloud() });
  await rendered.waitFor(() => rendered.text().includes('登记一个社区组织'), 'the page');
  const text = rendered.text();
  expect(text).toContain('孵化中 1 个，已登记 0 个');
  expect(text).toContain('朝阳幸福邻里中心（1 个）');
  expect(text).toContain('朝阳银龄互助队');
  expect(text).toContain('飞英幸福邻里中心建设中');

  rendered.find('.btn', '登记')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('⚠ 请提供邻里中心'), 'the errors');
  expect(rendered.text()).toContain('⚠ 组织名称至少2个字');
  expect(rendered.text()).toContain('⚠ 请选择组织类型');
  expect(rendered.text()).toContain('⚠ 请填写联系人职务');
  expect(actionCalls(rendered, 'register')).toEqual([]);
});

test('the office picks 飞英, fills the form and the new organization joins the list under that center', async () => {
  const rendered = await renderPage(PAGE, { cloud: officeCloud() });
  await rendered.waitFor(() => rendered.text().includes('登记一个社区组织'), 'the form');
  rendered.find('.choice', '飞英幸福邻里中心建设中')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('✓ 飞英幸福邻里中心'), 'the center');
  rendered.find('.chip', '文体')?.dispatchEvent('tap');
  rendered.find('.chip', '已登记')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('✓ 已登记'), 'the status');
  // The chips took, so the page listens: one input event each is enough.
  const [name, contactRole] = rendered.page.querySelectorAll('.field__input');
  name?.dispatchEvent('input', { detail: { value: '飞英广场舞队' } });
  contactRole?.dispatchEvent('input', { detail: { value: '联络员' } });
  rendered.find('.btn', '登记')?.dispatchEvent('tap');

  await rendered.waitFor(() => rendered.text().includes('✓ 已加入名录'), 'the answer');
  expect(rendered.text()).toContain('✓ 已加入名录：飞英广场舞队（飞英幸福邻里中心）');
  expect(actionCalls(rendered, 'register')[0]?.data).toMatchObject({
    action: 'register',
    centerId: 'c-feiying',
    name: '飞英广场舞队',
    type: '文体',
    status: 'registered',
    contactRole: '联络员',
  });
  await rendered.waitFor(() => rendered.text().includes('飞英幸福邻里中心（1 个）'), 'the new group');
  expect(rendered.text()).toContain('孵化中 1 个，已登记 1 个');
  expect(actionCalls(rendered, 'list')).toHaveLength(2);
});
