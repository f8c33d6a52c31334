/**
 * `notify.dispatch` delivers the outbox. CloudBase may fire the timer again while the last run still goes, so
 * runs claim messages before sending: runs at once deliver each message once, and a claim left by a run that
 * died is taken over after the lease. Each claim counts one attempt, so `attempts` tells how often a message
 * was sent, and the runs' `sent` figures add up to the messages delivered.
 */
import fc from 'fast-check';
import { outboxMessage } from '../../cloudfunctions/kit/outbox';
import { COLLECTIONS } from '../../shared/collections';
import { fixtureDatabase } from '../support/client';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  await fixtureDatabase(stack).createCollection(COLLECTIONS.outbox);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

/** What dispatch gives up after, and how old a claim must be before another run may take it. */
const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;

type Tally = { channel: string; sent: number; skipped: number; failed: number; released: number };
type Reply = { ok: true; data: Tally } | { ok: false };

async function dispatch(): Promise<Tally> {
  const reply = (await stack.timer('notify', 'dispatch')) as Reply;
  if (!reply.ok) throw new Error(`dispatch failed: ${JSON.stringify(reply)}`);
  return reply.data;
}

const queued = (id: string, patch: Record<string, unknown> = {}) => ({
  ...outboxMessage({
    id,
    openid: `o-dispatch-${id}`,
    kind: 'reminder',
    subject: { title: '社区太极拳晨练', place: '中心一楼活动室', startAt: new Date(), forName: null },
    activityId: 'a-dispatch',
    registrationId: `r-${id}`,
    now: new Date(),
  }),
  ...patch,
});

const outbox = () => fixtureDatabase(stack).collection(COLLECTIONS.outbox);

async function clearOutbox() {
  await outbox()
    .where({ _id: fixtureDatabase(stack).command.exists(true) })
    .remove();
}

async function insertAll(docs: object[]) {
  for (let i = 0; i < docs.length; i += 100) await outbox().add(docs.slice(i, i + 100));
}

async function readAll(): Promise<{ _id: string; status: string; attempts: number }[]> {
  const res: { data?: { _id: string; status: string; attempts: number }[] } = await outbox()
    .limit(1000)
    .get();
  return res.data ?? [];
}

test('two runs at once deliver each of 350 queued messages exactly once', async () => {
  await clearOutbox();
  const ids = Array.from({ length: 350 }, (_, i) => `m-${String(i).padStart(3, '0')}`);
  await insertAll(ids.map((id) => queued(id)));

  const runs = await Promise.all([dispatch(), dispatch()]);

  expect(runs[0].sent + runs[1].sent).toBe(ids.length);
  const after = await readAll();
  expect(after).toHaveLength(ids.length);
  for (const message of after) expect(message).toMatchObject({ status: 'sent', attempts: 1 });
  expect(await dispatch()).toEqual({ channel: 'inbox', sent: 0, skipped: 0, failed: 0, released: 0 });
}, 60_000);

const STATES = ['pending', 'failed', 'sent', 'skipped', 'sending-stale', 'sending-live'] as const;
type State = (typeof STATES)[number];

/** The record of a message in `state`, as a run (alive, or dead for a long while) left it. */
function inState(id: string, state: State, attempts: number) {
  if (state === 'sending-stale')
    return queued(id, {
      status: 'sending',
      attempts,
      claim: 'dispatch_dead',
      claimedAt: new Date(Date.now() - LEASE_MS - 60_000),
    });
  if (state === 'sending-live')
    return queued(id, { status: 'sending', attempts, claim: 'dispatch_live', claimedAt: new Date() });
  return queued(id, { status: state, attempts });
}

test('whatever the outbox holds and however many runs overlap, each deliverable message goes out once', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({
          state: fc.constantFrom(...STATES),
          attempts: fc.integer({ min: 0, max: MAX_ATTEMPTS + 1 }),
        }),
        { minLength: 1, maxLength: 40 },
      ),
      fc.integer({ min: 1, max: 3 }),
      async (messages, overlapping) => {
        await clearOutbox();
        const before = messages.map((m, i) => ({ id: `p-${String(i).padStart(2, '0')}`, ...m }));
        await insertAll(before.map((m) => inState(m.id, m.state, m.attempts)));

        const runs = await Promise.all(Array.from({ length: overlapping }, () => dispatch()));

        const after = new Map((await readAll()).map((m) => [m._id, m]));
        let deliverable = 0;
        for (const m of before) {
          const got = after.get(m.id);
          const due = ['pending', 'failed', 'sending-stale'].includes(m.state) && m.attempts < MAX_ATTEMPTS;
          if (due) {
            deliverable++;
            expect(got).toMatchObject({ status: 'sent', attempts: m.attempts + 1 });
          } else {
            expect(got).toMatchObject({ status: m.state.replace(/-.*/, ''), attempts: m.attempts });
          }
        }
        expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(deliverable);
      },
    ),
    { numRuns: 15 },
  );
}, 120_000);
