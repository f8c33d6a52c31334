/**
 * The council on the weapp build: a resident's 提一个议题 form (field errors from the shared schema before
 * anything is sent; the held-for-review notice), the resident's 议事会 (附议 once, rating a finished topic)
 * and the staff agenda (markers, choosing topics and a published meeting to schedule them, 记录决议 only
 * once the meeting has begun).
 */
import type { CenterBrief } from '../../shared/contract/account';
import { activityView, ok, residentView, topicView } from './factories';
import { type CloudCall, type RenderedPage, renderPage } from './taroPage';

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

const resident = residentView({ homeCenterId: HOME_CENTER.id });
const staff = residentView({
  role: 'staff',
  displayName: '李社工',
  centerId: 'c-chaoyang',
  streetId: 's-chaoyang',
});
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

beforeEach(() => {
  jest.resetModules();
});

const actionCalls = (rendered: RenderedPage, action: string) =>
  rendered.wx.calls.filter((c) => c.data.action === action);

describe('提一个议题', () => {
  const FORM = 'packages/resident/pages/topic/index';
  const cloud = (call: CloudCall) => {
    if (call.data.action === 'whoami') return ok({ member: resident, homeCenter: HOME_CENTER });
    if (call.data.action === 'propose') return ok({ topicId: 't-new', held: true });
    throw new Error(`unexpected ${call.name}.${String(call.data.action)}`);
  };

  test('an empty form names each field in Chinese and sends nothing', async () => {
    const rendered = await renderPage(FORM, { cloud });
    await rendered.waitFor(() => rendered.text().includes('议题类别'), 'the form');
    rendered.find('.btn', '提交议题')?.dispatchEvent('tap');
    await rendered.waitFor(() => rendered.text().includes('请选择议题类别'), 'the errors');
    expect(rendered.text()).toContain('⚠ 议题至少4个字');
    expect(rendered.text()).toContain('⚠ 请多写几个字，说清楚情况');
    expect(actionCalls(rendered, 'propose')).toEqual([]);
  });

  test('a held topic says 已提交 and that only the proposer sees it for now', async () => {
    const rendered = await renderPage(FORM, { cloud });
    await rendered.waitFor(() => rendered.text().includes('议题类别'), 'the form');
    rendered.find('.chip', '停车')?.dispatchEvent('tap');
    await rendered.waitFor(() => rendered.text().includes('✓ 停车'), 'the category');
    // The chip took, so the page listens: one input event is enough.
    rendered.page
      .querySelector('.field__input')
      ?.dispatchEvent('input', { detail: { value: '晚上小区停车太乱' } });
    await rendered.waitFor(() => {
      rendered.page
        .querySelector('.field__textarea')
        ?.dispatchEvent('input', { detail: { value: '车停到消防通道上了' } });
      return rendered.text().includes('已写 9 / 500 字');
    }, 'the description');
    rendered.find('.btn', '提交议题')?.dispatchEvent('tap');

    await rendered.waitFor(() => rendered.text().includes('✓ 议题已提交'), 'the answer');
    expect(rendered.text()).toContain('审核前只有您能看到');
    expect(actionCalls(rendered, 'propose')[0]).toMatchObject({
      name: 'councils',
      data: {
        centerId: 'c-chaoyang',
        category: 'parking',
        title: '晚上小区停车太乱',
        description: '车停到消防通道上了',
      },
    });
  });
});

describe('居民的议事会', () => {
  const PAGE = 'packages/resident/pages/council/index';

  test('附议 once on an open topic; a finished one shows its decision and is rated with a face', async () => {
    let supported = false;
    const done = topicView({
      topicId: 't-garbage',
      title: '垃圾投放点太远',
      category: 'garbage',
      status: 'done',
      mine: true,
      resolution: {
        text: '在3号楼旁加一个投放点',
        owner: '物业公司',
        dueDate: '2026-12-31',
        recordedAt: '2026-11-10T02:00:00.000Z',
        overdue: false,
      },
      progress: [{ note: '投放点已建好', at: '2026-11-20T02:00:00.000Z' }],
      doneAt: '2026-11-20T02:00:00.000Z',
      canRate: true,
    });
    const rendered = await renderPage(PAGE, {
      cloud: (call) => {
        const { action } = call.data;
        if (action === 'whoami') return ok({ member: resident, homeCenter: HOME_CENTER });
        if (action === 'list')
          return ok({
            topics: [topicView({ supported, supporters: supported ? 5 : 4 }), done],
            meetings: [],
            idle: 0,
            overdue: 0,
          });
        if (action === 'support') {
          supported = true;
          return ok({ topicId: 't-parking', supporters: 5 });
        }
        if (action === 'rateOutcome') return ok({ topicId: 't-garbage', rating: 4 });
        throw new Error(`unexpected ${call.name}.${String(action)}`);
      },
    });
    await rendered.waitFor(() => rendered.text().includes('正在征集的议题'), 'the council');
    expect(rendered.text()).toContain('4 人附议');
    expect(rendered.text()).toContain('在3号楼旁加一个投放点');
    expect(rendered.text()).toContain('2026年12月31日');
    expect(rendered.text()).toContain('投放点已建好');
    expect(rendered.text()).not.toMatch(/o-|openid|138/);

    rendered.find('.btn', '附议 (+1)')?.dispatchEvent('tap');
    await rendered.waitFor(() => rendered.text().includes('✓ 您已附议'), 'the +1');
    expect(rendered.text()).toContain('5 人附议');
    expect(actionCalls(rendered, 'support')[0]?.data).toMatchObject({ topicId: 't-parking' });

    rendered.find('.btn', '提交评价')?.dispatchEvent('tap');
    await rendered.waitFor(() => rendered.text().includes('⚠ 请选择满意度'), 'the missing rating');
    expect(actionCalls(rendered, 'rateOutcome')).toEqual([]);
    rendered.find('.face', '🙂满意')?.dispatchEvent('tap');
    await rendered.waitFor(() => rendered.text().includes('✓ 满意'), 'the face');
    rendered.find('.btn', '提交评价')?.dispatchEvent('tap');
    await rendered.waitFor(() => actionCalls(rendered, 'rateOutcome').length === 1, 'the rating');
    expect(actionCalls(rendered, 'rateOutcome')[0]?.data).toMatchObject({ topicId: 't-garbage', rating: 4 });
  });
});

describe('社工的议事会议程', () => {
  const PAGE = 'packages/staff/pages/council/index';
  const began = hoursFromNow(-1);
  const meeting = activityView({
    id: 'a-council',
    category: 'micro_governance',
    title: '十二月邻里议事会',
    startAt: hoursFromNow(48),
    endAt: hoursFromNow(50),
    signupDeadline: hoursFromNow(47),
  });
  const draftMeeting = activityView({
    id: 'a-draft',
    category: 'micro_governance',
    title: '还没发布的议事会',
    status: 'draft',
    startAt: hoursFromNow(72),
    endAt: hoursFromNow(74),
    signupDeadline: hoursFromNow(71),
  });
  const scheduledTopic = topicView({
    topicId: 't-safety',
    title: '楼道堆放杂物',
    category: 'safety',
    status: 'scheduled',
    meeting: { activityId: 'a-began', title: '十一月议事会', startAt: hoursFromNow(24), place: '二楼' },
  });
  const overdueTopic = topicView({
    topicId: 't-light',
    title: '路灯坏了没人修',
    category: 'safety',
    status: 'resolved',
    idle: true,
    resolution: {
      text: '物业一周内修好',
      owner: '物业公司',
      dueDate: '2026-01-31',
      recordedAt: '2026-01-10T02:00:00.000Z',
      overdue: true,
    },
  });

  function cloud(call: CloudCall) {
    const { action } = call.data;
    if (action === 'whoami') return ok({ member: staff, homeCenter: null });
    if (action === 'list')
      return ok({
        topics: [topicView(), scheduledTopic, overdueTopic],
        meetings: [
          {
            activityId: 'a-began',
            title: '十一月议事会',
            // The meeting as it stands now: moved earlier since the topic was put on it.
            startAt: began,
            place: '二楼',
            status: 'published',
            roles: ['居民代表', '物业公司'],
            minutes: null,
            topicIds: ['t-safety'],
          },
        ],
        idle: 1,
        overdue: 1,
      });
    if (action === 'listMonth')
      return ok({
        centerId: 'c-chaoyang',
        centerName: '朝阳幸福邻里中心',
        month: String(call.data.month),
        activities: call.data.month === meeting.month ? [] : [meeting, draftMeeting],
      });
    if (action === 'schedule') return ok({ activityId: 'a-council', scheduled: 1 });
    throw new Error(`unexpected ${call.name}.${String(action)}`);
  }

  test('markers in words; a scheduled topic whose meeting began offers 记录决议', async () => {
    const rendered = await renderPage(PAGE, { cloud });
    await rendered.waitFor(() => rendered.text().includes('征集中：可以安排上会'), 'the agenda');
    expect(rendered.text()).toContain('⚠ 1 个议题超过30天没有进展');
    expect(rendered.text()).toContain('⚠ 1 个决议过了完成期限还没办结');
    expect(rendered.text()).toContain('⚠ 30天没有进展');
    expect(rendered.text()).toContain('⚠ 已过完成期限');
    expect(rendered.text()).toContain('参会方居民代表、物业公司');

    rendered.find('.btn', '记录决议')?.dispatchEvent('tap');
    await rendered.waitFor(() => rendered.text().includes('决议：定下来怎么办'), 'the decision form');
    expect(rendered.text()).toContain('会议纪要（可不填）');
  });

  test('choose a topic, a published meeting and the parties, then 安排到议事会', async () => {
    const rendered = await renderPage(PAGE, { cloud });
    await rendered.waitFor(() => rendered.text().includes('安排到议事会（已选 0 个议题）'), 'the agenda');
    rendered.find('.btn', '选入议事会')?.dispatchEvent('tap');
    await rendered.waitFor(() => rendered.text().includes('十二月邻里议事会'), 'the meetings');
    expect(rendered.text()).toContain('安排到议事会（已选 1 个议题）');
    expect(rendered.text()).toContain('草稿：请先在活动清单里发布');

    rendered.find('.btn', '安排到议事会')?.dispatchEvent('tap');
    await rendered.waitFor(() => rendered.text().includes('⚠ 请提供议事会活动'), 'the missing meeting');
    expect(actionCalls(rendered, 'schedule')).toEqual([]);

    rendered.find('.choice__label', '还没发布的议事会')?.dispatchEvent('tap');
    rendered.find('.choice__label', '十二月邻里议事会')?.dispatchEvent('tap');
    rendered.find('.chip', '人大代表')?.dispatchEvent('tap');
    await rendered.waitFor(() => rendered.text().includes('✓ 人大代表'), 'the role');
    rendered.find('.btn', '安排到议事会')?.dispatchEvent('tap');
    await rendered.waitFor(() => actionCalls(rendered, 'schedule').length === 1, 'the schedule call');
    expect(actionCalls(rendered, 'schedule')[0]?.data).toMatchObject({
      topicIds: ['t-parking'],
      activityId: 'a-council',
      roles: ['人大代表'],
    });
  });
});
