/**
 * `councils` and `organizations` through /fn on the seeded world: a topic from proposal to a rated resolution,
 * scope and bad input, the counters against `summary.rebuild`, and the registry of community organizations.
 */
import fc from 'fast-check';
import { COLLECTIONS } from '../../shared/collections';
import { monthOf } from '../../shared/rules/time';
import { draftActivity } from '../support/activities';
import { type Caller, callerFor, fixtureDatabase, unwrap } from '../support/client';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let staff: Caller;
let otherStaff: Caller;
let office: Caller;
let otherOffice: Caller;
let city: Caller;
let wang: Caller;
let zhang: Caller;
const CENTER = 'c-chaoyang';

beforeAll(async () => {
  stack = await startStack({
    seed: true,
    log: (fn, level, text) => {
      if (level === 'error') process.stderr.write(`[${fn}] ${text}\n`);
    },
  });
  const as = (persona: string) => callerFor(stack, persona);
  [staff, otherStaff, office, otherOffice, city, wang, zhang] = await Promise.all([
    as('staff-chaoyang'),
    as('staff-feiying'),
    as('office-chaoyang'),
    as('office-feiying'),
    as('city'),
    as('resident-wang'),
    as('resident-zhang'),
  ]);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'OK' : res.error?.code);

/** A published council meeting (社区微治理) that, for the test, has already begun. */
async function meetingThatBegan(): Promise<string> {
  const start = Date.now() + 3 * 24 * 3600_000;
  const draft = draftActivity({
    category: 'micro_governance',
    title: '三月邻里议事会',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 2 * 3600_000).toISOString(),
    signupDeadline: new Date(start - 3600_000).toISOString(),
  });
  const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
  unwrap(await staff('activities', 'publishMonth', { month: monthOf(draft.startAt) }));
  return activityId;
}

async function begin(activityId: string) {
  await fixtureDatabase(stack)
    .collection(COLLECTIONS.activities)
    .doc(activityId)
    .update({ startAt: new Date(Date.now() - 3600_000) });
}

test('a topic from proposal to a resolution carried out, rated by the people who raised it', async () => {
  const { topicId, held } = unwrap(
    await wang('councils', 'propose', {
      centerId: CENTER,
      title: '小区晚上停车太乱',
      description: '晚上车子停到消防通道上，救护车进不来，希望商量个办法。',
      category: 'parking',
    }),
  );
  expect(held).toBe(false);
  expect(unwrap(await zhang('councils', 'support', { topicId })).supporters).toBe(1);
  expect(unwrap(await zhang('councils', 'support', { topicId })).supporters).toBe(1);
  expect(unwrap(await wang('councils', 'support', { topicId })).supporters).toBe(0 + 1);

  const seen = unwrap(await zhang('councils', 'list', { centerId: CENTER }));
  expect(seen.topics.find((t) => t.topicId === topicId)).toMatchObject({
    status: 'open',
    supporters: 1,
    supported: true,
    mine: false,
  });

  const meeting = await meetingThatBegan();
  // Not before the meeting: the decision is recorded after deliberation.
  expect(
    codeOf(
      await staff('councils', 'recordOutcome', {
        topicId,
        resolution: '划定夜间停车位',
        owner: '物业公司',
        dueDate: '2026-12-31',
      }),
    ),
  ).toBe('CONFLICT');
  const scheduled = unwrap(
    await staff('councils', 'schedule', {
      topicIds: [topicId],
      activityId: meeting,
      roles: ['居民代表', '物业公司', '人大代表'],
    }),
  );
  expect(scheduled.scheduled).toBe(1);
  expect(
    codeOf(
      await staff('councils', 'recordOutcome', {
        topicId,
        resolution: '划定夜间停车位',
        owner: '物业公司',
        dueDate: '2026-12-31',
      }),
    ),
  ).toBe('CONFLICT');
  await begin(meeting);
  unwrap(
    await staff('councils', 'recordOutcome', {
      topicId,
      resolution: '消防通道画黄线，物业夜间巡查，另划20个夜间停车位',
      owner: '物业公司',
      dueDate: '2026-12-31',
      minutes: '到会12人：居民代表8人、物业2人、人大代表1人、社工1人。',
    }),
  );
  // Rating waits until the topic is done.
  expect(codeOf(await wang('councils', 'rateOutcome', { topicId, rating: 5 }))).toBe('CONFLICT');
  unwrap(await staff('councils', 'progress', { topicId, note: '黄线已画好' }));
  unwrap(await staff('councils', 'progress', { topicId, note: '夜间停车位已启用', done: true }));
  expect(codeOf(await staff('councils', 'progress', { topicId, note: '再补一条' }))).toBe('CONFLICT');

  const after = unwrap(await wang('councils', 'list', { centerId: CENTER }));
  const topic = after.topics.find((t) => t.topicId === topicId);
  expect(topic).toMatchObject({
    status: 'done',
    mine: true,
    canRate: true,
    resolution: expect.objectContaining({ owner: '物业公司', dueDate: '2026-12-31' }),
  });
  expect(topic?.progress.map((p) => p.note)).toEqual(['黄线已画好', '夜间停车位已启用']);
  expect(after.meetings.find((m) => m.activityId === meeting)).toMatchObject({
    roles: ['居民代表', '物业公司', '人大代表'],
    topicIds: [topicId],
    minutes: expect.stringContaining('到会12人'),
  });

  expect(unwrap(await wang('councils', 'rateOutcome', { topicId, rating: 5 })).rating).toBe(5);
  expect(codeOf(await wang('councils', 'rateOutcome', { topicId, rating: 1 }))).toBe('CONFLICT');
  unwrap(await zhang('councils', 'rateOutcome', { topicId, rating: 4 }));
  const outsider = await callerFor(stack, 'o-outsider');
  expect(codeOf(await outsider('councils', 'rateOutcome', { topicId, rating: 1 }))).toBe('FORBIDDEN');

  // Proposer and supporter heard about every step.
  const inbox = unwrap(await zhang('notify', 'inbox', {}));
  expect(inbox.messages.map((m) => m.title)).toEqual(
    expect.arrayContaining(['议题将上议事会', '议题有了决议', '议题落实有进展', '议题已办结，请评价']),
  );
  // The street office sees it across its street; another street's office does not.
  const street = unwrap(await office('councils', 'list', {}));
  expect(street.topics.some((t) => t.topicId === topicId)).toBe(true);
  expect(codeOf(await otherOffice('councils', 'list', { centerId: CENTER }))).toBe('FORBIDDEN');
  expect(unwrap(await city('summary', 'rebuild', {})).drift).toEqual([]);
});

test('a need many support becomes a topic once, keeping its people', async () => {
  const { needId } = unwrap(
    await wang('needs', 'report', {
      centerId: CENTER,
      category: 'other',
      text: '垃圾分类投放点太远，老人扔垃圾不方便',
    }),
  );
  unwrap(await zhang('needs', 'support', { needId }));
  const first = unwrap(await staff('councils', 'raiseFromNeed', { needId }));
  const again = unwrap(await staff('councils', 'raiseFromNeed', { needId }));
  expect(first.created).toBe(true);
  expect(again).toEqual({ topicId: first.topicId, created: false });
  const topic = unwrap(await zhang('councils', 'list', { centerId: CENTER })).topics.find(
    (t) => t.topicId === first.topicId,
  );
  expect(topic).toMatchObject({ category: 'garbage', fromNeed: true, supporters: 1, supported: true });
  expect(codeOf(await otherStaff('councils', 'raiseFromNeed', { needId }))).toBe('FORBIDDEN');
  const inbox = unwrap(await staff('needs', 'listForCenter', {}));
  expect(inbox.needs.find((n) => n.needId === needId)?.topicId).toBe(first.topicId);
});

test('scope and bad input: residents cannot run the agenda; fields are named; nothing is written', async () => {
  const db = fixtureDatabase(stack);
  const before = ((await db.collection(COLLECTIONS.topics).count()) as { total: number }).total;
  for (const [input, field] of [
    [{ centerId: CENTER, title: '停车', description: '晚上停车太乱了', category: 'parking' }, 'title'],
    [{ centerId: CENTER, title: '晚上停车太乱', description: '乱', category: 'parking' }, 'description'],
    [
      { centerId: CENTER, title: '晚上停车太乱', description: '晚上停车太乱了', category: 'cars' },
      'category',
    ],
    [{ title: '晚上停车太乱', description: '晚上停车太乱了', category: 'parking' }, 'centerId'],
  ] as const) {
    const res = await wang('councils', 'propose', input as never);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!res.ok) expect(res.error.issues?.map((i) => i.field)).toContain(field);
  }
  expect(((await db.collection(COLLECTIONS.topics).count()) as { total: number }).total).toBe(before);

  const { topicId } = unwrap(
    await wang('councils', 'propose', {
      centerId: CENTER,
      title: '楼道堆放杂物',
      description: '楼道里堆了很多杂物，有消防隐患。',
      category: 'safety',
    }),
  );
  const meeting = await meetingThatBegan();
  expect(codeOf(await wang('councils', 'schedule', { topicIds: [topicId], activityId: meeting }))).toBe(
    'FORBIDDEN',
  );
  expect(codeOf(await otherStaff('councils', 'schedule', { topicIds: [topicId], activityId: meeting }))).toBe(
    'FORBIDDEN',
  );
  const bad = await staff('councils', 'schedule', {
    topicIds: [topicId],
    activityId: meeting,
    roles: ['路人'],
  } as never);
  expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(
    await staff('councils', 'recordOutcome', {
      topicId,
      resolution: '清理杂物',
      owner: '物业',
      dueDate: '2026-02-30x',
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', issues: [expect.objectContaining({ field: 'dueDate' })] },
  });
  expect(codeOf(await wang('councils', 'list', {}))).toBe('VALIDATION');
});

test('a topic nobody acted on for 30 days is flagged for staff and the street office; acting clears it', async () => {
  const { topicId } = unwrap(
    await wang('councils', 'propose', {
      centerId: CENTER,
      title: '小区门口缺个座椅',
      description: '老人买菜回来想歇歇脚，门口没有座椅。',
      category: 'other',
    }),
  );
  const flagged = (list: { topics: { topicId: string; idle: boolean }[] }) =>
    list.topics.find((t) => t.topicId === topicId)?.idle;
  expect(flagged(unwrap(await staff('councils', 'list', {})))).toBe(false);
  await fixtureDatabase(stack)
    .collection(COLLECTIONS.topics)
    .doc(topicId)
    .update({ lastActionAt: new Date(Date.now() - 31 * 24 * 3600_000) });
  const forStaff = unwrap(await staff('councils', 'list', {}));
  expect(flagged(forStaff)).toBe(true);
  expect(forStaff.idle).toBeGreaterThanOrEqual(1);
  expect(flagged(unwrap(await office('councils', 'list', {})))).toBe(true);
  const meeting = await meetingThatBegan();
  unwrap(await staff('councils', 'schedule', { topicIds: [topicId], activityId: meeting }));
  expect(flagged(unwrap(await staff('councils', 'list', {})))).toBe(false);
});

test('after any sequence of council steps the counters equal a recount', async () => {
  const meeting = await meetingThatBegan();
  await begin(meeting);
  const people = [wang, zhang];
  const step = fc.oneof(
    fc.record({ kind: fc.constant('propose' as const), who: fc.nat(1) }),
    fc.record({ kind: fc.constant('support' as const), who: fc.nat(1), topic: fc.nat(9) }),
    fc.record({ kind: fc.constant('schedule' as const), topic: fc.nat(9) }),
    fc.record({ kind: fc.constant('outcome' as const), topic: fc.nat(9) }),
    fc.record({ kind: fc.constant('progress' as const), topic: fc.nat(9), done: fc.boolean() }),
    fc.record({
      kind: fc.constant('rate' as const),
      who: fc.nat(1),
      topic: fc.nat(9),
      rating: fc.integer({ min: 1, max: 5 }),
    }),
    fc.record({ kind: fc.constant('register' as const), n: fc.nat(1_000_000) }),
  );
  const topics: string[] = [];
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
      for (const s of steps) {
        const topicId = 'topic' in s && topics.length ? topics[s.topic % topics.length] : undefined;
        const who = 'who' in s ? (people[s.who] as Caller) : wang;
        if (s.kind === 'propose') {
          const res = await who('councils', 'propose', {
            centerId: CENTER,
            title: `议题第${topics.length}号`,
            description: '请大家一起商量一下。',
            category: 'other',
          });
          topics.push(unwrap(res).topicId);
        } else if (s.kind === 'register') {
          await staff('organizations', 'register', {
            centerId: CENTER,
            name: `互助小组${s.n}`,
            type: '邻里互助',
            contactRole: '组长',
          });
        } else if (topicId && s.kind === 'support') {
          await who('councils', 'support', { topicId });
        } else if (topicId && s.kind === 'schedule') {
          await staff('councils', 'schedule', { topicIds: [topicId], activityId: meeting });
        } else if (topicId && s.kind === 'outcome') {
          await staff('councils', 'recordOutcome', {
            topicId,
            resolution: '按商议办理',
            owner: '居委会',
            dueDate: '2027-01-31',
          });
        } else if (topicId && s.kind === 'progress') {
          await staff('councils', 'progress', { topicId, note: '正在办理', done: s.done });
        } else if (topicId && s.kind === 'rate') {
          await who('councils', 'rateOutcome', { topicId, rating: s.rating });
        }
      }
      expect(unwrap(await city('summary', 'rebuild', {})).drift).toEqual([]);
    }),
    { numRuns: 15 },
  );
  const stats = (
    (
      await fixtureDatabase(stack)
        .collection(COLLECTIONS.stats)
        .doc(`${CENTER}_${monthOf(new Date())}`)
        .get()
    ).data as Record<string, number>[]
  )[0];
  expect(stats?.topicsProposed ?? 0).toBeGreaterThan(0);
}, 180_000);

test('the registry: staff register and update community organizations of their center; activities link them', async () => {
  const { organizationId } = unwrap(
    await staff('organizations', 'register', {
      centerId: CENTER,
      name: '朝阳银龄互助队',
      type: '扶老',
      contactRole: '队长',
    }),
  );
  expect(
    codeOf(
      await staff('organizations', 'register', {
        centerId: CENTER,
        name: '朝阳银龄互助队',
        type: '扶老',
        contactRole: '队长',
      }),
    ),
  ).toBe('CONFLICT');
  expect(
    codeOf(
      await otherStaff('organizations', 'register', {
        centerId: CENTER,
        name: '外来组织',
        type: '其他',
        contactRole: '会长',
      }),
    ),
  ).toBe('FORBIDDEN');
  expect(
    codeOf(
      await wang('organizations', 'register', {
        centerId: CENTER,
        name: '居民自建',
        type: '其他',
        contactRole: '会长',
      }),
    ),
  ).toBe('FORBIDDEN');
  expect(codeOf(await otherStaff('organizations', 'update', { organizationId, status: 'registered' }))).toBe(
    'FORBIDDEN',
  );
  unwrap(await office('organizations', 'update', { organizationId, status: 'registered' }));
  expect(codeOf(await staff('organizations', 'update', { organizationId }))).toBe('VALIDATION');

  const start = Date.now() + 5 * 24 * 3600_000;
  const draft = draftActivity({
    title: '银龄互助茶话会',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 3600_000).toISOString(),
    signupDeadline: new Date(start - 3600_000).toISOString(),
    organizationId,
  });
  const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
  unwrap(await staff('activities', 'publishMonth', { month: monthOf(draft.startAt) }));
  expect(unwrap(await wang('activities', 'get', { activityId })).activity).toMatchObject({
    organizationId,
    organizationName: '朝阳银龄互助队',
  });
  const foreign = await otherStaff('activities', 'saveDraft', { ...draft, organizationId });
  expect(foreign).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

  const listed = unwrap(await wang('organizations', 'list', { centerId: CENTER })).organizations;
  expect(listed.find((o) => o.organizationId === organizationId)).toMatchObject({
    kind: 'community',
    status: 'registered',
    contactRole: '队长',
    center: { id: CENTER, name: '朝阳幸福邻里中心' },
    activities: 1,
  });
  expect(listed.find((o) => o.kind === 'operator')).toMatchObject({
    name: '吴兴区向阳花社会工作服务中心',
    runs: expect.arrayContaining([expect.objectContaining({ centerId: CENTER })]),
  });
  expect(codeOf(await wang('organizations', 'list', {}))).toBe('VALIDATION');
});
