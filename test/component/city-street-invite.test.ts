/**
 * Invitations on the weapp build: the city's 全市概览 invites a street office, the street's 街道工作台 a
 * center's social worker. A tap without a choice names what is missing and sends nothing; a choice gets a code
 * for whom it was chosen. Someone else reads who may use the page, and nothing is loaded for them.
 */
import type { CenterBrief, MemberView } from '../../shared/contract/account';
import { ok, residentView } from './factories';
import { type CloudCall, type RenderedPage, renderPage } from './taroPage';

const center = (id: string, name: string, street: [string, string], district: string): CenterBrief => ({
  id,
  name,
  streetId: street[0],
  streetName: street[1],
  districtId: `d-${district}`,
  districtName: district,
  address: '',
  status: 'operating',
  operatorName: '湖州邻里社工服务社',
});
const CENTERS = [
  center('c-chaoyang', '朝阳幸福邻里中心', ['s-chaoyang', '朝阳街道'], '吴兴区'),
  center('c-qinghe', '清河幸福邻里中心', ['s-chaoyang', '朝阳街道'], '吴兴区'),
  center('c-feiying', '飞英幸福邻里中心', ['s-feiying', '飞英街道'], '南浔区'),
];
const CODE = { code: 'K7P2QX', expiresAt: '2026-12-04T02:00:00.000Z' };

/** `member` asks; centers are those of the street asked for, or all. */
function cloud(member: MemberView) {
  return (call: CloudCall) => {
    const { action, streetId } = call.data;
    if (action === 'whoami') return ok({ member, homeCenter: null });
    if (action === 'listCenters')
      return ok({ centers: CENTERS.filter((c) => !streetId || c.streetId === streetId) });
    if (action === 'createInvite') return ok(CODE);
    throw new Error(`unexpected ${call.name}.${String(action)}`);
  };
}

const actionCalls = (rendered: RenderedPage, action: string) =>
  rendered.wx.calls.filter((c) => c.data.action === action);

beforeEach(() => {
  jest.resetModules();
});

test('the city invites a street office: a street is required, then the code names it', async () => {
  const rendered = await renderPage('packages/city/pages/overview/index', {
    cloud: cloud(residentView({ role: 'admin' })),
  });
  await rendered.waitFor(() => rendered.text().includes('邀请街道'), 'the overview');
  expect(rendered.text()).toContain('共 3 家，其中运营中 3 家');
  expect(rendered.text()).toContain('吴兴区：1 个街道，2 家中心');

  rendered.find('.btn', '生成邀请码')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('⚠ 请提供街道'), 'the missing street');
  expect(actionCalls(rendered, 'createInvite')).toEqual([]);

  rendered.find('.choice', '飞英街道南浔区')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('✓ 飞英街道'), 'the street');
  rendered.find('.btn', '生成邀请码')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('邀请码已生成'), 'the code');
  expect(actionCalls(rendered, 'createInvite')[0]?.data).toMatchObject({
    role: 'office',
    streetId: 's-feiying',
  });
  expect(rendered.text()).toContain('K7P2QX');
  expect(rendered.text()).toContain('邀请对象飞英街道');
});

test('a street office invites a social worker of one of its centers', async () => {
  const rendered = await renderPage('packages/office/pages/street/index', {
    cloud: cloud(residentView({ role: 'office', streetId: 's-chaoyang' })),
  });
  await rendered.waitFor(() => rendered.text().includes('邀请社工'), 'the desk');
  expect(actionCalls(rendered, 'listCenters')[0]?.data).toMatchObject({ streetId: 's-chaoyang' });
  expect(rendered.text()).toContain('朝阳街道 · 本街道的邻里中心');

  rendered.find('.btn', '生成邀请码')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('⚠ 请提供邻里中心'), 'the missing center');
  rendered.find('.choice', '清河幸福邻里中心运营中')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('✓ 清河幸福邻里中心'), 'the center');
  rendered.find('.btn', '生成邀请码')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('邀请码已生成'), 'the code');
  expect(actionCalls(rendered, 'createInvite')[0]?.data).toMatchObject({
    role: 'staff',
    centerId: 'c-qinghe',
  });
  expect(rendered.text()).toContain('邀请对象清河幸福邻里中心');
});

test('a resident reads who may use the pages, and no centers are loaded for them', async () => {
  const resident = residentView();
  const city = await renderPage('packages/city/pages/overview/index', { cloud: cloud(resident) });
  await city.waitFor(() => city.text().includes('只有市民政局可以查看全市概览'), 'the city notice');
  expect(actionCalls(city, 'listCenters')).toEqual([]);

  jest.resetModules();
  const street = await renderPage('packages/office/pages/street/index', { cloud: cloud(resident) });
  await street.waitFor(() => street.text().includes('您还不是街道工作人员'), 'the office notice');
  expect(street.text()).toContain('请向市民政局要一个邀请码');
  expect(actionCalls(street, 'listCenters')).toEqual([]);
});
