import { COLLECTIONS } from '../../shared/collections';
import { tomorrowRange } from '../../shared/rules/time';
import { insertMissing, readMany, type TimerContext } from '../kit';
import { activityRecordSchema, registrationRecordSchema } from '../records/activities';
import { registrationMessage } from '../records/seats';

/**
 * Every evening: queue a reminder for everyone with a confirmed seat at tomorrow's activities (`notify.dispatch`
 * delivers it), with one read and one batch insert per activity, so a busy day fits the function's timeout.
 * Runs that overlap are harmless: each reminder has an id derived from its registration and is inserted only if
 * missing, so it is queued once and counted at most once, by the run that inserted it.
 */
export async function remind({ db, now }: TimerContext) {
  const { start, end } = tomorrowRange(now);
  const activities = await readMany(
    db,
    COLLECTIONS.activities,
    db.command.and([
      { status: 'published', startAt: db.command.gte(start) },
      { startAt: db.command.lt(end) },
    ]),
    activityRecordSchema,
  );
  let queued = 0;
  for (const activity of activities) {
    // At most 500 seats per activity (the contract's capacity limit), within one read and one insert.
    const regs = await readMany(
      db,
      COLLECTIONS.registrations,
      { activityId: activity._id, status: 'confirmed' },
      registrationRecordSchema,
    );
    queued += await insertMissing(
      db,
      COLLECTIONS.outbox,
      regs.map((reg) => registrationMessage(reg, activity, 'reminder', now)),
    );
  }
  return { activities: activities.length, queued };
}
