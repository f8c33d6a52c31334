import { COLLECTIONS } from '../../shared/collections';
import type { CheckinOutcome } from '../../shared/contract/checkin';
import { type ActionContext, bumpStats, insertOnce, readDoc, recordAudit } from '../kit';
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
  // The audit entry and the counters go out together. The counters wait only for the visitor marker, which
  // says whether this is the person's first attendance at the center this month (a distinct resident).
  const countAttendance = async () => {
    const first = await insertOnce(db, COLLECTIONS.visitors, {
      _id: visitorId(reg),
      centerId: reg.centerId,
      month: reg.month,
      at: now,
    });
    await bumpStats(db, reg.centerId, reg.month, {
      attendances: 1,
      [METHOD_COUNTERS[method]]: 1,
      uniqueResidents: first ? 1 : 0,
      attendancesProxy: reg.forMemberId ? 1 : 0,
    });
  };
  await Promise.all([
    recordAudit(ctx, {
      kind: `checkin.${method}`,
      targetId: reg._id,
      detail: { activityId: reg.activityId, method },
    }),
    countAttendance(),
  ]);
  return outcome('checked_in', reg, now);
}

const METHOD_COUNTERS = {
  scan: 'checkinsScanned',
  manual: 'checkinsManual',
  walk_in: 'checkinsWalkIn',
} as const satisfies Record<CheckinMethod, string>;

/** One marker per person, center and month: the person is the family member when a relative signed them up. */
export const visitorId = (reg: Pick<RegistrationRecord, 'centerId' | 'month' | 'openid' | 'forMemberId'>) =>
  `${reg.centerId}_${reg.month}_${reg.forMemberId ?? reg.openid}`;
