import { COLLECTIONS } from '../../shared/collections';
import { releaseSeat } from '../../shared/rules/seats';
import { type Database, inTransaction, outboxMessage, readDoc, retryStep, StaleRead, txRead } from '../kit';
import {
  type ActivityRecord,
  activityRecordSchema,
  type RegistrationRecord,
  registrationRecordSchema,
} from './activities';

/** The person waiting longest for a seat of this activity, if any. */
async function firstWaiting(db: Database, activityId: string): Promise<RegistrationRecord | null> {
  const res: { data?: unknown[] } = await db
    .collection(COLLECTIONS.registrations)
    .where({ activityId, status: 'waitlisted' })
    .orderBy('waitSeq', 'asc')
    .limit(1)
    .get();
  const doc = res.data?.[0];
  return doc === undefined ? null : registrationRecordSchema.parse(doc);
}

export const seatCounters = (a: ActivityRecord) => ({
  capacity: a.capacity,
  confirmed: a.confirmed,
  waitlisted: a.waitlisted,
  waitSeq: a.waitSeq,
});

const promotedMessage = (activity: ActivityRecord, reg: RegistrationRecord, now: Date) =>
  outboxMessage({
    id: `${reg._id}_promoted_${now.getTime()}`,
    openid: reg.openid,
    kind: 'promoted',
    subject: {
      title: activity.title,
      place: activity.place,
      startAt: activity.startAt,
      forName: reg.forMemberId ? reg.displayName : null,
    },
    activityId: activity._id,
    registrationId: reg._id,
    now,
  });

/**
 * Cancels a registration and, when it held a seat, hands the seat to the first person waiting, in one
 * transaction: the activity's counters, both registrations and the promoted person's message change together
 * or not at all. The candidate is looked up before the transaction (CloudBase allows only single-document
 * operations inside one) and re-checked inside it; if the waitlist moved meanwhile, the step runs again.
 */
export function cancelAndPromote(
  db: Database,
  registrationId: string,
  by: 'self' | 'center',
  now: Date,
): Promise<{ cancelled: boolean; promoted: boolean }> {
  return retryStep(async () => {
    const seen = await readDoc(db, COLLECTIONS.registrations, registrationId, registrationRecordSchema);
    const candidate = seen?.status === 'confirmed' ? await firstWaiting(db, seen.activityId) : null;
    return inTransaction(db, async (tx) => {
      const reg = await txRead(tx, COLLECTIONS.registrations, registrationId, registrationRecordSchema);
      if (!reg || (reg.status !== 'confirmed' && reg.status !== 'waitlisted'))
        return { cancelled: false, promoted: false };
      if (reg.status !== seen?.status) throw new StaleRead('registration changed');
      const activity = await txRead(tx, COLLECTIONS.activities, reg.activityId, activityRecordSchema);
      if (!activity) throw new Error(`registration ${reg._id} points at a missing activity`);

      let promote: RegistrationRecord | null = null;
      if (reg.status === 'confirmed' && activity.waitlisted > 0) {
        if (!candidate) throw new StaleRead('someone joined the waitlist');
        promote = await txRead(tx, COLLECTIONS.registrations, candidate._id, registrationRecordSchema);
        if (promote?.status !== 'waitlisted') throw new StaleRead('candidate left the waitlist');
      }
      const next = releaseSeat(seatCounters(activity), reg.status, promote !== null);
      await tx
        .collection(COLLECTIONS.registrations)
        .doc(reg._id)
        .update({ status: 'cancelled', cancelledBy: by, cancelledAt: now, waitSeq: null });
      if (promote) {
        await tx
          .collection(COLLECTIONS.registrations)
          .doc(promote._id)
          .update({ status: 'confirmed', waitSeq: null, promotedAt: now });
        await tx.collection(COLLECTIONS.outbox).add(promotedMessage(activity, promote, now));
      }
      await tx
        .collection(COLLECTIONS.activities)
        .doc(activity._id)
        .update({ confirmed: next.confirmed, waitlisted: next.waitlisted, updatedAt: now });
      return { cancelled: true, promoted: promote !== null };
    });
  });
}

/**
 * Lets waiting people in while seats are free (after capacity grew): one person per transaction, in ticket
 * order. Returns how many were promoted.
 */
export async function promoteWhileSeatsFree(db: Database, activityId: string, now: Date): Promise<number> {
  let promoted = 0;
  const promoteOne = () =>
    retryStep(async () => {
      const candidate = await firstWaiting(db, activityId);
      if (!candidate) return false;
      return inTransaction(db, async (tx) => {
        const activity = await txRead(tx, COLLECTIONS.activities, activityId, activityRecordSchema);
        if (activity?.status !== 'published' || activity.confirmed >= activity.capacity) return false;
        const reg = await txRead(tx, COLLECTIONS.registrations, candidate._id, registrationRecordSchema);
        if (reg?.status !== 'waitlisted') throw new StaleRead('candidate left the waitlist');
        await tx
          .collection(COLLECTIONS.registrations)
          .doc(reg._id)
          .update({ status: 'confirmed', waitSeq: null, promotedAt: now });
        await tx.collection(COLLECTIONS.outbox).add(promotedMessage(activity, reg, now));
        await tx
          .collection(COLLECTIONS.activities)
          .doc(activityId)
          .update({ confirmed: activity.confirmed + 1, waitlisted: activity.waitlisted - 1, updatedAt: now });
        return true;
      });
    });
  while (await promoteOne()) promoted++;
  return promoted;
}
