import { COLLECTIONS } from '../../shared/collections';
import { tomorrowRange } from '../../shared/rules/time';
import { readMany, type TimerContext } from '../kit';
import { activityRecordSchema, registrationRecordSchema } from '../records/activities';
import { queueMessage } from '../records/seats';

/**
 * Every evening: queue a reminder for everyone with a confirmed seat at tomorrow's activities (`notify.dispatch`
 * delivers it). Runs that overlap are harmless: each reminder has an id derived from its registration and is
 * inserted only if missing, so it is queued once and counted by the run that inserted it.
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
    const regs = await readMany(
      db,
      COLLECTIONS.registrations,
      { activityId: activity._id, status: 'confirmed' },
      registrationRecordSchema,
    );
    for (const reg of regs) if (await queueMessage(db, reg, activity, 'reminder', now)) queued++;
  }
  return { activities: activities.length, queued };
}
