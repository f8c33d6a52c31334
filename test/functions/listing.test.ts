/**
 * The month list and sign-ups through `/fn` with real sessions: publishing, seats and waitlist, cancellations by
 * residents and by the center, deadlines, family sign-ups, rosters and the messages people receive.
 */
import { COLLECTIONS } from '../../shared/collections';
import { monthOf } from '../../shared/rules/time';
import { draftActivity } from '../support/activities';
import { type Caller, callerFor, fixtureDatabase, unwrap } from '../support/client';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let staff: Caller;

beforeAll(async () => {
  stack = await startStack({ seed: true });
  staff = await callerFor(stack, 'staff-chaoyang');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

/** Drafts and publishes one activity of 朝阳 and returns its id. */
async function publishedActivity(overrides: Parameters<typeof draftActivity>[0] = {}, daysAhead = 10) {
  const draft = draftActivity(overrides, daysAhead);
  const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
  unwrap(await staff('activities', 'publishMonth', { month: monthOf(draft.startAt) }));
  return activityId;
}

async function countsMatchRecords(activityId: string) {
  const db = fixtureDatabase(stack);
  const [activity] = (await db.collection(COLLECTIONS.activities).doc(activityId).get()).data as {
    confirmed: number;
    waitlisted: number;
    capacity: number;
  }[];
  const count = async (status: string) =>
    (
      (await db.collection(COLLECTIONS.registrations).where({ activityId, status }).count()) as {
        total: number;
      }
    ).total;
  return { activity, confirmed: await count('confirmed'), waitlisted: await count('waitlisted') };
}

describe('publishing a month', () => {
  test('drafts stay invisible to residents until the month is published, then show seats left', async () => {
    const draft = draftActivity({ title: '剪纸兴趣班', capacity: 12 }, 12);
    const month = monthOf(draft.startAt);
    const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
    const resident = await callerFor(stack, 'resident-wang');

    const before = unwrap(await resident('activities', 'listMonth', { centerId: 'c-chaoyang', month }));
    expect(before.activities.map((a) => a.id)).not.toContain(activityId);
    expect(await resident('activities', 'get', { activityId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    const preview = unwrap(
      await staff('activities', 'listMonth', { centerId: 'c-chaoyang', month, includeDrafts: true }),
    );
    expect(preview.activities.find((a) => a.id === activityId)).toMatchObject({ status: 'draft' });

    expect(unwrap(await staff('activities', 'publishMonth', { month })).published).toBeGreaterThanOrEqual(1);
    expect(unwrap(await staff('activities', 'publishMonth', { month })).published).toBe(0);

    const after = unwrap(
      await resident('activities', 'listMonth', {
        centerId: 'c-chaoyang',
        month,
        category: 'culture_sports',
      }),
    );
    expect(after.activities.find((a) => a.id === activityId)).toMatchObject({
      title: '剪纸兴趣班',
      status: 'published',
      capacity: 12,
      seatsLeft: 12,
      signupOpen: true,
      mine: [],
    });
    const other = unwrap(
      await resident('activities', 'listMonth', { centerId: 'c-chaoyang', month, category: 'convenience' }),
    );
    expect(other.activities.map((a) => a.id)).not.toContain(activityId);
  });

  test('the month of an activity is the month of its start in China time', async () => {
    const draft = draftActivity({
      startAt: '2031-03-31T23:30:00+08:00',
      endAt: '2031-04-01T01:00:00+08:00',
      signupDeadline: '2031-03-31T20:00:00+08:00',
    });
    const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
    const march = unwrap(
      await staff('activities', 'listMonth', {
        centerId: 'c-chaoyang',
        month: '2031-03',
        includeDrafts: true,
      }),
    );
    expect(march.activities.map((a) => a.id)).toContain(activityId);
  });

  test('a month with an invalid draft publishes nothing and names the activity and the field', async () => {
    const db = fixtureDatabase(stack);
    const good = draftActivity({ title: '义诊量血压' }, 400);
    const bad = draftActivity({ title: '过期的草稿' }, 400);
    const month = monthOf(good.startAt);
    const { activityId: goodId } = unwrap(await staff('activities', 'saveDraft', good));
    const { activityId: badId } = unwrap(await staff('activities', 'saveDraft', bad));
    await db
      .collection(COLLECTIONS.activities)
      .doc(badId)
      .update({ signupDeadline: new Date(Date.now() - 1000) });

    const res = await staff('activities', 'publishMonth', { month });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: `activities.${badId}.signupDeadline` }] },
    });
    const still = unwrap(
      await staff('activities', 'listMonth', { centerId: 'c-chaoyang', month, includeDrafts: true }),
    );
    expect(still.activities.find((a) => a.id === goodId)?.status).toBe('draft');
  });

  test('bad input names the field and writes nothing', async () => {
    const before = unwrap(
      await staff('activities', 'listMonth', { centerId: 'c-chaoyang', includeDrafts: true }),
    );
    expect(await staff('activities', 'saveDraft', draftActivity({ capacity: -1 }, 1))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'capacity', message: '名额至少1人' }] },
    });
    const late = draftActivity({}, 1);
    expect(
      await staff('activities', 'saveDraft', {
        ...late,
        signupDeadline: new Date(Date.parse(late.startAt) + 60_000).toISOString(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ field: 'signupDeadline' }] } });
    const token = await stack.session('resident-wang');
    expect(
      await stack.call('registrations', { action: 'signUp', activityId: { $gt: '' } }, token),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'activityId' }] },
    });
    const after = unwrap(
      await staff('activities', 'listMonth', { centerId: 'c-chaoyang', includeDrafts: true }),
    );
    expect(after.activities).toHaveLength(before.activities.length);
  });

  test('residents cannot write the list; staff cannot touch another center', async () => {
    const resident = await callerFor(stack, 'resident-zhang');
    expect(await resident('activities', 'saveDraft', draftActivity())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const activityId = await publishedActivity({ title: '朝阳便民理发' });
    const otherStaff = await callerFor(stack, 'staff-hefu');
    expect(await otherStaff('activities', 'cancel', { activityId, reason: '不是我的' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await otherStaff('activities', 'saveDraft', { ...draftActivity(), activityId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await otherStaff('registrations', 'roster', { activityId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await otherStaff('activities', 'listMonth', { centerId: 'c-chaoyang', includeDrafts: true }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('signing up', () => {
  test('a seat is confirmed, a second call returns the first, and the resident gets a message', async () => {
    const activityId = await publishedActivity({ title: '手机使用课堂', capacity: 5 });
    const resident = await callerFor(stack, 'resident-wang');
    const first = unwrap(await resident('registrations', 'signUp', { activityId }));
    expect(first).toMatchObject({ status: 'confirmed', waitlistPosition: null, alreadyRegistered: false });
    const again = unwrap(await resident('registrations', 'signUp', { activityId }));
    expect(again).toMatchObject({
      registrationId: first.registrationId,
      status: 'confirmed',
      alreadyRegistered: true,
    });

    const view = unwrap(await resident('activities', 'get', { activityId })).activity;
    expect(view).toMatchObject({
      confirmed: 1,
      seatsLeft: 4,
      mine: [{ registrationId: first.registrationId, status: 'confirmed' }],
    });
    const inbox = unwrap(await resident('notify', 'inbox', {}));
    expect(inbox.messages[0]).toMatchObject({
      kind: 'confirmed',
      title: '报名成功',
      activityId,
      read: false,
    });
    expect(inbox.messages[0]?.body).toContain('手机使用课堂');
  });

  test('one seat: the second resident waits, the first cancels, the second is promoted and told', async () => {
    const activityId = await publishedActivity({ title: '插花体验', capacity: 1 });
    const wang = await callerFor(stack, 'resident-wang');
    const zhang = await callerFor(stack, 'resident-zhang');
    const a = unwrap(await wang('registrations', 'signUp', { activityId }));
    const b = unwrap(await zhang('registrations', 'signUp', { activityId }));
    expect(a.status).toBe('confirmed');
    expect(b).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    expect(await zhang('registrations', 'cancel', { registrationId: a.registrationId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(unwrap(await wang('registrations', 'cancel', { registrationId: a.registrationId }))).toEqual({
      registrationId: a.registrationId,
      status: 'cancelled',
      promoted: true,
    });
    const mine = unwrap(await zhang('registrations', 'mine', {}));
    expect(mine.upcoming.find((r) => r.activityId === activityId)).toMatchObject({
      status: 'confirmed',
      waitlistPosition: null,
    });
    const inbox = unwrap(await zhang('notify', 'inbox', {}));
    expect(inbox.messages.find((m) => m.activityId === activityId)).toMatchObject({ kind: 'promoted' });
    expect(await countsMatchRecords(activityId)).toMatchObject({
      activity: { confirmed: 1, waitlisted: 0 },
      confirmed: 1,
      waitlisted: 0,
    });

    // Cancelling twice is harmless.
    expect(unwrap(await wang('registrations', 'cancel', { registrationId: a.registrationId })).promoted).toBe(
      false,
    );
  });

  test('a resident signs up a family member without a phone; staff see who signed them up', async () => {
    const activityId = await publishedActivity({ title: '老年人健康讲座', capacity: 10 });
    const zhang = await callerFor(stack, 'resident-zhang');
    const forMother = unwrap(
      await zhang('registrations', 'signUp', { activityId, forMemberId: 'fm-zhang-mother' }),
    );
    const forSelf = unwrap(await zhang('registrations', 'signUp', { activityId }));
    expect(forMother.registrationId).not.toBe(forSelf.registrationId);
    expect(await zhang('registrations', 'signUp', { activityId, forMemberId: 'fm-not-mine' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'forMemberId' }] },
    });

    const roster = unwrap(await staff('registrations', 'roster', { activityId }));
    expect(roster.counts).toMatchObject({ confirmed: 2, waitlisted: 0 });
    expect(roster.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          displayName: '张桂兰',
          signedUpBy: '张伟',
          phoneMasked: '139****5678',
          status: 'confirmed',
        }),
        expect.objectContaining({ displayName: '张伟', signedUpBy: null, phoneMasked: '139****5678' }),
      ]),
    );
    expect(JSON.stringify(roster)).not.toContain('13967205678');
  });

  test('after the deadline: no sign-up and no cancel', async () => {
    const activityId = await publishedActivity({ title: '包粽子' });
    const wang = await callerFor(stack, 'resident-wang');
    const reg = unwrap(await wang('registrations', 'signUp', { activityId }));
    await fixtureDatabase(stack)
      .collection(COLLECTIONS.activities)
      .doc(activityId)
      .update({ signupDeadline: new Date(Date.now() - 1000) });
    const zhang = await callerFor(stack, 'resident-zhang');
    expect(await zhang('registrations', 'signUp', { activityId })).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: '报名已截止' },
    });
    expect(await wang('registrations', 'cancel', { registrationId: reg.registrationId })).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    });
  });

  test('the center cancels: registrations are kept as cancelled by the center and everyone is told', async () => {
    const activityId = await publishedActivity({ title: '广场舞比赛', capacity: 1 });
    const wang = await callerFor(stack, 'resident-wang');
    const zhang = await callerFor(stack, 'resident-zhang');
    unwrap(await wang('registrations', 'signUp', { activityId }));
    unwrap(await zhang('registrations', 'signUp', { activityId }));

    expect(unwrap(await staff('activities', 'cancel', { activityId, reason: '场地维修' }))).toEqual({
      activityId,
      cancelledRegistrations: 2,
    });
    // Repeating the cancel queues nothing twice.
    unwrap(await staff('activities', 'cancel', { activityId, reason: '场地维修' }));

    for (const caller of [wang, zhang]) {
      const mine = unwrap(await caller('registrations', 'mine', {}));
      expect(mine.upcoming.find((r) => r.activityId === activityId)).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'center',
        activity: { status: 'cancelled', cancelReason: '场地维修' },
      });
      const inbox = unwrap(await caller('notify', 'inbox', {}));
      const notices = inbox.messages.filter(
        (m) => m.activityId === activityId && m.kind === 'activity_cancelled',
      );
      expect(notices).toHaveLength(1);
      expect(notices[0]?.body).toContain('场地维修');
    }
    expect(await wang('registrations', 'signUp', { activityId })).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    });
    expect(await countsMatchRecords(activityId)).toMatchObject({
      activity: { confirmed: 0, waitlisted: 0 },
      confirmed: 0,
    });
  });

  test('capacity never drops below the confirmed count; raising it lets the waitlist in, in order', async () => {
    const draft = draftActivity({ title: '书法练习', capacity: 1 });
    const activityId = await publishedActivity(draft);
    const people = ['resident-wang', 'resident-zhang', 'resident-zhou', 'resident-chen'];
    const regs = [];
    for (const p of people)
      regs.push(unwrap(await (await callerFor(stack, p))('registrations', 'signUp', { activityId })));
    expect(regs.map((r) => r.status)).toEqual(['confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);

    const lower = await staff('activities', 'saveDraft', { ...draft, activityId, capacity: 1 });
    expect(lower).toMatchObject({ ok: true });
    const grow = unwrap(await staff('activities', 'saveDraft', { ...draft, activityId, capacity: 3 }));
    expect(grow).toMatchObject({ status: 'published', promoted: 2 });
    const roster = unwrap(await staff('registrations', 'roster', { activityId }));
    expect(roster.entries.map((e) => [e.displayName, e.status])).toEqual([
      ['王秀英', 'confirmed'],
      ['张伟', 'confirmed'],
      ['周建华', 'confirmed'],
      ['陈美华', 'waitlisted'],
    ]);
    expect(await staff('activities', 'saveDraft', { ...draft, activityId, capacity: 2 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'capacity', message: '名额不能少于已报名的3人' }] },
    });
  });

  test('a retried sign-up with the same requestId returns the first result', async () => {
    const activityId = await publishedActivity({ title: '重试测试活动', capacity: 3 });
    const liu = await callerFor(stack, 'resident-liu');
    const first = await liu('registrations', 'signUp', { activityId, requestId: 'signup-retry-0001' });
    const second = await liu('registrations', 'signUp', { activityId, requestId: 'signup-retry-0001' });
    expect(second).toEqual(first);
    expect(await countsMatchRecords(activityId)).toMatchObject({ confirmed: 1, activity: { confirmed: 1 } });
  });
});

describe('no overbooking under a crowd', () => {
  test('300 parallel sign-ups for 30 seats: exactly 30 confirmed, 270 waiting with distinct places', async () => {
    const activityId = await publishedActivity({ title: '春节联欢会', capacity: 30 });
    const callers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => callerFor(stack, `o-crowd-${i}`)),
    );
    const results = await Promise.all(callers.map((call) => call('registrations', 'signUp', { activityId })));
    const data = results.map(unwrap);
    expect(data.filter((r) => r.status === 'confirmed')).toHaveLength(30);
    const positions = data.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition);
    expect(positions).toHaveLength(270);
    expect(new Set(positions).size).toBe(270);
    expect(Math.max(...(positions as number[]))).toBe(270);
    expect(await countsMatchRecords(activityId)).toMatchObject({
      activity: { confirmed: 30, waitlisted: 270 },
      confirmed: 30,
      waitlisted: 270,
    });
  }, 120_000);
});
