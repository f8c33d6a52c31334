/**
 * The day-before reminders: the `activities` function's timer `remind` (CloudBase allows one timer trigger per
 * function, and `notify` has `dispatch`) queues one for every confirmed seat at tomorrow's activities, however
 * many runs overlap, and `notify.dispatch` delivers it.
 */
import { COLLECTIONS } from '../../shared/collections';
import { monthOf, tomorrowRange } from '../../shared/rules/time';
import { draftActivity } from '../support/activities';
import { callerFor, fixtureDatabase, unwrap } from '../support/client';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ seed: true });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string } };

async function remind(): Promise<{ activities: number; queued: number }> {
  const reply = (await stack.timer('activities', 'remind')) as Reply<{ activities: number; queued: number }>;
  if (!reply.ok) throw new Error(`remind failed: ${JSON.stringify(reply)}`);
  return reply.data;
}

async function reminders(): Promise<{ _id: string; registrationId: string; activityId: string }[]> {
  const res: { data?: { _id: string; registrationId: string; activityId: string }[] } = await fixtureDatabase(
    stack,
  )
    .collection(COLLECTIONS.outbox)
    .where({ kind: 'reminder' })
    .limit(1000)
    .get();
  return res.data ?? [];
}

test('two runs at once queue one reminder per confirmed seat tomorrow; dispatch delivers it', async () => {
  const staff = await callerFor(stack, 'staff-chaoyang');
  const wang = await callerFor(stack, 'resident-wang');
  const zhang = await callerFor(stack, 'resident-zhang');
  const start = new Date(tomorrowRange(new Date()).start.getTime() + 10 * 3600_000);
  const draft = draftActivity({
    title: '明天的手工课',
    capacity: 2,
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    signupDeadline: new Date(start.getTime() - 3600_000).toISOString(),
  });
  const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
  unwrap(await staff('activities', 'publishMonth', { month: monthOf(draft.startAt) }));
  const seats = [
    unwrap(await wang('registrations', 'signUp', { activityId })),
    unwrap(await zhang('registrations', 'signUp', { activityId, forMemberId: 'fm-zhang-mother' })),
  ];
  const waiting = unwrap(await zhang('registrations', 'signUp', { activityId }));
  expect(seats.map((s) => s.status)).toEqual(['confirmed', 'confirmed']);
  expect(waiting.status).toBe('waitlisted');

  const before = (await reminders()).length;
  const runs = await Promise.all([remind(), remind()]);
  const after = await reminders();
  expect(runs[0].queued + runs[1].queued).toBe(after.length - before);
  expect(
    after
      .filter((m) => m.activityId === activityId)
      .map((m) => m.registrationId)
      .sort(),
  ).toEqual(seats.map((s) => s.registrationId).sort());
  expect((await remind()).queued).toBe(0);

  expect(await stack.timer('notify', 'dispatch')).toMatchObject({ ok: true });
  const inbox = unwrap(await wang('notify', 'inbox', {}));
  expect(inbox.messages.filter((m) => m.activityId === activityId && m.kind === 'reminder')).toHaveLength(1);
  const delivered: { data?: unknown[] } = await fixtureDatabase(stack)
    .collection(COLLECTIONS.outbox)
    .where({ activityId, kind: 'reminder' })
    .get();
  for (const message of delivered.data ?? []) expect(message).toMatchObject({ status: 'sent', attempts: 1 });
}, 60_000);

test('notify has no reminder timer any more', async () => {
  expect(await stack.timer('notify', 'remind')).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_ACTION' },
  });
});
