import { COLLECTIONS } from '../../shared/collections';
import { FEEDBACK_TAGS, type feedbackContract } from '../../shared/contract/feedback';
import { AppError } from '../../shared/errors';
import { feedbackClosesAt, publicAverage } from '../../shared/rules/feedback';
import { type ActionHandler, assertOwnCenter, readMany } from '../kit';
import { loadActivity, registrationRecordSchema } from '../records/activities';
import { feedbackRecordSchema } from './records';

type Feedback = typeof feedbackContract;

export const mine: ActionHandler<Feedback['mine']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run(_input, { db, openid, now }) {
    const [given, attended] = await Promise.all([
      readMany(db, COLLECTIONS.feedback, { holder: openid }, feedbackRecordSchema, 200),
      readMany(db, COLLECTIONS.registrations, { openid, status: 'attended' }, registrationRecordSchema, 200),
    ]);
    const rated = new Set(given.map((f) => f._id));
    return {
      feedback: given.map((f) => ({
        registrationId: f._id,
        activityId: f.activityId,
        activityTitle: f.activityTitle,
        rating: f.rating,
        tags: f.tags,
        comment: f.comment,
        proxy: f.proxy,
        updatedAt: f.updatedAt.toISOString(),
      })),
      toRate: attended
        .filter((r) => !rated.has(r._id) && feedbackClosesAt(r.endAt).getTime() > now.getTime())
        .map((r) => ({
          registrationId: r._id,
          activityId: r.activityId,
          activityTitle: r.title,
          closesAt: feedbackClosesAt(r.endAt).toISOString(),
        })),
    };
  },
};

/** Staff: distribution, tags and comments without names; no average below 3 ratings; held comments left out. */
export const forActivity: ActionHandler<Feedback['forActivity']> = {
  allow: ['staff'],
  async run({ activityId }, ctx) {
    const activity = await loadActivity(ctx.db, activityId);
    if (!activity) throw new AppError('NOT_FOUND', '没有找到这个活动');
    assertOwnCenter(ctx, activity.centerId);
    const all = await readMany(ctx.db, COLLECTIONS.feedback, { activityId }, feedbackRecordSchema);
    const histogram = [0, 0, 0, 0, 0];
    const tags: Record<string, number> = Object.fromEntries(FEEDBACK_TAGS.map((t) => [t, 0]));
    let sum = 0;
    for (const f of all) {
      histogram[f.rating - 1] = (histogram[f.rating - 1] ?? 0) + 1;
      sum += f.rating;
      for (const t of f.tags) tags[t] = (tags[t] ?? 0) + 1;
    }
    const comments = all
      .filter((f) => f.comment && !f.held)
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
      .map((f) => ({ rating: f.rating, comment: f.comment ?? '', at: f.updatedAt.toISOString() }));
    return {
      activityId,
      title: activity.title,
      count: all.length,
      average: publicAverage(all.length, sum),
      histogram,
      tags,
      comments,
    };
  },
};
