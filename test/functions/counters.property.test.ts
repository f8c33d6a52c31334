/**
 * The center's monthly counters are kept by increments on every write; whatever sequence of sign-ups,
 * cancellations, check-ins, walk-ins, reports, supports, replies, status changes and ratings happens, they must
 * equal a recount from the records: the test's own, and `summary.rebuild`'s, which must find no drift.
 */
import fc from 'fast-check';
import { COLLECTIONS } from '../../shared/collections';
import { FEEDBACK_TAGS } from '../../shared/contract/feedback';
import { tagCounter } from '../../shared/rules/feedback';
import { monthOf } from '../../shared/rules/time';
import { draftActivity } from '../support/activities';
import { type Caller, callerFor, fixtureDatabase, unwrap } from '../support/client';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let staff: Caller;
let city: Caller;
/** A small activity (2 seats) people sign up for, cancel and check in to during the property. */
let small = '';
const PEOPLE = 4;
const residents: Caller[] = [];
const registrations: string[] = [];
const CENTER = 'c-feiying';

beforeAll(async () => {
  stack = await startStack({
    seed: true,
    log: (fn, level, text) => {
      if (level === 'error') process.stderr.write(`[${fn}] ${text}\n`);
    },
  });
  staff = await callerFor(stack, 'staff-feiying');
  city = await callerFor(stack, 'city');
  const start = Date.now() + 30 * 60_000;
  const draft = draftActivity({
    title: '计数测试活动',
    startAt: new Date(start).toISOString(),
    endAt: new Date(start + 3600_000).toISOString(),
    signupDeadline: new Date(start - 10 * 60_000).toISOString(),
  });
  const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
  small = unwrap(
    await staff('activities', 'saveDraft', { ...draft, title: '两人小课', capacity: 2 }),
  ).activityId;
  unwrap(await staff('activities', 'publishMonth', { month: monthOf(draft.startAt) }));
  for (let i = 0; i < PEOPLE; i++) {
    const caller = await callerFor(stack, `o-count-${i}`);
    const { registrationId } = unwrap(await caller('registrations', 'signUp', { activityId }));
    unwrap(await staff('checkin', 'manual', { registrationId }));
    residents.push(caller);
    registrations.push(registrationId);
  }
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

type Step =
  | { kind: 'signUp'; who: number }
  | { kind: 'cancel'; who: number }
  | { kind: 'checkIn'; who: number }
  | { kind: 'walkIn' }
  | { kind: 'tally' }
  | { kind: 'report'; who: number }
  | { kind: 'support'; who: number; need: number }
  | { kind: 'reply'; need: number }
  | { kind: 'status'; need: number; status: 'acknowledged' | 'resolved' | 'declined' }
  | { kind: 'rate'; who: number; rating: number; tags: (typeof FEEDBACK_TAGS)[number][] };

const who = fc.nat(PEOPLE - 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('signUp' as const), who }),
  fc.record({ kind: fc.constant('cancel' as const), who }),
  fc.record({ kind: fc.constant('checkIn' as const), who }),
  fc.record({ kind: fc.constant('walkIn' as const) }),
  fc.record({ kind: fc.constant('tally' as const) }),
  fc.record({ kind: fc.constant('report' as const), who }),
  fc.record({ kind: fc.constant('support' as const), who, need: fc.nat(20) }),
  fc.record({ kind: fc.constant('reply' as const), need: fc.nat(20) }),
  fc.record({
    kind: fc.constant('status' as const),
    need: fc.nat(20),
    status: fc.constantFrom('acknowledged' as const, 'resolved' as const, 'declined' as const),
  }),
  fc.record({
    kind: fc.constant('rate' as const),
    who,
    rating: fc.integer({ min: 1, max: 5 }),
    tags: fc.uniqueArray(fc.constantFrom(...FEEDBACK_TAGS), { maxLength: 3 }),
  }),
);

async function recount(month: string) {
  const db = fixtureDatabase(stack);
  const needs = (await db.collection(COLLECTIONS.needs).where({ centerId: CENTER, month }).limit(1000).get())
    .data as {
    status: string;
    firstReplyAt: Date | null;
  }[];
  const feedback = (
    await db.collection(COLLECTIONS.feedback).where({ centerId: CENTER, month }).limit(1000).get()
  ).data as {
    rating: number;
    tags: string[];
  }[];
  const counts: Record<string, number> = {
    needsReported: needs.length,
    needsResolved: needs.filter((n) => n.status === 'resolved').length,
    needsDeclined: needs.filter((n) => n.status === 'declined').length,
    needsFirstReplies: needs.filter((n) => n.firstReplyAt).length,
    ratings: feedback.length,
    ratingSum: feedback.reduce((s, f) => s + f.rating, 0),
  };
  for (let r = 1; r <= 5; r++) counts[`rating${r}`] = feedback.filter((f) => f.rating === r).length;
  for (const tag of FEEDBACK_TAGS)
    counts[tagCounter(tag)] = feedback.filter((f) => f.tags.includes(tag)).length;
  return counts;
}

test('after any sequence of writes the counters equal a recount of the records', async () => {
  const needIds: string[] = [];
  const month = monthOf(new Date());
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
      const tallies: Promise<unknown>[] = [];
      for (const s of steps) {
        const mine = `${small}-${'who' in s ? `o-count-${s.who}` : ''}`;
        if (s.kind === 'signUp') {
          unwrap(await (residents[s.who] as Caller)('registrations', 'signUp', { activityId: small }));
        } else if (s.kind === 'cancel') {
          // Refused when there is nothing to cancel or the person already came: both leave the counters alone.
          await (residents[s.who] as Caller)('registrations', 'cancel', { registrationId: mine });
        } else if (s.kind === 'checkIn') {
          await staff('checkin', 'manual', { registrationId: mine });
        } else if (s.kind === 'walkIn') {
          await staff('checkin', 'walkIn', { activityId: small, displayName: '临时来访' });
        } else if (s.kind === 'tally') {
          // Not awaited: the minute's tally runs while the next steps check people in.
          tallies.push(stack.timer('checkin', 'tally'));
        }
        const needId = 'need' in s && needIds.length ? needIds[s.need % needIds.length] : undefined;
        if (s.kind === 'report') {
          const res = await (residents[s.who] as Caller)('needs', 'report', {
            centerId: CENTER,
            category: 'other',
            text: `需求${needIds.length}号`,
          });
          needIds.push(unwrap(res).needId);
        } else if (s.kind === 'support' && needId) {
          unwrap(await (residents[s.who] as Caller)('needs', 'support', { needId }));
        } else if (s.kind === 'reply' && needId) {
          unwrap(await staff('needs', 'reply', { needId, text: '收到' }));
        } else if (s.kind === 'status' && needId) {
          unwrap(await staff('needs', 'setStatus', { needId, status: s.status, reason: '原因说明' }));
        } else if (s.kind === 'rate') {
          const registrationId = registrations[s.who] as string;
          unwrap(
            await (residents[s.who] as Caller)('feedback', 'submit', {
              registrationId,
              rating: s.rating,
              tags: s.tags,
            }),
          );
        }
      }
      // Check-ins are counted by the minute's tally, which runs here as the timer would, after any still running.
      for (const reply of await Promise.all(tallies.splice(0))) expect(reply).toMatchObject({ ok: true });
      expect(await stack.timer('checkin', 'tally')).toMatchObject({ ok: true });
      const stats =
        (
          (await fixtureDatabase(stack).collection(COLLECTIONS.stats).doc(`${CENTER}_${month}`).get())
            .data as Record<string, number>[]
        )[0] ?? {};
      const expected = await recount(month);
      for (const [key, value] of Object.entries(expected))
        expect([key, stats[key] ?? 0]).toEqual([key, value]);
      const rebuilt = unwrap(await city('summary', 'rebuild', {}));
      expect(rebuilt.drift).toEqual([]);
    }),
    { numRuns: 20 },
  );
  // The runs did reach the door: sign-ups beyond the first activity's were counted, and people who came.
  // (Walk-ins succeed only while a seat is free, which a random run need not leave.)
  const stats = (
    (await fixtureDatabase(stack).collection(COLLECTIONS.stats).doc(`${CENTER}_${month}`).get())
      .data as Record<string, number>[]
  )[0];
  expect(stats?.registrations ?? 0).toBeGreaterThan(PEOPLE);
  expect(stats?.uniqueResidents ?? 0).toBeGreaterThanOrEqual(PEOPLE);
}, 180_000);
