import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../shared/collections';
import type { councilsContract } from '../../shared/contract/councils';
import { AppError } from '../../shared/errors';
import { monthOf } from '../../shared/rules/time';
import {
  type ActionContext,
  type ActionHandler,
  bumpStats,
  configuredChecker,
  loadCenter,
  readMany,
} from '../kit';
import { activityRecordSchema } from '../records/activities';
import { isIdle, isOverdue, loadTopic, newTopic, topicRecordSchema, topicView, UNFINISHED } from './records';

type Councils = typeof councilsContract;
const EVERYONE = ['resident', 'staff', 'office', 'admin'] as const;

export const propose: ActionHandler<Councils['propose']> = {
  allow: EVERYONE,
  async run({ centerId, title, description, category }, { db, openid, now }) {
    const center = await loadCenter(db, centerId);
    if (center?.status !== 'operating') {
      throw new AppError('VALIDATION', '请选择正在运营的邻里中心', [
        { field: 'centerId', message: '请选择正在运营的邻里中心' },
      ]);
    }
    const held = (await configuredChecker().check(`${title}\n${description}`, openid)) === 'review';
    const topicId = `t-${randomBytes(5).toString('hex')}`;
    const month = monthOf(now);
    const topic = newTopic(
      {
        _id: topicId,
        centerId,
        streetId: center.streetId,
        centerName: center.name,
        month,
        title,
        description,
        category,
        held,
        proposer: openid,
        needId: null,
        supporters: [],
      },
      now,
    );
    await db.collection(COLLECTIONS.topics).add(topic);
    await bumpStats(db, centerId, month, { topicsProposed: 1 });
    return { topicId, held };
  },
};

/** +1 once per person; the proposer's own topic and a repeated tap change nothing. */
export const support: ActionHandler<Councils['support']> = {
  allow: EVERYONE,
  async run({ topicId }, { db, openid }) {
    const _ = db.command;
    const res: { updated?: number } = await db
      .collection(COLLECTIONS.topics)
      .where({
        _id: topicId,
        held: false,
        status: _.in([...UNFINISHED]),
        proposer: _.neq(openid),
        supporters: _.neq(openid),
      })
      .update({ supporters: _.push([openid]), supportCount: _.inc(1) });
    const topic = await loadTopic(db, topicId);
    if (!topic || (topic.held && topic.proposer !== openid))
      throw new AppError('NOT_FOUND', '没有找到这个议题');
    if (res.updated !== 1 && topic.status === 'done')
      throw new AppError('CONFLICT', '议题已办结，不能再附议');
    return { topicId, supporters: topic.supportCount };
  },
};

/** The centers whose council the caller may read: one center, or a street office's whole street. */
async function councilScope(
  ctx: ActionContext,
  centerId: string | undefined,
): Promise<{ centerId: string } | { streetId: string }> {
  const { member, db } = ctx;
  if (!centerId) {
    if (member.role === 'office' && member.streetId) return { streetId: member.streetId };
    if (member.role === 'staff' && member.centerId) return { centerId: member.centerId };
    throw new AppError('VALIDATION', '请选择邻里中心', [{ field: 'centerId', message: '请选择邻里中心' }]);
  }
  const center = await loadCenter(db, centerId);
  if (!center) throw new AppError('NOT_FOUND', '没有找到这个邻里中心');
  if (member.role === 'office' && member.streetId !== center.streetId) {
    throw new AppError('FORBIDDEN', '只能查看本街道的议事会');
  }
  return { centerId };
}

export const list: ActionHandler<Councils['list']> = {
  allow: EVERYONE,
  async run({ centerId, status }, ctx) {
    const { db, openid, member, now } = ctx;
    const scope = await councilScope(ctx, centerId);
    const [topics, meetings] = await Promise.all([
      readMany(db, COLLECTIONS.topics, { ...scope, ...(status ? { status } : {}) }, topicRecordSchema),
      readMany(db, COLLECTIONS.activities, { ...scope, category: 'micro_governance' }, activityRecordSchema),
    ]);
    // Staff of the center and offices review held topics; everyone else sees only their own held ones.
    const ownCenter = 'centerId' in scope && scope.centerId === member.centerId;
    const reviewer =
      member.role === 'office' || member.role === 'admin' || (member.role === 'staff' && ownCenter);
    const visible = topics
      .filter((t) => !t.held || reviewer || t.proposer === openid)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    const showDrafts = member.role === 'staff' && ownCenter;
    return {
      topics: visible.map((t) => topicView(t, openid, now)),
      meetings: meetings
        .filter((m) => m.topicIds.length > 0 && (m.status !== 'draft' || showDrafts))
        .sort((a, b) => b.startAt.getTime() - a.startAt.getTime())
        .map((m) => ({
          activityId: m._id,
          title: m.title,
          startAt: m.startAt.toISOString(),
          place: m.place,
          status: m.status,
          roles: m.councilRoles,
          minutes: m.minutes,
          topicIds: m.topicIds,
        })),
      idle: visible.filter((t) => isIdle(t, now)).length,
      overdue: visible.filter((t) => isOverdue(t, now)).length,
    };
  },
};

/** The proposer and supporters rate a finished topic's outcome, once each. */
export const rateOutcome: ActionHandler<Councils['rateOutcome']> = {
  allow: EVERYONE,
  async run({ topicId, rating }, { db, openid }) {
    const topic = await loadTopic(db, topicId);
    if (!topic || (topic.held && topic.proposer !== openid))
      throw new AppError('NOT_FOUND', '没有找到这个议题');
    if (topic.proposer !== openid && !topic.supporters.includes(openid)) {
      throw new AppError('FORBIDDEN', '提议或附议过的居民才能评价');
    }
    if (topic.status !== 'done') throw new AppError('CONFLICT', '议题办结后才能评价');
    const _ = db.command;
    const res: { updated?: number } = await db
      .collection(COLLECTIONS.topics)
      .where({ _id: topicId, status: 'done', raters: _.neq(openid) })
      .update({ raters: _.push([openid]), ratingCount: _.inc(1), ratingSum: _.inc(rating) });
    if (res.updated !== 1) throw new AppError('CONFLICT', '您已经评价过了');
    await bumpStats(db, topic.centerId, topic.month, { topicRatings: 1, topicRatingSum: rating });
    return { topicId, rating };
  },
};
