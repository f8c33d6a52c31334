import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import { MESSAGE_KINDS } from '../../shared/rules/messages';
import { readMany, type TimerContext, type TimerHandlers } from '../kit';
import { configuredSender } from './senders';

/** Give up on a message after this many failed deliveries (it stays in the inbox). */
const MAX_ATTEMPTS = 5;
const BATCH = 100;

const pendingSchema = z.object({
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
  attempts: z.number().int(),
});

/** Every minute: deliver pending outbox messages through the configured channel. */
async function dispatch({ db, now }: TimerContext) {
  const sender = configuredSender();
  const pending = await readMany(
    db,
    COLLECTIONS.outbox,
    { status: db.command.in(['pending', 'failed']), attempts: db.command.lt(MAX_ATTEMPTS) },
    pendingSchema,
    BATCH,
  );
  const tally = { sent: 0, skipped: 0, failed: 0 };
  for (const message of pending) {
    const result = await sender.send(message).catch((error: unknown) => ({
      status: 'failed' as const,
      detail: error instanceof Error ? error.message : String(error),
    }));
    tally[result.status]++;
    await db
      .collection(COLLECTIONS.outbox)
      .doc(message._id)
      .update({
        status: result.status,
        channel: sender.channel,
        detail: result.detail ?? null,
        attempts: message.attempts + 1,
        deliveredAt: result.status === 'failed' ? null : now,
      });
  }
  return { channel: sender.channel, ...tally };
}

export const timers: TimerHandlers = { dispatch };
