import { COLLECTIONS } from '../../shared/collections';
import { placeOf } from '../../shared/rules/seats';
import { readMany, type TimerContext } from '../kit';
import { activityRecordSchema, registrationRecordSchema } from '../records/activities';
import { settleRegistration } from '../records/seats';

/** A pending record younger than this may belong to a sign-up still running. */
const IN_FLIGHT_MS = 2 * 60_000;
const PAGE = 1000;

/**
 * Timer: the activity's seats and queue are the authority on who holds a place. If a function died between
 * changing them and updating a registration, this brings the registration (and its message) in line. Runs over
 * upcoming published activities. Each settle is conditional on the status it saw, so runs that overlap settle a
 * registration (and queue its message, under an id of its own) once, and `settled` counts it in that run only.
 */
export async function reconcile({ db, now }: TimerContext) {
  let activities = 0;
  let settled = 0;
  for (let page = 0; ; page++) {
    const res: { data?: unknown[] } = await db
      .collection(COLLECTIONS.activities)
      .where({ status: 'published', startAt: db.command.gte(now) })
      .orderBy('startAt', 'asc')
      .skip(page * PAGE)
      .limit(PAGE)
      .get();
    const batch = (res.data ?? []).map((d) => activityRecordSchema.parse(d));
    for (const activity of batch) {
      activities++;
      const regs = await readMany(
        db,
        COLLECTIONS.registrations,
        { activityId: activity._id, status: db.command.in(['pending', 'confirmed', 'waitlisted']) },
        registrationRecordSchema,
      );
      for (const reg of regs) {
        if (reg.status === 'pending' && now.getTime() - reg.createdAt.getTime() < IN_FLIGHT_MS) continue;
        if (reg.status === (placeOf(activity, reg._id)?.status ?? 'cancelled')) continue;
        if (await settleRegistration(db, reg._id, activity, now)) settled++;
      }
    }
    if (batch.length < PAGE) return { activities, settled };
  }
}
