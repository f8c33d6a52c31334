import { COLLECTIONS } from '../../shared/collections';
import type { checkinContract } from '../../shared/contract/checkin';
import { AppError } from '../../shared/errors';
import { maskPhone } from '../../shared/rules/mask';
import { monthOf } from '../../shared/rules/time';
import {
  type ActionHandler,
  assertOwnCenter,
  bumpStats,
  memberRecordSchema,
  readMany,
  recordAudit,
} from '../kit';
import { loadActivity, registrationRecordSchema } from '../records/activities';

type Checkin = typeof checkinContract;

/** By name, or by the last 4 digits of the phone of whoever signed the person up. */
export const search: ActionHandler<Checkin['search']> = {
  allow: ['staff'],
  async run({ activityId, query }, ctx) {
    const { db } = ctx;
    const activity = await loadActivity(db, activityId);
    if (!activity) throw new AppError('NOT_FOUND', '没有找到这个活动');
    assertOwnCenter(ctx, activity.centerId);
    const regs = await readMany(
      db,
      COLLECTIONS.registrations,
      { activityId, status: db.command.in(['confirmed', 'attended', 'no_show']) },
      registrationRecordSchema,
    );
    const holders = [...new Set(regs.map((r) => r.openid))];
    const phones = new Map(
      (holders.length
        ? await readMany(db, COLLECTIONS.members, { _id: db.command.in(holders) }, memberRecordSchema)
        : []
      ).map((m) => [m._id, m.phone]),
    );
    const byPhone = /^\d{4}$/.test(query);
    return {
      attendees: regs
        .filter(
          (r) => !query || (byPhone ? phones.get(r.openid)?.endsWith(query) : r.displayName.includes(query)),
        )
        .map((r) => {
          const phone = phones.get(r.openid);
          return {
            registrationId: r._id,
            displayName: r.displayName,
            phoneMasked: phone ? maskPhone(phone) : null,
            status: r.status === 'pending' ? 'confirmed' : r.status,
            checkedInAt: r.checkedInAt?.toISOString() ?? null,
            method: r.checkInMethod,
          };
        })
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-Hans-CN')),
    };
  },
};

/**
 * After the end: confirmed people who never checked in become no-shows, then the activity is closed. Each step
 * is conditional, so closing twice (or after a crash) counts nothing twice.
 */
export const close: ActionHandler<Checkin['close']> = {
  allow: ['staff'],
  async run({ activityId }, ctx) {
    const { db, now } = ctx;
    const activity = await loadActivity(db, activityId);
    if (!activity) throw new AppError('NOT_FOUND', '没有找到这个活动');
    assertOwnCenter(ctx, activity.centerId);
    if (activity.status === 'draft' || activity.status === 'cancelled')
      throw new AppError('CONFLICT', '这个活动没有举办');
    if (now.getTime() < activity.endAt.getTime())
      throw new AppError('CONFLICT', '活动还没结束，结束后再关闭');

    const month = monthOf(activity.startAt);
    const marked: { updated?: number } = await db
      .collection(COLLECTIONS.registrations)
      .where({ activityId, status: 'confirmed' })
      .update({ status: 'no_show', closedAt: now });
    if (marked.updated) await bumpStats(db, activity.centerId, month, { noShows: marked.updated });
    const closed: { updated?: number } = await db
      .collection(COLLECTIONS.activities)
      .where({ _id: activityId, status: 'published' })
      .update({ status: 'closed', closedAt: now, closedBy: ctx.openid });
    if (closed.updated === 1) {
      await bumpStats(db, activity.centerId, month, { activitiesHeld: 1, [`held_${activity.category}`]: 1 });
      await recordAudit(ctx, {
        kind: 'activity.close',
        targetId: activityId,
        detail: { noShows: marked.updated ?? 0 },
      });
    }
    const count = async (status: string) =>
      (
        (await db.collection(COLLECTIONS.registrations).where({ activityId, status }).count()) as {
          total?: number;
        }
      ).total ?? 0;
    return { activityId, attended: await count('attended'), noShows: await count('no_show') };
  },
};
