/**
 * Needs and feedback through `/fn`: the two ends of the loop (需求摸排 → … → 反馈评价), and every attempt to act
 * on someone else's things.
 */
import { COLLECTIONS } from '../../shared/collections';
import { monthOf } from '../../shared/rules/time';
import { draftActivity } from '../support/activities';
import { type Caller, callerFor, fixtureDatabase, unwrap } from '../support/client';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let staff: Caller;
let hefuStaff: Caller;
let wang: Caller;
let zhang: Caller;

beforeAll(async () => {
  stack = await startStack({ seed: true });
  staff = await callerFor(stack, 'staff-chaoyang');
  hefuStaff = await callerFor(stack, 'staff-hefu');
  wang = await callerFor(stack, 'resident-wang');
  zhang = await callerFor(stack, 'resident-zhang');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const stats = async (centerId: string, month: string) =>
  (
    (await fixtureDatabase(stack).collection(COLLECTIONS.stats).doc(`${centerId}_${month}`).get())
      .data as Record<string, number>[]
  )[0] ?? {};

describe('needs', () => {
  test('report, similar suggestions, support once, reply and plan: the reporter sees the reply and 已安排', async () => {
    const { needId, held } = unwrap(
      await wang('needs', 'report', {
        centerId: 'c-chaoyang',
        category: 'convenience',
        text: '小区门口的路灯坏了，晚上很黑',
      }),
    );
    expect(held).toBe(false);
    const similar = unwrap(await zhang('needs', 'similar', { centerId: 'c-chaoyang', text: '路灯坏了好久' }));
    expect(similar.needs.map((n) => n.needId)).toContain(needId);

    expect(unwrap(await zhang('needs', 'support', { needId })).supporters).toBe(1);
    expect(unwrap(await zhang('needs', 'support', { needId })).supporters).toBe(1);
    expect(unwrap(await wang('needs', 'support', { needId })).supporters).toBe(1);

    const inbox = unwrap(await staff('needs', 'listForCenter', {}));
    const listed = inbox.needs.find((n) => n.needId === needId);
    expect(listed).toMatchObject({ supporters: 1, status: 'submitted', overdue: false });
    expect(JSON.stringify(inbox)).not.toContain('demo-resident-wang');

    expect(unwrap(await staff('needs', 'reply', { needId, text: '已报物业，下周修好' }))).toEqual({
      needId,
      status: 'acknowledged',
    });
    const draft = draftActivity({ title: '便民维修日', category: 'convenience', needIds: [needId] }, 40);
    const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));

    const mine = unwrap(await wang('needs', 'mine', {})).needs.find((n) => n.needId === needId);
    expect(mine).toMatchObject({
      status: 'planned',
      mine: true,
      replies: [{ text: '已报物业，下周修好', by: '李娜' }],
      activities: [{ activityId, title: '便民维修日', open: false }],
    });
    const supporterView = unwrap(await zhang('needs', 'mine', {})).needs.find((n) => n.needId === needId);
    expect(supporterView).toMatchObject({ mine: false, status: 'planned' });
    const wangInbox = unwrap(await wang('notify', 'inbox', {})).messages.filter((m) => m.needId === needId);
    expect(wangInbox.map((m) => m.kind).sort()).toEqual(['need_planned', 'need_reply']);
    const zhangInbox = unwrap(await zhang('notify', 'inbox', {})).messages.filter((m) => m.needId === needId);
    expect(zhangInbox.map((m) => m.kind)).toEqual(['need_planned']);

    // Once the month is published, residents can open the planned activity.
    unwrap(await staff('activities', 'publishMonth', { month: monthOf(draft.startAt) }));
    expect(
      unwrap(await wang('needs', 'mine', {})).needs.find((n) => n.needId === needId)?.activities,
    ).toEqual([expect.objectContaining({ activityId, open: true })]);

    // Saving it again links nothing twice and tells nobody twice.
    unwrap(await staff('activities', 'saveDraft', { ...draft, activityId }));
    expect(
      unwrap(await wang('needs', 'mine', {})).needs.find((n) => n.needId === needId)?.activities,
    ).toHaveLength(1);
    expect(
      unwrap(await zhang('notify', 'inbox', {})).messages.filter((m) => m.needId === needId),
    ).toHaveLength(1);
  });

  test('flagged text is held: visible to its reporter and to staff, never suggested to others', async () => {
    const { needId, held } = unwrap(
      await zhang('needs', 'report', {
        centerId: 'c-chaoyang',
        category: 'other',
        text: '楼下有人聚众赌博，吵得睡不着',
      }),
    );
    expect(held).toBe(true);
    expect(unwrap(await zhang('needs', 'mine', {})).needs.find((n) => n.needId === needId)).toMatchObject({
      held: true,
    });
    const suggestions = unwrap(
      await wang('needs', 'similar', { centerId: 'c-chaoyang', text: '楼下有人聚众赌博' }),
    );
    expect(suggestions.needs.map((n) => n.needId)).not.toContain(needId);
    expect(await wang('needs', 'support', { needId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      unwrap(await staff('needs', 'listForCenter', {})).needs.find((n) => n.needId === needId),
    ).toMatchObject({ held: true });
  });

  test('cross-scope attempts are refused; declining needs a reason; bad input names the field', async () => {
    const { needId } = unwrap(
      await wang('needs', 'report', {
        centerId: 'c-chaoyang',
        category: 'culture_sports',
        text: '想学广场舞',
      }),
    );
    expect(await hefuStaff('needs', 'reply', { needId, text: '不是我们中心的' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await hefuStaff('needs', 'setStatus', { needId, status: 'resolved' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await wang('needs', 'setStatus', { needId, status: 'resolved' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await zhang('needs', 'listForCenter', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(unwrap(await hefuStaff('needs', 'listForCenter', {})).needs.map((n) => n.needId)).not.toContain(
      needId,
    );

    expect(await staff('needs', 'setStatus', { needId, status: 'declined' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'reason' }] },
    });
    expect(
      await wang('needs', 'report', { centerId: 'c-chaoyang', category: 'other', text: '长'.repeat(501) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'text', message: '最多500个字' }] },
    });
    expect(
      await wang('needs', 'report', { centerId: 'c-panggongqiao', category: 'other', text: '建设中的中心' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'centerId' }] },
    });
    unwrap(await staff('needs', 'setStatus', { needId, status: 'declined', reason: '场地不够' }));
    expect(unwrap(await wang('needs', 'mine', {})).needs.find((n) => n.needId === needId)).toMatchObject({
      status: 'declined',
      reason: '场地不够',
    });
  });

  test('a need unanswered for 7 days is overdue and flagged once, even by two timer runs at once', async () => {
    const { needId } = unwrap(
      await wang('needs', 'report', { centerId: 'c-chaoyang', category: 'other', text: '公园长椅坏了' }),
    );
    await fixtureDatabase(stack)
      .collection(COLLECTIONS.needs)
      .doc(needId)
      .update({ createdAt: new Date(Date.now() - 8 * 24 * 3600_000) });
    const listed = unwrap(await staff('needs', 'listForCenter', {}));
    expect(listed.needs.find((n) => n.needId === needId)?.overdue).toBe(true);
    expect(listed.overdue).toBeGreaterThanOrEqual(1);
    const month = monthOf(new Date());
    const before = (await stats('c-chaoyang', month)).needsOverdue ?? 0;
    const overlapping = await Promise.all([
      stack.timer('needs', 'flagOverdue'),
      stack.timer('needs', 'flagOverdue'),
    ]);
    for (const reply of overlapping) expect(reply).toMatchObject({ ok: true });
    expect(await stack.timer('needs', 'flagOverdue')).toMatchObject({ ok: true, data: { flagged: 0 } });
    expect((await stats('c-chaoyang', month)).needsOverdue).toBe(before + 1);
  });
});

describe('feedback', () => {
  async function attended(caller: Caller, title: string) {
    const start = Date.now() + 30 * 60_000;
    const draft = draftActivity({
      title,
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 3600_000).toISOString(),
      signupDeadline: new Date(start - 10 * 60_000).toISOString(),
    });
    const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
    unwrap(await staff('activities', 'publishMonth', { month: monthOf(draft.startAt) }));
    const reg = unwrap(await caller('registrations', 'signUp', { activityId }));
    return { activityId, registrationId: reg.registrationId, month: monthOf(draft.startAt) };
  }

  test('only after attending; updating within the window moves the counters by the difference', async () => {
    const { activityId, registrationId, month } = await attended(wang, '重阳节茶话会');
    expect(await wang('feedback', 'submit', { registrationId, rating: 5 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '签到参加后才能评价' },
    });
    unwrap(await staff('checkin', 'manual', { registrationId }));
    expect(unwrap(await wang('feedback', 'mine', {})).toRate.map((r) => r.registrationId)).toContain(
      registrationId,
    );

    const before = await stats('c-chaoyang', month);
    expect(
      unwrap(await wang('feedback', 'submit', { registrationId, rating: 4, tags: ['内容实用', '组织有序'] })),
    ).toMatchObject({
      updated: false,
    });
    expect(
      unwrap(
        await wang('feedback', 'submit', {
          registrationId,
          rating: 2,
          tags: ['内容实用'],
          comment: '时间太短了',
        }),
      ),
    ).toMatchObject({ updated: true, held: false });
    const after = await stats('c-chaoyang', month);
    expect((after.ratings ?? 0) - (before.ratings ?? 0)).toBe(1);
    expect((after.ratingSum ?? 0) - (before.ratingSum ?? 0)).toBe(2);
    expect((after.rating2 ?? 0) - (before.rating2 ?? 0)).toBe(1);
    expect((after.rating4 ?? 0) - (before.rating4 ?? 0)).toBe(0);
    expect((after.tag1 ?? 0) - (before.tag1 ?? 0)).toBe(0);

    const view = unwrap(await staff('feedback', 'forActivity', { activityId }));
    expect(view).toMatchObject({
      count: 1,
      average: null,
      histogram: [0, 1, 0, 0, 0],
      comments: [{ rating: 2, comment: '时间太短了' }],
    });
    expect(JSON.stringify(view)).not.toContain('王秀英');
    expect(unwrap(await wang('feedback', 'mine', {})).toRate.map((r) => r.registrationId)).not.toContain(
      registrationId,
    );
  });

  test('cross-scope: another resident, another center; bad ratings; the window closes', async () => {
    const { registrationId } = await attended(zhang, '包饺子');
    unwrap(await staff('checkin', 'manual', { registrationId }));
    expect(await wang('feedback', 'submit', { registrationId, rating: 5 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await hefuStaff('feedback', 'submit', { registrationId, rating: 5 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    for (const rating of [0, 6, 3.5]) {
      expect(await zhang('feedback', 'submit', { registrationId, rating })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', issues: [{ field: 'rating' }] },
      });
    }
    // Staff record it for a resident without a phone: marked as proxy.
    expect(
      unwrap(await staff('feedback', 'submit', { registrationId, rating: 5, tags: ['希望再办'] })),
    ).toMatchObject({ updated: false });
    expect(
      unwrap(await zhang('feedback', 'mine', {})).feedback.find((f) => f.registrationId === registrationId),
    ).toMatchObject({
      proxy: true,
      rating: 5,
    });
    await fixtureDatabase(stack)
      .collection(COLLECTIONS.registrations)
      .doc(registrationId)
      .update({ endAt: new Date(Date.now() - 8 * 24 * 3600_000) });
    expect(await zhang('feedback', 'submit', { registrationId, rating: 4 })).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    });
  });

  test('the average appears from the third rating on', async () => {
    const people = ['resident-wang', 'resident-zhang', 'resident-zhou'];
    const start = Date.now() + 30 * 60_000;
    const draft = draftActivity({
      title: '健康操',
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 3600_000).toISOString(),
      signupDeadline: new Date(start - 10 * 60_000).toISOString(),
    });
    const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
    unwrap(await staff('activities', 'publishMonth', { month: monthOf(draft.startAt) }));
    const averages: (number | null)[] = [];
    for (const [i, p] of people.entries()) {
      const caller = await callerFor(stack, p);
      const { registrationId } = unwrap(await caller('registrations', 'signUp', { activityId }));
      unwrap(await staff('checkin', 'manual', { registrationId }));
      unwrap(await caller('feedback', 'submit', { registrationId, rating: [5, 4, 4][i] as number }));
      averages.push(unwrap(await staff('feedback', 'forActivity', { activityId })).average);
    }
    expect(averages).toEqual([null, null, 4.3]);
  });
});
