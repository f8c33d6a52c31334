/**
 * A resident's home page of the weapp build: this month's list of their home center, grouped by category,
 * each card with its seats and the resident's own place said in words.
 */
import type { CenterBrief } from '../../shared/contract/account';
import { activityView, ok, residentView } from './factories';
import { type CloudCall, renderPage } from './taroPage';

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

const MONTH = [
  activityView({
    mine: [
      {
        registrationId: 'r1',
        forMemberId: null,
        displayName: '王秀英',
        status: 'waitlisted',
        waitlistPosition: 1,
      },
    ],
    seatsLeft: 0,
    confirmed: 20,
  }),
  activityView({ id: 'a-haircut', category: 'convenience', title: '义务理发', seatsLeft: 5, tags: [] }),
  activityView({
    id: 'a-parking',
    category: 'micro_governance',
    title: '停车议事会',
    status: 'cancelled',
    tags: [],
  }),
];

function homeCloud(call: CloudCall) {
  const { action } = call.data;
  if (action === 'whoami')
    return ok({ member: residentView({ homeCenterId: 'c-chaoyang' }), homeCenter: HOME_CENTER });
  if (action === 'inbox') return ok({ messages: [], unread: 2 });
  if (action === 'listMonth')
    return ok({
      centerId: 'c-chaoyang',
      centerName: HOME_CENTER.name,
      month: call.data.month,
      activities: MONTH,
    });
  throw new Error(`unexpected ${call.name}.${String(action)}`);
}

beforeEach(() => {
  jest.resetModules();
});

test("the month's activities are grouped by category with seats and the resident's own place", async () => {
  const rendered = await renderPage('pages/home/index', { cloud: homeCloud });
  await rendered.waitFor(() => rendered.text().includes('义务理发'), 'the month list');
  const text = rendered.text();

  for (const heading of ['文体活动', '便民服务', '社区微治理']) expect(text).toContain(heading);
  expect(text.indexOf('文体活动')).toBeLessThan(text.indexOf('便民服务'));
  expect(text).toContain('11月28日 周六 14:00–16:00');
  expect(text).toContain('已满，可候补');
  expect(text).toContain('候补第1位');
  expect(text).toContain('剩余 5 个名额');
  expect(text).toContain('已取消');
  // The unread count is visible from home.
  expect(text).toContain('您有 2 条新消息');
  const list = rendered.wx.calls.find((c) => c.data.action === 'listMonth');
  expect(list?.data).toMatchObject({ centerId: 'c-chaoyang', month: expect.stringMatching(/^\d{4}-\d{2}$/) });
});
