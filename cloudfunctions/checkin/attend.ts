import { COLLECTIONS } from '../../shared/collections';
import type { CheckinOutcome } from '../../shared/contract/checkin';
import { type ActionContext, readDoc } from '../kit';
import { type RegistrationRecord, registrationRecordSchema } from '../records/activities';
import { type CheckinMethod, PENDING } from '../records/checkins';
import { checkinOpen, outcome } from './outcome';

/**
 * Marks one registration attended: only this registration (never the person's others), only for the staff
 * member's own center, only while check-in is open, only from `confirmed`. The update is conditional on
 * `confirmed`, so of any number of simultaneous scans of one pass exactly one checks in; the rest hear 已签到.
 * It is the door's only write: who, when and how are on the registration, and the audit entry, visitor marker
 * and counters follow from it (`tallyCheckins`).
 */
export async function markAttended(
  ctx: ActionContext,
  reg: RegistrationRecord,
  method: CheckinMethod,
): Promise<CheckinOutcome> {
  const { db, now, openid } = ctx;
  if (reg.centerId !== ctx.member.centerId) return outcome('other_center');
  if (reg.status === 'attended') return attendedOutcome(ctx, reg);
  if (reg.status !== 'confirmed') return outcome('not_confirmed', reg);
  if (!checkinOpen(reg, now)) return outcome('not_open', reg);

  const res: { updated?: number } = await db
    .collection(COLLECTIONS.registrations)
    .where({ _id: reg._id, status: 'confirmed' })
    .update({
      status: 'attended',
      checkedInAt: now,
      checkedInBy: openid,
      checkInMethod: method,
      checkInRequest: ctx.requestId ?? null,
      tally: PENDING,
    });
  if (res.updated === 1) return outcome('checked_in', reg, now);
  const latest = await readDoc(db, COLLECTIONS.registrations, reg._id, registrationRecordSchema);
  return latest?.status === 'attended'
    ? attendedOutcome(ctx, latest)
    : outcome('not_confirmed', latest ?? reg);
}

/**
 * 已签到, except for the very request that checked the person in: its retry (the answer was lost on the way, or
 * the retry overtook it) hears 签到成功 again.
 */
const attendedOutcome = (ctx: ActionContext, reg: RegistrationRecord): CheckinOutcome =>
  ctx.requestId !== undefined && reg.checkInRequest === ctx.requestId
    ? outcome('checked_in', reg)
    : outcome('already', reg);
