import { COLLECTIONS } from '../../shared/collections';
import type { ActivityView, activitiesContract } from '../../shared/contract/activities';
import { AppError } from '../../shared/errors';
import { placeOf } from '../../shared/rules/seats';
import { dayOf, monthOf } from '../../shared/rules/time';
import { type ActionContext, type ActionHandler, type Database, loadCenter, readMany } from '../kit';
import {
  type ActivityRecord,
  activityRecordSchema,
  loadActivity,
  registrationRecordSchema,
  toActivityView,
} from '../records/activities';

type Activities = typeof activitiesContract;

const isOwnStaff = (ctx: ActionContext, centerId: string) =>
  ctx.member.role === 'staff' && ctx.member.centerId === centerId;

/** The caller's own registrations (themselves and family) on these activities, keyed by activity. */
async function myRegistrations(db: Database, openid: string, activities: ActivityRecord[]) {
  const byActivity = new Map<string, ActivityView['mine']>();
  if (!activities.length) return byActivity;
  const regs = await readMany(
    db,
    COLLECTIONS.registrations,
    { openid, activityId: db.command.in(activities.map((a) => a._id)) },
    registrationRecordSchema,
  );
  const byId = new Map(activities.map((a) => [a._id, a]));
  for (const r of regs) {
    const activity = byId.get(r.activityId);
    if (!activity || r.status === 'pending') continue;
    const list = byActivity.get(r.activityId) ?? [];
    list.push({
      registrationId: r._id,
      forMemberId: r.forMemberId,
      displayName: r.displayName,
      status: r.status,
      waitlistPosition: r.status === 'waitlisted' ? (placeOf(activity, r._id)?.position ?? null) : null,
    });
    byActivity.set(r.activityId, list);
  }
  return byActivity;
}

export const listMonth: ActionHandler<Activities['listMonth']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run({ centerId, month, category, day, includeDrafts }, ctx) {
    const { db, now, openid } = ctx;
    if (includeDrafts && !isOwnStaff(ctx, centerId))
      throw new AppError('FORBIDDEN', '只有本中心社工能看到草稿');
    const center = await loadCenter(db, centerId);
    if (!center) throw new AppError('NOT_FOUND', '没有这个邻里中心');
    const wanted = month ?? monthOf(now);
    const statuses = includeDrafts
      ? ['draft', 'published', 'cancelled', 'closed']
      : ['published', 'cancelled', 'closed'];
    const query = {
      centerId,
      month: wanted,
      status: db.command.in(statuses),
      ...(category ? { category } : {}),
    };
    const res: { data?: unknown[] } = await db
      .collection(COLLECTIONS.activities)
      .where(query)
      .orderBy('startAt', 'asc')
      .limit(1000)
      .get();
    const activities = (res.data ?? [])
      .map((d) => activityRecordSchema.parse(d))
      .filter((a) => !day || dayOf(a.startAt) === day);
    const mine = await myRegistrations(db, openid, activities);
    return {
      centerId,
      centerName: center.name,
      month: wanted,
      activities: activities.map((a) => toActivityView(a, now, mine.get(a._id) ?? [])),
    };
  },
};

export const get: ActionHandler<Activities['get']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run({ activityId }, ctx) {
    const activity = await loadActivity(ctx.db, activityId);
    if (!activity || (activity.status === 'draft' && !isOwnStaff(ctx, activity.centerId))) {
      throw new AppError('NOT_FOUND', '没有找到这个活动');
    }
    const mine = await myRegistrations(ctx.db, ctx.openid, [activity]);
    return { activity: toActivityView(activity, ctx.now, mine.get(activity._id) ?? []) };
  },
};
