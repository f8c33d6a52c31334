import { COLLECTIONS } from '../../shared/collections';
import type { feedbackContract } from '../../shared/contract/feedback';
import { AppError } from '../../shared/errors';
import { feedbackClosesAt, ratingDelta } from '../../shared/rules/feedback';
import { type ActionHandler, bumpStats, configuredChecker, insertOnce, readDoc, recordAudit } from '../kit';
import { registrationRecordSchema } from '../records/activities';
import { feedbackRecordSchema } from './records';

type Feedback = typeof feedbackContract;

const MAX_ATTEMPTS = 20;

/**
 * A resident rates an activity they attended, or staff record it for a resident without a phone (proxy).
 * The first submission inserts (_id = registration); later ones update, conditional on the version read, so
 * the change in the center's counters is computed from exactly the rating it replaces.
 */
export const submit: ActionHandler<Feedback['submit']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run({ registrationId, rating, tags, comment }, ctx) {
    const { db, openid, member, now } = ctx;
    const reg = await readDoc(db, COLLECTIONS.registrations, registrationId, registrationRecordSchema);
    if (!reg) throw new AppError('NOT_FOUND', '没有找到这条报名');
    const proxy = reg.openid !== openid;
    if (proxy && !(member.role === 'staff' && member.centerId === reg.centerId)) {
      throw new AppError('FORBIDDEN', '只能评价自己参加的活动');
    }
    if (reg.status !== 'attended') throw new AppError('FORBIDDEN', '签到参加后才能评价');
    if (now.getTime() > feedbackClosesAt(reg.endAt).getTime())
      throw new AppError('CLOSED', '评价已截止（活动结束7天内可评价）');

    const text = comment?.length ? comment : null;
    const held = text !== null && (await configuredChecker().check(text, openid)) === 'review';
    const uniqueTags = [...new Set(tags)];
    const fields = { rating, tags: uniqueTags, comment: text, held, proxy, by: openid, updatedAt: now };

    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const existing = await readDoc(db, COLLECTIONS.feedback, registrationId, feedbackRecordSchema);
      let applied = false;
      if (!existing) {
        applied = await insertOnce(db, COLLECTIONS.feedback, {
          _id: registrationId,
          activityId: reg.activityId,
          activityTitle: reg.title,
          centerId: reg.centerId,
          month: reg.month,
          holder: reg.openid,
          version: 1,
          ...fields,
        });
      } else {
        const res: { updated?: number } = await db
          .collection(COLLECTIONS.feedback)
          .where({ _id: registrationId, version: existing.version })
          .update({ ...fields, version: db.command.inc(1) });
        applied = res.updated === 1;
      }
      if (!applied) continue;
      const delta = ratingDelta(existing, { rating, tags: uniqueTags, proxy });
      await Promise.all([
        bumpStats(db, reg.centerId, reg.month, delta),
        // The activity keeps its own count and sum, so the lowest-rated activities can be listed.
        db
          .collection(COLLECTIONS.activities)
          .doc(reg.activityId)
          .update({
            ratings: db.command.inc(delta.ratings ?? 0),
            ratingSum: db.command.inc(delta.ratingSum ?? 0),
          }),
      ]);
      if (proxy)
        await recordAudit(ctx, { kind: 'feedback.proxy', targetId: registrationId, detail: { rating } });
      return { registrationId, rating, updated: existing !== null, held };
    }
    throw new AppError('BUSY');
  },
};
