import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import type { CheckinOutcome } from '../../shared/contract/checkin';
import { type ActionContext, auditEntry, bumpStats, insertOnce, readDoc } from '../kit';
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
  if (reg.status === 'attended') return attendedOutcome(ctx, reg);
  if (reg.status !== 'confirmed') return outcome('not_confirmed', reg);
  if (!checkinOpen(reg, now)) return outcome('not_open', reg);

  // The check-in, the visitor marker (first attendance of this person at the center this month: a distinct
  // resident) and the audit entry (one per registration, so it has a fixed id) are written together, so the door
  // waits for two rounds of writes, not four.
  const marker = {
    _id: visitorId(reg),
    centerId: reg.centerId,
    month: reg.month,
    registrationId: reg._id,
    at: now,
  };
  const audit = auditEntry(ctx, {
    kind: `checkin.${method}`,
    targetId: reg._id,
    detail: { activityId: reg.activityId, method },
  });
  const auditId = `checkin_${reg._id}`;
  const [res, inserted, audited] = await Promise.all([
    db
      .collection(COLLECTIONS.registrations)
      .where({ _id: reg._id, status: 'confirmed' })
      .update({
        status: 'attended',
        checkedInAt: now,
        checkedInBy: openid,
        checkInMethod: method,
        checkInRequest: ctx.requestId ?? null,
      }) as Promise<{
      updated?: number;
    }>,
    insertOnce(db, COLLECTIONS.visitors, marker),
    insertOnce(db, COLLECTIONS.audit, { _id: auditId, ...audit }),
  ]);
  if (res.updated !== 1) {
    const latest = await readDoc(db, COLLECTIONS.registrations, reg._id, registrationRecordSchema);
    if (latest?.status !== 'attended') {
      // What this call wrote for a check-in that did not happen stands for nothing: it goes.
      await Promise.all([
        inserted &&
          db.collection(COLLECTIONS.visitors).where({ _id: marker._id, registrationId: reg._id }).remove(),
        audited && db.collection(COLLECTIONS.audit).doc(auditId).remove(),
      ]);
      return outcome('not_confirmed', latest ?? reg);
    }
    return attendedOutcome(ctx, latest);
  }
  // The person counts once: when the marker is this registration's (written by this call, or by a duplicate
  // scan of the same pass that lost the race for the check-in).
  const count = async () => {
    const first =
      inserted ||
      (await readDoc(db, COLLECTIONS.visitors, marker._id, visitorRecordSchema))?.registrationId === reg._id;
    await bumpStats(db, reg.centerId, reg.month, {
      attendances: 1,
      [METHOD_COUNTERS[method]]: 1,
      uniqueResidents: first ? 1 : 0,
      attendancesProxy: reg.forMemberId ? 1 : 0,
    });
  };
  await Promise.all([
    count(),
    // A duplicate scan that lost the race may have written the entry first: the check-in is this call's.
    audited || db.collection(COLLECTIONS.audit).doc(auditId).set(audit),
  ]);
  return outcome('checked_in', reg, now);
}

/**
 * 已签到, except for the very request that checked the person in: its retry (the answer was lost on the way, or
 * the retry overtook it) hears 签到成功 again.
 */
const attendedOutcome = (ctx: ActionContext, reg: RegistrationRecord): CheckinOutcome =>
  ctx.requestId !== undefined && reg.checkInRequest === ctx.requestId
    ? outcome('checked_in', reg)
    : outcome('already', reg);

const METHOD_COUNTERS = {
  scan: 'checkinsScanned',
  manual: 'checkinsManual',
  walk_in: 'checkinsWalkIn',
} as const satisfies Record<CheckinMethod, string>;

const visitorRecordSchema = z.object({ _id: z.string(), registrationId: z.string() });

/** One marker per person, center and month: the person is the family member when a relative signed them up. */
export const visitorId = (reg: Pick<RegistrationRecord, 'centerId' | 'month' | 'openid' | 'forMemberId'>) =>
  `${reg.centerId}_${reg.month}_${reg.forMemberId ?? reg.openid}`;
