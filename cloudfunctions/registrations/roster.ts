import { COLLECTIONS } from '../../shared/collections';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '../../shared/contract/activities';
import type { registrationsContract } from '../../shared/contract/registrations';
import { AppError } from '../../shared/errors';
import { maskPhone } from '../../shared/rules/mask';
import { placeOf } from '../../shared/rules/seats';
import { type ActionHandler, assertOwnCenter, memberRecordSchema, readMany } from '../kit';
import { loadActivity, registrationRecordSchema } from '../records/activities';

type Registrations = typeof registrationsContract;

const ORDER: Record<RegistrationStatus, number> = {
  attended: 0,
  confirmed: 1,
  no_show: 2,
  waitlisted: 3,
  cancelled: 4,
};
const PAGE = 1000;

/** Who is coming, for the staff of the activity's own center: names, masked phones, status and counts. */
export const roster: ActionHandler<Registrations['roster']> = {
  allow: ['staff'],
  async run({ activityId }, ctx) {
    const { db } = ctx;
    const activity = await loadActivity(db, activityId);
    if (!activity) throw new AppError('NOT_FOUND', '没有找到这个活动');
    assertOwnCenter(ctx, activity.centerId);

    const regs = [];
    for (let page = 0; ; page++) {
      const res: { data?: unknown[] } = await db
        .collection(COLLECTIONS.registrations)
        .where({ activityId })
        .orderBy('createdAt', 'asc')
        .skip(page * PAGE)
        .limit(PAGE)
        .get();
      const batch = (res.data ?? []).map((d) => registrationRecordSchema.parse(d));
      regs.push(...batch);
      if (batch.length < PAGE) break;
    }
    const holders = [...new Set(regs.map((r) => r.openid))];
    const members = new Map<string, { displayName: string; phone: string | null }>();
    for (let i = 0; i < holders.length; i += PAGE) {
      const batch = await readMany(
        db,
        COLLECTIONS.members,
        { _id: db.command.in(holders.slice(i, i + PAGE)) },
        memberRecordSchema,
      );
      for (const m of batch) members.set(m._id, m);
    }

    // Pending records are sign-ups still in flight: not shown until they hold a place.
    const settled = regs.flatMap((r) => (r.status === 'pending' ? [] : [{ ...r, status: r.status }]));
    const counts = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as Record<
      RegistrationStatus,
      number
    >;
    for (const r of settled) counts[r.status]++;
    const entries = settled
      .map((r) => {
        const holder = members.get(r.openid);
        return {
          registrationId: r._id,
          displayName: r.displayName,
          signedUpBy: r.forMemberId ? (holder?.displayName ?? null) : null,
          phoneMasked: holder?.phone ? maskPhone(holder.phone) : null,
          status: r.status,
          waitlistPosition: r.status === 'waitlisted' ? (placeOf(activity, r._id)?.position ?? null) : null,
          signedUpAt: r.createdAt.toISOString(),
        };
      })
      .sort(
        (a, b) => ORDER[a.status] - ORDER[b.status] || (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0),
      );
    return { activityId, title: activity.title, capacity: activity.capacity, counts, entries };
  },
};
