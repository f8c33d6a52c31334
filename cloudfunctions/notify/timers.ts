import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import { MESSAGE_KINDS } from '../../shared/rules/messages';
import {
  type Database,
  logEvent,
  readMany,
  type TimerContext,
  type TimerHandlers,
  updateWhere,
} from '../kit';
import { configuredSender, type DeliveryResult, type NotificationSender } from './senders';

/** Give up on a message after this many delivery attempts (it stays in the inbox). */
const MAX_ATTEMPTS = 5;
/** Messages claimed at once, and claims per run (a larger backlog waits for the next minute). */
const BATCH = 100;
const MAX_ROUNDS = 10;
/** How old a claim must be before another run may take it over: well past the function's 20 s timeout. */
const LEASE_MS = 60_000;
/** No send starts later than this into a run, so a run never outlives its claims; the rest are given back. */
const SEND_BUDGET_MS = 10_000;

const idOnly = z.object({ _id: z.string() });
const claimedSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  title: z.string(),
  body: z.string(),
  subject: z.object({
    title: z.string(),
    place: z.string(),
    startAt: z.coerce.date(),
    forName: z.string().nullable(),
    cancelReason: z.string().nullable().optional(),
  }),
});
type Claimed = z.infer<typeof claimedSchema>;

/**
 * Every minute: deliver queued outbox messages through the configured channel. CloudBase may start a run while
 * the last one still goes, so a run claims its messages before sending them:
 * 1. it reads the oldest claimable messages (pending or failed, or claimed longer than the lease ago) and claims
 *    them with one conditional update carrying its own token and start time, counting one attempt each;
 * 2. it reads back the messages that carry its token and sends only those, so two runs never send one message;
 * 3. each result is written only while the claim is still its own.
 * A run starts no send after SEND_BUDGET_MS and CloudBase stops it at its 20 s timeout, both well inside the
 * lease, so a claim is taken over only from a run that is gone. Delivery is at least once: a run that dies after
 * a send and before writing the result leaves its claim, and the message is sent again when the lease is over
 * (a possible second push, never a lost one). As each claim is an attempt, a message whose run keeps dying is
 * given up after MAX_ATTEMPTS like one that keeps failing.
 */
async function dispatch({ db, now }: TimerContext) {
  const sender = configuredSender();
  const token = `dispatch_${randomBytes(6).toString('hex')}`;
  const outOfTime = () => Date.now() - now.getTime() >= SEND_BUDGET_MS;
  const tally = { sent: 0, skipped: 0, failed: 0, released: 0 };
  for (let round = 0; round < MAX_ROUNDS && !outOfTime(); round++) {
    const { seen, claimed } = await claimBatch(db, token, now);
    let tried = 0;
    for (const message of claimed) {
      if (outOfTime()) break;
      tried++;
      const result = await deliver(sender, message);
      tally[result.status]++;
      const kept = await updateWhere(
        db,
        COLLECTIONS.outbox,
        { _id: message._id, claim: token, status: 'sending' },
        {
          status: result.status,
          channel: sender.channel,
          detail: result.detail ?? null,
          deliveredAt: result.status === 'failed' ? null : now,
        },
      );
      if (!kept) logEvent('warn', 'dispatch_claim_lost', { id: message._id, claim: token });
    }
    if (tried < claimed.length) {
      tally.released = await release(db, token, claimed.slice(tried));
      break;
    }
    if (seen < BATCH) break;
  }
  return { channel: sender.channel, ...tally };
}

/** Messages a run may claim: never one it already tried itself, which waits for a later run. */
function claimable(db: Database, token: string, now: Date) {
  const _ = db.command;
  return _.and([
    { attempts: _.lt(MAX_ATTEMPTS), claim: _.neq(token) },
    _.or([
      { status: _.in(['pending', 'failed']) },
      { status: 'sending', claimedAt: _.lt(new Date(now.getTime() - LEASE_MS)) },
    ]),
  ]);
}

async function claimBatch(
  db: Database,
  token: string,
  now: Date,
): Promise<{ seen: number; claimed: Claimed[] }> {
  const _ = db.command;
  const res: { data?: unknown[] } = await db
    .collection(COLLECTIONS.outbox)
    .where(claimable(db, token, now))
    .orderBy('createdAt', 'asc')
    .limit(BATCH)
    .field({ _id: true })
    .get();
  const ids = (res.data ?? []).map((doc) => idOnly.parse(doc)._id);
  if (!ids.length) return { seen: 0, claimed: [] };
  // The condition is checked again per message as it is written: of runs racing for one, one wins.
  await db
    .collection(COLLECTIONS.outbox)
    .where(_.and([{ _id: _.in(ids) }, claimable(db, token, now)]))
    .update({ status: 'sending', claim: token, claimedAt: now, attempts: _.inc(1) });
  const claimed = await readMany(
    db,
    COLLECTIONS.outbox,
    { claim: token, status: 'sending' },
    claimedSchema,
    BATCH,
  );
  return { seen: ids.length, claimed };
}

async function deliver(sender: NotificationSender, message: Claimed): Promise<DeliveryResult> {
  return sender.send(message).catch((error: unknown) => ({
    status: 'failed' as const,
    detail: error instanceof Error ? error.message : String(error),
  }));
}

/** Gives back claimed messages this run had no time to send, without counting an attempt. */
async function release(db: Database, token: string, unsent: Claimed[]): Promise<number> {
  const _ = db.command;
  return updateWhere(
    db,
    COLLECTIONS.outbox,
    { _id: _.in(unsent.map((m) => m._id)), claim: token, status: 'sending' },
    { status: 'pending', attempts: _.inc(-1) },
  );
}

export const timers: TimerHandlers = { dispatch };
