/**
 * Random interleavings of sign-ups and cancellations against the real functions: the outcome matches a simple
 * first-come-first-served model, confirmed never exceeds capacity, and the activity's counters equal the records.
 */
import fc from 'fast-check';
import { monthOf } from '../../shared/rules/time';
import { draftActivity } from '../support/activities';
import { type Caller, callerFor, unwrap } from '../support/client';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let staff: Caller;
const PEOPLE = 6;
let people: Caller[] = [];

beforeAll(async () => {
  stack = await startStack({ seed: true });
  staff = await callerFor(stack, 'staff-feiying');
  people = await Promise.all(Array.from({ length: PEOPLE }, (_, i) => callerFor(stack, `o-prop-${i}`)));
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

type Command = { kind: 'signUp' | 'cancel'; person: number };
const command = fc.record({
  kind: fc.constantFrom('signUp' as const, 'cancel' as const),
  person: fc.nat(PEOPLE - 1),
});

async function freshActivity(capacity: number) {
  const draft = draftActivity({ title: '随机报名测试', capacity }, 20);
  const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
  unwrap(await staff('activities', 'publishMonth', { month: monthOf(draft.startAt) }));
  return activityId;
}

async function run(activityId: string, cmd: Command, ids: Map<number, string>) {
  const call = people[cmd.person] as Caller;
  if (cmd.kind === 'signUp') {
    const res = unwrap(await call('registrations', 'signUp', { activityId }));
    ids.set(cmd.person, res.registrationId);
    return;
  }
  const registrationId = ids.get(cmd.person);
  if (registrationId) unwrap(await call('registrations', 'cancel', { registrationId }));
}

async function invariants(activityId: string, capacity: number) {
  const roster = unwrap(await staff('registrations', 'roster', { activityId }));
  const activity = unwrap(await staff('activities', 'get', { activityId })).activity;
  expect(roster.counts.confirmed).toBeLessThanOrEqual(capacity);
  expect(activity.confirmed).toBe(roster.counts.confirmed);
  expect(activity.waitlisted).toBe(roster.counts.waitlisted);
  // Nobody waits while a seat is free, and places in line are 1..n.
  if (roster.counts.waitlisted > 0) expect(roster.counts.confirmed).toBe(capacity);
  const places = roster.entries.filter((e) => e.status === 'waitlisted').map((e) => e.waitlistPosition);
  expect(places).toEqual(places.map((_, i) => i + 1));
  return roster;
}

test('sequential interleavings match the first-come-first-served model', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 3 }),
      fc.array(command, { minLength: 1, maxLength: 14 }),
      async (capacity, cmds) => {
        const activityId = await freshActivity(capacity);
        const ids = new Map<number, string>();
        const confirmed: number[] = [];
        const waiting: number[] = [];
        for (const cmd of cmds) {
          await run(activityId, cmd, ids);
          const active = confirmed.includes(cmd.person) || waiting.includes(cmd.person);
          if (cmd.kind === 'signUp' && !active)
            (confirmed.length < capacity ? confirmed : waiting).push(cmd.person);
          if (cmd.kind === 'cancel' && active) {
            const seat = confirmed.indexOf(cmd.person);
            if (seat >= 0) {
              confirmed.splice(seat, 1);
              const next = waiting.shift();
              if (next !== undefined) confirmed.push(next);
            } else waiting.splice(waiting.indexOf(cmd.person), 1);
          }
        }
        const roster = await invariants(activityId, capacity);
        const statusOf = (person: number) =>
          roster.entries.find((e) => e.registrationId === ids.get(person))?.status;
        for (const p of confirmed) expect(statusOf(p)).toBe('confirmed');
        waiting.forEach((p, i) => {
          expect(statusOf(p)).toBe('waitlisted');
          expect(roster.entries.find((e) => e.registrationId === ids.get(p))?.waitlistPosition).toBe(i + 1);
        });
      },
    ),
    { numRuns: 25 },
  );
}, 180_000);

test('concurrent batches never overbook and keep counters equal to the records', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 3 }),
      fc.array(fc.array(command, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
      async (capacity, batches) => {
        const activityId = await freshActivity(capacity);
        const ids = new Map<number, string>();
        for (const batch of batches) await Promise.all(batch.map((cmd) => run(activityId, cmd, ids)));
        await invariants(activityId, capacity);
      },
    ),
    { numRuns: 15 },
  );
}, 180_000);
