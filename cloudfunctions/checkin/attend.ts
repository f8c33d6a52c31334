import { COLLECTIONS } from '../../shared/collections';
import type { CheckinOutcome } from '../../shared/contract/checkin';
import { monthOf } from '../../shared/rules/time';
import { type ActionContext, bumpStats, readDoc, recordAudit } from '../kit';
import { type RegistrationRecord, registrationRecordSchema } from '../records/activities';
import { checkinOpen, outcome } from './outcome';

export type CheckinMethod = 'scan' | 'manual' | 'walk_in';

/**
 * Marks one registration attended: only this registration (never the person's others), only for the staff
 * member's own center, only while check-in is open, only from `confirmed`. The update is conditional on
 * `confirmed`, so of any number of simultaneous scans of one pass exactly one checks in; the rest hear 已签到.
 */
export async function markAttended(
  ctx: ActionContext,
  reg: RegistrationRecord,
  method: CheckinMethod,
): Promise<CheckinOutcome> {
  const { db, now, openid } = ctx;
  if (reg.centerId !== ctx.member.centerId) return outcome('other_center');
  if (reg.status === 'attended') return outcome('already', reg);
  if (reg.status !== 'confirmed') return outcome('not_confirmed', reg);
  if (!checkinOpen(reg, now)) return outcome('not_open', reg);

  const res: { updated?: number } = await db
    .collection(COLLECTIONS.registrations)
    .where({ _id: reg._id, status: 'confirmed' })
    .update({ status: 'attended', checkedInAt: now, checkedInBy: openid, checkInMethod: method });
  if (res.updated !== 1) {
    const latest = await readDoc(db, COLLECTIONS.registrations, reg._id, registrationRecordSchema);
    return latest?.status === 'attended'
      ? outcome('already', latest)
      : outcome('not_confirmed', latest ?? reg);
  }
  // Independent writes: the audit entry and the center's counters go out together, so the door waits once.
  await Promise.all([
    recordAudit(ctx, {
      kind: `checkin.${method}`,
      targetId: reg._id,
      detail: { activityId: reg.activityId, method },
    }),
    bumpStats(db, reg.centerId, monthOf(reg.startAt), {
      attendances: 1,
      [method === 'scan' ? 'checkinsScanned' : 'checkinsManual']: 1,
    }),
  ]);
  return outcome('checked_in', reg, now);
}
