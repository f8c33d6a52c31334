/**
 * A function that dies halfway: the activity already says who holds a seat, the registrations do not yet. The
 * `reconcile` timer (run here as CloudBase runs a timer trigger: no caller) brings them in line, once, even when
 * CloudBase starts a second run before the first ends.
 */
import { COLLECTIONS } from '../../shared/collections';
import type { Result } from '../../shared/errors';
import { monthOf } from '../../shared/rules/time';
import { draftActivity } from '../support/activities';
import { callerFor, fixtureDatabase, unwrap } from '../support/client';
import { actAs, startInProcess } from '../support/platform';
import type { Stack } from '../support/stack';

let stack: Stack;
let main: (event: unknown) => Promise<Result<unknown>>;

beforeAll(async () => {
  stack = await startInProcess();
  ({ main } = await import('../../cloudfunctions/registrations'));
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

test('a hand-over that never reached the registrations is finished by two reconciles at once, messages once', async () => {
  const staff = await callerFor(stack, 'staff-chaoyang');
  const draft = draftActivity({ title: '中断测试活动', capacity: 1 }, 15);
  const { activityId } = unwrap(await staff('activities', 'saveDraft', draft));
  unwrap(await staff('activities', 'publishMonth', { month: monthOf(draft.startAt) }));
  const wang = await callerFor(stack, 'resident-wang');
  const zhang = await callerFor(stack, 'resident-zhang');
  const seat = unwrap(await wang('registrations', 'signUp', { activityId }));
  const wait = unwrap(await zhang('registrations', 'signUp', { activityId }));

  // The crash: wang's seat was handed to zhang on the activity, nothing else happened.
  await fixtureDatabase(stack)
    .collection(COLLECTIONS.activities)
    .doc(activityId)
    .update({ seats: [wait.registrationId], queue: [], waitlisted: 0 });

  actAs('');
  const timer = () => main({ Type: 'Timer', TriggerName: 'reconcile', Time: new Date().toISOString() });
  const settled = (reply: Result<unknown>) => unwrap(reply as Result<{ settled: number }>).settled;
  const overlapping = await Promise.all([timer(), timer()]);
  expect(overlapping.map(settled).reduce((a, b) => a + b)).toBe(2);
  expect(settled(await timer())).toBe(0);

  const roster = unwrap(await staff('registrations', 'roster', { activityId }));
  expect(roster.entries.map((e) => [e.registrationId, e.status])).toEqual([
    [wait.registrationId, 'confirmed'],
    [seat.registrationId, 'cancelled'],
  ]);
  const inbox = unwrap(await zhang('notify', 'inbox', {}));
  expect(inbox.messages.filter((m) => m.activityId === activityId && m.kind === 'promoted')).toHaveLength(1);
});

test('a resident cannot pose as the timer', async () => {
  actAs('demo-resident-wang');
  const res = await main({ Type: 'Timer', TriggerName: 'reconcile' });
  expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ field: 'action' }] } });
});
