import { COLLECTIONS } from '../../shared/collections';
import type { registrationsContract } from '../../shared/contract/registrations';
import { AppError } from '../../shared/errors';
import { signupRefusal, takeSeat } from '../../shared/rules/seats';
import { type ActionHandler, inTransaction, outboxMessage, txRead } from '../kit';
import {
  activityRecordSchema,
  loadActivity,
  registrationIdFor,
  registrationRecordSchema,
  waitlistPosition,
} from '../records/activities';
import { seatCounters } from '../records/waitlist';

type Registrations = typeof registrationsContract;

const ACTIVE = new Set(['confirmed', 'waitlisted', 'attended', 'no_show']);

/**
 * Taking a seat is one transaction over the activity (its counters) and the registration (its _id is the
 * activity plus the person, so a person holds at most one). CloudBase serializes transactions that write the
 * same document (the loser gets DATABASE_TRANSACTION_CONFLICT and we retry), and so does the emulator, so two
 * people can never both take the last seat and the counters always equal the records.
 */
export const signUp: ActionHandler<Registrations['signUp']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run({ activityId, forMemberId }, { db, openid, member, now }) {
    const family = forMemberId ? member.family.find((f) => f.id === forMemberId) : undefined;
    if (forMemberId && !family) {
      throw new AppError('VALIDATION', '没有这位家人，请先在“我的”里添加', [
        { field: 'forMemberId', message: '没有这位家人' },
      ]);
    }
    const seen = await loadActivity(db, activityId);
    if (!seen) throw new AppError('NOT_FOUND', '没有找到这个活动');
    const refusal = signupRefusal(seen, now);
    const registrationId = registrationIdFor(activityId, forMemberId ?? openid);

    const outcome = await inTransaction(db, async (tx) => {
      const existing = await txRead(tx, COLLECTIONS.registrations, registrationId, registrationRecordSchema);
      if (existing && ACTIVE.has(existing.status))
        return { status: existing.status, waitSeq: existing.waitSeq, again: true };
      if (refusal) throw new AppError(refusal.code, refusal.message);
      const activity = await txRead(tx, COLLECTIONS.activities, activityId, activityRecordSchema);
      if (!activity) throw new AppError('NOT_FOUND', '没有找到这个活动');
      const stillRefused = signupRefusal(activity, now);
      if (stillRefused) throw new AppError(stillRefused.code, stillRefused.message);

      const seat = takeSeat(seatCounters(activity));
      const displayName = family?.displayName ?? member.displayName;
      await tx
        .collection(COLLECTIONS.registrations)
        .doc(registrationId)
        .set({
          activityId,
          centerId: activity.centerId,
          openid,
          forMemberId: forMemberId ?? null,
          displayName,
          status: seat.status,
          cancelledBy: null,
          waitSeq: seat.waitSeq,
          startAt: activity.startAt,
          createdAt: now,
        });
      await tx.collection(COLLECTIONS.activities).doc(activityId).update({
        confirmed: seat.counters.confirmed,
        waitlisted: seat.counters.waitlisted,
        waitSeq: seat.counters.waitSeq,
      });
      if (seat.status === 'confirmed') {
        await tx.collection(COLLECTIONS.outbox).add(
          outboxMessage({
            id: `${registrationId}_confirmed_${now.getTime()}`,
            openid,
            kind: 'confirmed',
            subject: {
              title: activity.title,
              place: activity.place,
              startAt: activity.startAt,
              forName: family?.displayName ?? null,
            },
            activityId,
            registrationId,
            now,
          }),
        );
      }
      return { status: seat.status, waitSeq: seat.waitSeq, again: false };
    });

    const status = outcome.status === 'waitlisted' ? 'waitlisted' : 'confirmed';
    return {
      registrationId,
      status,
      waitlistPosition:
        status === 'waitlisted' && outcome.waitSeq !== null
          ? await waitlistPosition(db, activityId, outcome.waitSeq)
          : null,
      alreadyRegistered: outcome.again,
    };
  },
};
