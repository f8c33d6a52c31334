import { COLLECTIONS } from '../../shared/collections';
import type { activitiesContract } from '../../shared/contract/activities';
import { AppError } from '../../shared/errors';
import { type ActionHandler, assertOwnCenter, bumpStats, readMany, recordAudit } from '../kit';
import { loadActivity, registrationRecordSchema } from '../records/activities';
import { queueMessage } from '../records/seats';

type Activities = typeof activitiesContract;

/**
 * Staff cancel an activity with a reason. Registrations are kept and marked cancelled by the center, and every
 * person on them gets a message. Each step can be repeated safely, so a retry after a crash finishes the job:
 * the activity is closed to sign-ups first, the messages (with ids derived from the registration) are queued
 * before the registrations change, and the counters are reset last.
 */
export const cancel: ActionHandler<Activities['cancel']> = {
  allow: ['staff'],
  async run({ activityId, reason }, ctx) {
    const { db, now } = ctx;
    const activity = await loadActivity(db, activityId);
    if (!activity) throw new AppError('NOT_FOUND', '没有找到这个活动');
    assertOwnCenter(ctx, activity.centerId);
    if (activity.status === 'closed') throw new AppError('CONFLICT', '活动已结束，不能取消');
    if (activity.status !== 'cancelled') {
      // Conditional on the status read: only a cancellation of a published activity counts against the list.
      const res: { updated?: number } = await db
        .collection(COLLECTIONS.activities)
        .where({ _id: activityId, status: activity.status })
        .update({ status: 'cancelled', cancelReason: reason, cancelledAt: now, updatedAt: now });
      if (res.updated !== 1) {
        const latest = await loadActivity(db, activityId);
        if (latest?.status !== 'cancelled') throw new AppError('CONFLICT', '活动状态刚刚变了，请刷新后再试');
      } else if (activity.status === 'published') {
        await bumpStats(db, activity.centerId, activity.month, {
          activitiesCancelled: 1,
          [`cancelled_${activity.category}`]: 1,
        });
      }
    }

    const affected = await readMany(
      db,
      COLLECTIONS.registrations,
      { activityId, status: db.command.in(['pending', 'confirmed', 'waitlisted']) },
      registrationRecordSchema,
    );
    const cancelled = { ...activity, status: 'cancelled' as const, cancelReason: reason };
    // Queued before the registrations change, with ids per registration and round: a retry finds them there.
    for (const reg of affected) {
      if (reg.status !== 'pending') await queueMessage(db, reg, cancelled, 'activity_cancelled', now);
    }
    if (affected.length) {
      await db
        .collection(COLLECTIONS.registrations)
        .where({ activityId, status: db.command.in(['pending', 'confirmed', 'waitlisted']) })
        .update({ status: 'cancelled', cancelledBy: 'center', cancelledAt: now });
    }
    await db
      .collection(COLLECTIONS.activities)
      .doc(activityId)
      .update({ confirmed: 0, waitlisted: 0, seats: [], queue: [], seatsVersion: db.command.inc(1) });
    await recordAudit(ctx, {
      kind: 'activity.cancel',
      targetId: activityId,
      detail: { reason, registrations: affected.length },
    });
    return { activityId, cancelledRegistrations: affected.length };
  },
};
