/**
 * Check-in at the door through `/fn`: passes, scans, manual and walk-in check-in, closing, and everything that
 * must be refused.
 */
import { requestKey } from '../../cloudfunctions/kit/idempotency';
import { COLLECTIONS } from '../../shared/collections';
import type { InputOf } from '../../shared/contract';
import { passPayload } from '../../shared/rules/pass';
import { monthOf } from '../../shared/rules/time';
import { draftActivity } from '../support/activities';
import { type Caller, callerFor, fixtureDatabase, unwrap } from '../support/client';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let staff: Caller;
let wang: Caller;
let zhang: Caller;

beforeAll(async () => {
  stack = await startStack({ seed: true });
  staff = await callerFor(stack, 'staff-chaoyang');
  wang = await callerFor(stack, 'resident-wang');
  zhang = await callerFor(stack, 'resident-zhang');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

/** The `checkin` function's minute timer: counts the check-ins made since its last round. */
async function tally(): Promise<number> {
  const reply = (await stack.timer('checkin', 'tally')) as { ok: boolean; data: { tallied: number } };
  expect(reply.ok).toBe(true);
  return reply.data.tallied;
}

/** An activity of 朝阳 starting in half an hour: check-in is already open. */
async function startingSoon(overrides: Partial<InputOf<'activities', 'saveDraft'>> = {}) {
  const start = Date.now() + 30 * 60_000;
  const draft = draftActivity({
    title: '社区义诊',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * 3600_000).toISOString(),
    signupDeadline: new Date(start - 10 * 60_000).toISOString(),
    ...overrides,
  });
  const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
  unwrap(await staff('activities', 'publishMonth', { month: monthOf(draft.startAt) }));
  return activityId;
}

test('a confirmed resident gets a pass; staff scan it: 签到成功, then 已签到, and the resident sees 已签到', async () => {
  const activityId = await startingSoon();
  const reg = unwrap(await wang('registrations', 'signUp', { activityId }));
  const pass = unwrap(await wang('checkin', 'pass', { registrationId: reg.registrationId }));
  expect(pass).toMatchObject({
    stepSeconds: 30,
    displayName: '王秀英',
    activityTitle: '社区义诊',
    status: 'confirmed',
  });
  expect(pass.payload.length).toBeLessThanOrEqual(200);
  // The phone computes the same code offline from the secret.
  expect(passPayload(pass.passId, pass.secret, Date.now())).toBe(pass.payload);

  const first = unwrap(await staff('checkin', 'scan', { code: pass.payload }));
  expect(first).toMatchObject({
    result: 'checked_in',
    message: '签到成功',
    displayName: '王秀英',
    activityTitle: '社区义诊',
  });
  expect(first.checkedInAt).not.toBeNull();
  const again = unwrap(await staff('checkin', 'scan', { code: pass.payload }));
  expect(again).toMatchObject({ result: 'already', message: '已签到', checkedInAt: first.checkedInAt });

  const mine = unwrap(await wang('registrations', 'mine', {}));
  expect(mine.upcoming.find((r) => r.registrationId === reg.registrationId)?.status).toBe('attended');
  // The same pass again later, even when re-issued, stays the same pass.
  expect(unwrap(await wang('checkin', 'pass', { registrationId: reg.registrationId })).passId).toBe(
    pass.passId,
  );
});

test('refusals: residents cannot scan, a code longer than any pass is VALIDATION, forged and old codes fail', async () => {
  const activityId = await startingSoon();
  const reg = unwrap(await zhang('registrations', 'signUp', { activityId }));
  const pass = unwrap(await zhang('checkin', 'pass', { registrationId: reg.registrationId }));

  expect(await zhang('checkin', 'scan', { code: pass.payload })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  // Someone refused at the door and then made staff of the center can scan at once: refusals are not remembered.
  const newcomer = await callerFor(stack, 'o-door-newcomer');
  expect(await newcomer('checkin', 'scan', { code: 'hello' })).toMatchObject({
    error: { code: 'FORBIDDEN' },
  });
  await fixtureDatabase(stack)
    .collection(COLLECTIONS.members)
    .doc('o-door-newcomer')
    .update({ role: 'staff', centerId: 'c-chaoyang' });
  expect(unwrap(await newcomer('checkin', 'scan', { code: 'hello' })).result).toBe('invalid');
  expect(await staff('checkin', 'scan', { code: `${pass.payload}${'X'.repeat(80)}` })).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', issues: [{ field: 'code' }] },
  });
  expect(unwrap(await staff('checkin', 'scan', { code: 'hello' })).result).toBe('invalid');
  const forged = `${pass.payload.slice(0, -1)}${pass.payload.endsWith('0') ? '1' : '0'}`;
  expect(unwrap(await staff('checkin', 'scan', { code: forged })).result).toBe('invalid');
  const screenshot = passPayload(pass.passId, pass.secret, Date.now() - 95_000);
  expect(unwrap(await staff('checkin', 'scan', { code: screenshot }))).toMatchObject({
    result: 'expired',
    message: '二维码已过期',
  });
  // Nothing above checked anyone in.
  expect(
    unwrap(await zhang('registrations', 'mine', {})).upcoming.find((r) => r.activityId === activityId)
      ?.status,
  ).toBe('confirmed');
});

test('staff of another center see 非本中心活动 and cannot check anyone in by hand', async () => {
  const activityId = await startingSoon();
  const reg = unwrap(await wang('registrations', 'signUp', { activityId }));
  const pass = unwrap(await wang('checkin', 'pass', { registrationId: reg.registrationId }));
  const hefu = await callerFor(stack, 'staff-hefu');
  expect(unwrap(await hefu('checkin', 'scan', { code: pass.payload }))).toMatchObject({
    result: 'other_center',
    message: '非本中心活动',
    displayName: null,
  });
  expect(await hefu('checkin', 'manual', { registrationId: reg.registrationId })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await hefu('checkin', 'search', { activityId, query: '' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});

test('outside the window: not open yet, and waitlisted people get no pass', async () => {
  const later = draftActivity({ title: '下周的讲座', capacity: 1 }, 7);
  const { activityId } = unwrap(await staff('activities', 'saveDraft', later));
  unwrap(await staff('activities', 'publishMonth', { month: monthOf(later.startAt) }));
  const a = unwrap(await wang('registrations', 'signUp', { activityId }));
  const b = unwrap(await zhang('registrations', 'signUp', { activityId }));
  const pass = unwrap(await wang('checkin', 'pass', { registrationId: a.registrationId }));
  expect(unwrap(await staff('checkin', 'scan', { code: pass.payload }))).toMatchObject({
    result: 'not_open',
    message: '不在签到时间',
  });
  expect(await zhang('checkin', 'pass', { registrationId: b.registrationId })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  expect(await zhang('checkin', 'pass', { registrationId: a.registrationId })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});

test('a pass of a registration cancelled after it was issued says 未报名或候补中', async () => {
  const activityId = await startingSoon();
  const reg = unwrap(await wang('registrations', 'signUp', { activityId }));
  const pass = unwrap(await wang('checkin', 'pass', { registrationId: reg.registrationId }));
  // The deadline passed, so only the center could have cancelled: simulate it on the record.
  await fixtureDatabase(stack)
    .collection(COLLECTIONS.registrations)
    .doc(reg.registrationId)
    .update({ status: 'cancelled' });
  expect(unwrap(await staff('checkin', 'scan', { code: pass.payload }))).toMatchObject({
    result: 'not_confirmed',
    message: '未报名或候补中',
  });
});

test('50 simultaneous scans of one pass check in exactly once and count once', async () => {
  const activityId = await startingSoon();
  const reg = unwrap(await zhang('registrations', 'signUp', { activityId }));
  const pass = unwrap(await zhang('checkin', 'pass', { registrationId: reg.registrationId }));
  const results = await Promise.all(
    Array.from({ length: 50 }, () => staff('checkin', 'scan', { code: pass.payload })),
  );
  const outcomes = results.map((r) => unwrap(r).result);
  expect(outcomes.filter((r) => r === 'checked_in')).toHaveLength(1);
  expect(outcomes.filter((r) => r === 'already')).toHaveLength(49);
  // One audit entry, naming the staff member, once the check-in is counted.
  await tally();
  const db = fixtureDatabase(stack);
  const audit = (await db.collection(COLLECTIONS.audit).where({ targetId: reg.registrationId }).get()).data;
  expect(audit).toEqual([expect.objectContaining({ kind: 'checkin.scan', actor: 'demo-staff-chaoyang' })]);
  // The storm counted one attendance and the person at most once: the counters match a recount.
  const city = await callerFor(stack, 'city');
  expect(unwrap(await city('summary', 'rebuild', {})).drift).toEqual([]);
});

test('a scan retried with its request id (lost answer, or racing itself) hears 签到成功 again and counts once', async () => {
  const activityId = await startingSoon();
  const reg = unwrap(await wang('registrations', 'signUp', { activityId }));
  const pass = unwrap(await wang('checkin', 'pass', { registrationId: reg.registrationId }));
  const db = fixtureDatabase(stack);
  const [record] = (await db.collection(COLLECTIONS.registrations).doc(reg.registrationId).get()).data;
  const statsId = `${record.centerId}_${record.month}`;
  const attendances = async () =>
    ((await db.collection(COLLECTIONS.stats).doc(statsId).get()).data[0]?.attendances as number) ?? 0;
  const before = await attendances();

  const requestId = 'door-retry-0001';
  const first = unwrap(await staff('checkin', 'scan', { code: pass.payload, requestId }));
  const retried = unwrap(await staff('checkin', 'scan', { code: pass.payload, requestId }));
  expect(first.result).toBe('checked_in');
  expect(retried).toMatchObject({
    result: 'checked_in',
    message: '签到成功',
    checkedInAt: first.checkedInAt,
  });
  // Retries racing each other and the first attempt all hear 签到成功; only one checks in.
  const other = unwrap(await zhang('registrations', 'signUp', { activityId }));
  const otherPass = unwrap(await zhang('checkin', 'pass', { registrationId: other.registrationId }));
  const racing = await Promise.all(
    Array.from({ length: 5 }, () =>
      staff('checkin', 'scan', { code: otherPass.payload, requestId: 'door-retry-race' }),
    ),
  );
  expect(racing.map((r) => unwrap(r).result)).toEqual(Array(5).fill('checked_in'));
  // A new scan of the same pass is a new request: 已签到.
  const another = unwrap(
    await staff('checkin', 'scan', { code: pass.payload, requestId: 'door-retry-0002' }),
  );
  expect(another.result).toBe('already');
  // The door wrote only the check-ins; the tally counts them.
  expect(await attendances()).toBe(before);
  await tally();
  expect(await attendances()).toBe(before + 2);
  // The check-in keeps its request id instead of leaving a request record behind.
  const key = requestKey('checkin', 'scan', 'demo-staff-chaoyang', requestId);
  expect((await db.collection(COLLECTIONS.requests).doc(key).get()).data).toEqual([]);
});

test('manual check-in by name or phone tail, walk-ins while seats remain, then closing makes no-shows', async () => {
  const activityId = await startingSoon({ title: '老年人健康讲座', capacity: 4 });
  const db = fixtureDatabase(stack);
  const counters = async () =>
    (
      (
        await db
          .collection(COLLECTIONS.stats)
          .doc(`c-chaoyang_${monthOf(new Date())}`)
          .get()
      ).data as Record<string, number>[]
    )[0] ?? {};
  const before = await counters();
  unwrap(await zhang('registrations', 'signUp', { activityId }));
  const mother = unwrap(
    await zhang('registrations', 'signUp', { activityId, forMemberId: 'fm-zhang-mother' }),
  );
  unwrap(await wang('registrations', 'signUp', { activityId }));

  const byName = unwrap(await staff('checkin', 'search', { activityId, query: '桂兰' }));
  expect(byName.attendees).toEqual([
    expect.objectContaining({
      registrationId: mother.registrationId,
      displayName: '张桂兰',
      phoneMasked: '139****5678',
    }),
  ]);
  const byPhone = unwrap(await staff('checkin', 'search', { activityId, query: '5678' }));
  expect(byPhone.attendees.map((a) => a.displayName).sort()).toEqual(['张伟', '张桂兰'].sort());

  const tap = { registrationId: mother.registrationId, requestId: 'manual-tap-0001' };
  expect(unwrap(await staff('checkin', 'manual', tap))).toMatchObject({
    result: 'checked_in',
    displayName: '张桂兰',
  });
  // The same tap retried hears 签到成功 again; a new tap hears 已签到.
  expect(unwrap(await staff('checkin', 'manual', tap)).result).toBe('checked_in');
  expect(unwrap(await staff('checkin', 'manual', { registrationId: mother.registrationId })).result).toBe(
    'already',
  );

  expect(unwrap(await staff('checkin', 'walkIn', { activityId, displayName: '路过的李阿姨' }))).toMatchObject(
    {
      result: 'checked_in',
      displayName: '路过的李阿姨',
    },
  );
  expect(await staff('checkin', 'walkIn', { activityId, displayName: '又一位' })).toMatchObject({
    ok: false,
    error: { code: 'FULL' },
  });

  expect(await staff('checkin', 'close', { activityId })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  await fixtureDatabase(stack)
    .collection(COLLECTIONS.activities)
    .doc(activityId)
    .update({ endAt: new Date(Date.now() - 1000) });
  expect(unwrap(await staff('checkin', 'close', { activityId }))).toEqual({
    activityId,
    attended: 2,
    noShows: 2,
  });
  expect(unwrap(await staff('checkin', 'close', { activityId }))).toEqual({
    activityId,
    attended: 2,
    noShows: 2,
  });

  const history = unwrap(await zhang('registrations', 'mine', {}));
  const statuses = [...history.upcoming, ...history.past]
    .filter((r) => r.activityId === activityId)
    .map((r) => r.status);
  expect(statuses.sort()).toEqual(['attended', 'no_show']);

  await tally();
  const after = await counters();
  const added = (field: string) => (after[field] ?? 0) - (before[field] ?? 0);
  // Three signed up, one walked in; two came (one of them signed up by a relative), two did not.
  expect(
    Object.fromEntries(
      [
        'activitiesHeld',
        'registrations',
        'attendances',
        'uniqueResidents',
        'noShows',
        'checkinsManual',
        'checkinsWalkIn',
        'attendancesProxy',
      ].map((f) => [f, added(f)]),
    ),
  ).toEqual({
    activitiesHeld: 1,
    registrations: 4,
    attendances: 2,
    uniqueResidents: 2,
    noShows: 2,
    checkinsManual: 1,
    checkinsWalkIn: 1,
    attendancesProxy: 1,
  });
  const audit = (await db.collection(COLLECTIONS.audit).where({ targetId: mother.registrationId }).get())
    .data as {
    kind: string;
    actor: string;
  }[];
  expect(audit).toEqual([expect.objectContaining({ kind: 'checkin.manual', actor: 'demo-staff-chaoyang' })]);
}, 60_000);

test('a summary counts the latest check-ins before it reads, and racing tallies count each once', async () => {
  const activityId = await startingSoon({ title: '书法兴趣班' });
  const db = fixtureDatabase(stack);
  await tally();
  const checkIn = async (resident: Caller, forMemberId?: string) => {
    const reg = unwrap(
      await resident('registrations', 'signUp', { activityId, ...(forMemberId ? { forMemberId } : {}) }),
    );
    const pass = unwrap(await resident('checkin', 'pass', { registrationId: reg.registrationId }));
    expect(unwrap(await staff('checkin', 'scan', { code: pass.payload })).result).toBe('checked_in');
    return reg.registrationId;
  };
  const month = monthOf(new Date());
  const attendances = async () =>
    unwrap(await staff('summary', 'center', { centerId: 'c-chaoyang', month })).figures.attendances;
  const before = await attendances();

  const first = await checkIn(wang);
  expect(await attendances()).toBe(before + 1);

  const others = [await checkIn(zhang), await checkIn(zhang, 'fm-zhang-mother')];
  const raced = await Promise.all([tally(), tally(), tally()]);
  expect(raced.reduce((a, b) => a + b, 0)).toBe(2);
  expect(await attendances()).toBe(before + 3);

  const ids = [first, ...others];
  const audit = await db
    .collection(COLLECTIONS.audit)
    .where({ targetId: db.command.in(ids) })
    .get();
  expect(audit.data.map((a: { targetId: string }) => a.targetId).sort()).toEqual([...ids].sort());
  const city = await callerFor(stack, 'city');
  expect(unwrap(await city('summary', 'rebuild', {})).drift).toEqual([]);
});

test('a person already counted this month by an imported marker is not counted twice', async () => {
  const activityId = await startingSoon({ title: '手工编织' });
  const month = monthOf(new Date());
  const figures = async () =>
    unwrap(await staff('summary', 'center', { centerId: 'c-chaoyang', month })).figures;
  const before = await figures();
  // Markers of the city generator (and of older versions) do not name the registration that made them.
  await fixtureDatabase(stack)
    .collection(COLLECTIONS.visitors)
    .add({ _id: `c-chaoyang_${month}_o-door-imported`, centerId: 'c-chaoyang', month, at: new Date() });
  const resident = await callerFor(stack, 'o-door-imported');
  const reg = unwrap(await resident('registrations', 'signUp', { activityId }));
  const pass = unwrap(await resident('checkin', 'pass', { registrationId: reg.registrationId }));
  expect(unwrap(await staff('checkin', 'scan', { code: pass.payload })).result).toBe('checked_in');
  const after = await figures();
  expect(after.attendances).toBe(before.attendances + 1);
  expect(after.uniqueResidents).toBe(before.uniqueResidents);
});
