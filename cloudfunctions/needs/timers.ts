import { COLLECTIONS } from '../../shared/collections';
import { NEED_REPLY_DAYS } from '../../shared/contract/needs';
import { bumpStats, readMany, type TimerContext } from '../kit';
import { needRecordSchema } from '../records/needs';

/**
 * Daily: needs nobody answered within 7 days are flagged once (staff see them marked in their inbox, and the
 * center's counters count them for the response-time figure).
 */
export async function flagOverdue({ db, now }: TimerContext) {
  const before = new Date(now.getTime() - NEED_REPLY_DAYS * 24 * 3600_000);
  const late = await readMany(
    db,
    COLLECTIONS.needs,
    { firstReplyAt: null, overdueFlaggedAt: null, createdAt: db.command.lt(before) },
    needRecordSchema,
  );
  let flagged = 0;
  for (const need of late) {
    const res: { updated?: number } = await db
      .collection(COLLECTIONS.needs)
      .where({ _id: need._id, overdueFlaggedAt: null, firstReplyAt: null })
      .update({ overdueFlaggedAt: now });
    if (res.updated === 1) {
      await bumpStats(db, need.centerId, need.month, { needsOverdue: 1 });
      flagged++;
    }
  }
  return { flagged };
}
