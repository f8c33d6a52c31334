import { COLLECTIONS } from '../../shared/collections';
import type { RegistrationView, registrationsContract } from '../../shared/contract/registrations';
import { placeOf } from '../../shared/rules/seats';
import { type ActionHandler, readMany } from '../kit';
import { activityRecordSchema, registrationRecordSchema } from '../records/activities';

type Registrations = typeof registrationsContract;

/** How far back 我的报名 looks. */
const HISTORY_LIMIT = 200;

export const mine: ActionHandler<Registrations['mine']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run(_input, { db, openid, now }) {
    const res: { data?: unknown[] } = await db
      .collection(COLLECTIONS.registrations)
      .where({ openid })
      .orderBy('startAt', 'desc')
      .limit(HISTORY_LIMIT)
      .get();
    const regs = (res.data ?? []).map((d) => registrationRecordSchema.parse(d));
    const ids = [...new Set(regs.map((r) => r.activityId))];
    const activities = ids.length
      ? await readMany(db, COLLECTIONS.activities, { _id: db.command.in(ids) }, activityRecordSchema)
      : [];
    const byId = new Map(activities.map((a) => [a._id, a]));

    const views: RegistrationView[] = [];
    for (const r of regs) {
      const a = byId.get(r.activityId);
      // A pending record is a sign-up still in flight (or one `reconcile` will settle): not shown yet.
      if (!a || r.status === 'pending') continue;
      views.push({
        registrationId: r._id,
        activityId: r.activityId,
        forMemberId: r.forMemberId,
        displayName: r.displayName,
        status: r.status,
        cancelledBy: r.cancelledBy,
        waitlistPosition: r.status === 'waitlisted' ? (placeOf(a, r._id)?.position ?? null) : null,
        activity: {
          title: a.title,
          category: a.category,
          place: a.place,
          startAt: a.startAt.toISOString(),
          endAt: a.endAt.toISOString(),
          signupDeadline: a.signupDeadline.toISOString(),
          centerName: a.centerName,
          status: a.status,
          cancelReason: a.cancelReason,
        },
      });
    }
    const isUpcoming = (v: RegistrationView) => Date.parse(v.activity.endAt) > now.getTime();
    return {
      upcoming: views.filter(isUpcoming).sort((x, y) => x.activity.startAt.localeCompare(y.activity.startAt)),
      past: views.filter((v) => !isUpcoming(v)),
    };
  },
};
