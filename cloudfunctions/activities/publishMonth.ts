import { COLLECTIONS } from '../../shared/collections';
import { type activitiesContract, activityDraftSchema, CATEGORIES } from '../../shared/contract/activities';
import { AppError, type FieldIssue } from '../../shared/errors';
import { type ActionHandler, bumpStats, readMany, recordAudit } from '../kit';
import { type ActivityRecord, activityRecordSchema } from '../records/activities';

type Activities = typeof activitiesContract;

/** The stored draft back in the shape staff wrote it, to validate it again with the same schema. */
const asDraft = (a: ActivityRecord) => ({
  category: a.category,
  title: a.title,
  description: a.description,
  place: a.place,
  startAt: a.startAt.toISOString(),
  endAt: a.endAt.toISOString(),
  capacity: a.capacity,
  signupDeadline: a.signupDeadline.toISOString(),
  tags: a.tags,
  needIds: a.needIds,
});

/**
 * Makes every draft of the caller's center in `month` visible at once. Each draft is validated first; if any
 * fails, nothing is published and every problem is reported with the activity it belongs to. Publishing a
 * month with no drafts left is harmless.
 */
export const publishMonth: ActionHandler<Activities['publishMonth']> = {
  allow: ['staff'],
  async run({ month }, ctx) {
    const { db, member, now } = ctx;
    const centerId = member.centerId ?? '';
    const drafts = await readMany(
      db,
      COLLECTIONS.activities,
      { centerId, month, status: 'draft' },
      activityRecordSchema,
    );
    const issues: FieldIssue[] = [];
    for (const draft of drafts) {
      const parsed = activityDraftSchema.safeParse(asDraft(draft));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          issues.push({
            field: `activities.${draft._id}.${issue.path.join('.')}`,
            message: `「${draft.title}」${issue.message}`,
          });
        }
      }
      if (draft.signupDeadline.getTime() < now.getTime()) {
        issues.push({
          field: `activities.${draft._id}.signupDeadline`,
          message: `「${draft.title}」报名截止时间已过`,
        });
      }
    }
    if (issues.length) throw new AppError('VALIDATION', issues[0]?.message, issues);
    if (!drafts.length) return { month, published: 0 };

    // One conditional update per category, so the counters add exactly what this call published.
    const published: Record<string, number> = {};
    for (const category of CATEGORIES) {
      const ids = drafts.filter((d) => d.category === category).map((d) => d._id);
      if (!ids.length) continue;
      const res: { updated?: number } = await db
        .collection(COLLECTIONS.activities)
        .where({ centerId, month, status: 'draft', _id: db.command.in(ids) })
        .update({ status: 'published', publishedAt: now, updatedAt: now });
      if (res.updated) published[`published_${category}`] = res.updated;
    }
    const total = Object.values(published).reduce((a, b) => a + b, 0);
    await bumpStats(db, centerId, month, { activitiesPublished: total, ...published });
    await recordAudit(ctx, {
      kind: 'activity.publishMonth',
      targetId: `${centerId}:${month}`,
      detail: { published: total },
    });
    return { month, published: total };
  },
};
