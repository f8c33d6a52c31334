import { COLLECTIONS } from '../../shared/collections';
import type { registrationsContract } from '../../shared/contract/registrations';
import { AppError } from '../../shared/errors';
import { placeOf, signupRefusal } from '../../shared/rules/seats';
import { type ActionHandler, bumpStats, insertOnce, readDoc } from '../kit';
import {
  loadActivity,
  newRegistration,
  registrationIdFor,
  registrationRecordSchema,
} from '../records/activities';
import { claimPlace, settleRegistration } from '../records/seats';

type Registrations = typeof registrationsContract;

const HOLDS_PLACE = new Set(['confirmed', 'waitlisted', 'attended', 'no_show']);

/**
 * Sign up oneself or a family member. The registration's id is the activity plus the person, so a person holds
 * at most one; the record is written first (pending), then a place is taken on the activity in one conditional
 * update (see records/seats.ts), then the record is settled and the message queued.
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
    const activity = await loadActivity(db, activityId);
    if (!activity || activity.status === 'draft') throw new AppError('NOT_FOUND', '没有找到这个活动');
    const registrationId = registrationIdFor(activityId, forMemberId ?? openid);

    const person = {
      displayName: family?.displayName ?? member.displayName,
      forMemberId: forMemberId ?? null,
    };
    const fresh = newRegistration(activity, { openid, ...person }, now);
    // The common case is a first sign-up while open: try the insert, and read what is there only when that fails.
    let record = fresh;
    const inserted =
      signupRefusal(activity, now) === null && (await insertOnce(db, COLLECTIONS.registrations, fresh));
    if (!inserted) {
      const existing = await readDoc(db, COLLECTIONS.registrations, registrationId, registrationRecordSchema);
      if (existing && HOLDS_PLACE.has(existing.status)) {
        const place = placeOf(activity, registrationId);
        return {
          registrationId,
          status: place?.status ?? 'confirmed',
          waitlistPosition: place?.position ?? null,
          alreadyRegistered: true,
        };
      }
      const refusal = signupRefusal(activity, now);
      if (refusal) throw new AppError(refusal.code, refusal.message);
      if (existing?.status === 'cancelled') {
        // Signing up again after cancelling: a new round on the same record, so the history stays one line.
        await db
          .collection(COLLECTIONS.registrations)
          .where({ _id: registrationId, status: 'cancelled' })
          .update({
            ...person,
            status: 'pending',
            cancelledBy: null,
            round: db.command.inc(1),
            createdAt: now,
          });
        record = { ...existing, ...person, status: 'pending', cancelledBy: null, round: existing.round + 1 };
      } else if (existing) {
        record = existing;
      }
    }

    // A new record counts once; the counter is written while the place is claimed, not after.
    const [{ place, activity: after }] = await Promise.all([
      claimPlace(db, activity, registrationId, now),
      inserted && bumpStats(db, activity.centerId, activity.month, { registrations: 1 }),
    ]);
    await settleRegistration(db, registrationId, after, now, record);
    return {
      registrationId,
      status: place.status,
      waitlistPosition: place.position,
      alreadyRegistered: false,
    };
  },
};
