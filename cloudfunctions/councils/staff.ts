import { COLLECTIONS } from '../../shared/collections';
import type { councilsContract } from '../../shared/contract/councils';
import { AppError } from '../../shared/errors';
import { monthOf } from '../../shared/rules/time';
import { guessTopicCategory, titleFromText, wholeDays } from '../../shared/rules/topics';
import {
  type ActionContext,
  type ActionHandler,
  assertOwnCenter,
  bumpStats,
  insertOnce,
  loadCenter,
  readMany,
  recordAudit,
} from '../kit';
import { loadActivity } from '../records/activities';
import { ownNeed } from '../records/needs';
import { loadTopic, newTopic, notifyTopicPeople, type TopicRecord, topicRecordSchema } from './records';

type Councils = typeof councilsContract;

async function ownTopic(ctx: ActionContext, topicId: string): Promise<TopicRecord> {
  const topic = await loadTopic(ctx.db, topicId);
  if (!topic) throw new AppError('NOT_FOUND', '没有找到这个议题');
  assertOwnCenter(ctx, topic.centerId);
  return topic;
}

/** A need many residents support becomes a council topic: its reporter proposes it, its supporters support it. */
export const raiseFromNeed: ActionHandler<Councils['raiseFromNeed']> = {
  allow: ['staff'],
  async run({ needId }, ctx) {
    const { db, now } = ctx;
    const need = await ownNeed(ctx, needId);
    if (need.held) throw new AppError('CONFLICT', '这条需求还在审核，审核通过后再提交议事会');
    const center = await loadCenter(db, need.centerId);
    if (!center) throw new AppError('NOT_FOUND', '没有找到这个邻里中心');
    // One topic per need, whatever the retries: its id is the need's.
    const topicId = `t-${needId}`;
    const month = monthOf(now);
    const supporters = need.supporters.filter((s) => s !== need.reporter);
    const created = await insertOnce(
      db,
      COLLECTIONS.topics,
      newTopic(
        {
          _id: topicId,
          centerId: need.centerId,
          streetId: center.streetId,
          centerName: center.name,
          month,
          title: titleFromText(need.text),
          description: need.text,
          category: guessTopicCategory(need.text),
          held: false,
          proposer: need.reporter,
          needId,
          supporters,
        },
        now,
      ),
    );
    if (created) {
      await Promise.all([
        bumpStats(db, need.centerId, month, { topicsProposed: 1 }),
        db.collection(COLLECTIONS.needs).doc(needId).update({ topicId }),
        recordAudit(ctx, { kind: 'topic.raiseFromNeed', targetId: topicId, detail: { needId } }),
      ]);
    }
    return { topicId, created };
  },
};

/** Topics go on the agenda of a published council meeting of the center; their people hear when and where. */
export const schedule: ActionHandler<Councils['schedule']> = {
  allow: ['staff'],
  async run({ topicIds, activityId, roles }, ctx) {
    const { db, now } = ctx;
    const _ = db.command;
    const meeting = await loadActivity(db, activityId);
    if (!meeting) throw new AppError('NOT_FOUND', '没有找到这个议事会活动');
    assertOwnCenter(ctx, meeting.centerId);
    if (meeting.category !== 'micro_governance') {
      throw new AppError('VALIDATION', '请选择“社区微治理”类的活动作为议事会', [
        { field: 'activityId', message: '请选择“社区微治理”类的活动' },
      ]);
    }
    if (meeting.status !== 'published') {
      throw new AppError(
        'CONFLICT',
        meeting.status === 'draft' ? '请先发布这个活动，再安排议题' : '这个活动已结束或取消',
      );
    }
    const ids = [...new Set(topicIds)];
    const topics = await readMany(db, COLLECTIONS.topics, { _id: _.in(ids) }, topicRecordSchema);
    for (const id of ids) {
      const topic = topics.find((t) => t._id === id);
      if (!topic || topic.centerId !== meeting.centerId)
        throw new AppError('NOT_FOUND', '有议题不属于本中心');
      if (topic.held) throw new AppError('CONFLICT', `「${topic.title}」还在审核`);
      if (topic.status !== 'open' && topic.status !== 'scheduled') {
        throw new AppError('CONFLICT', `「${topic.title}」已议定，不能再安排`);
      }
    }
    const at = { activityId, title: meeting.title, startAt: meeting.startAt, place: meeting.place };
    let scheduled = 0;
    for (const topic of topics) {
      const res: { updated?: number } = await db
        .collection(COLLECTIONS.topics)
        .where({ _id: topic._id, status: _.in(['open', 'scheduled']) })
        .update({ status: 'scheduled', meeting: at, lastActionAt: now });
      if (res.updated !== 1) continue;
      scheduled++;
      await notifyTopicPeople(db, topic, 'topic_scheduled', { key: activityId, meeting: at }, now);
    }
    await db
      .collection(COLLECTIONS.activities)
      .doc(activityId)
      .update({
        topicIds: _.addToSet({ $each: ids }),
        ...(roles ? { councilRoles: [...new Set(roles)] } : {}),
        updatedAt: now,
      });
    await recordAudit(ctx, { kind: 'topic.schedule', targetId: activityId, detail: { topicIds: ids } });
    return { activityId, scheduled };
  },
};

/** After the meeting: what was decided, who carries it out, by when. Recording again corrects the decision. */
export const recordOutcome: ActionHandler<Councils['recordOutcome']> = {
  allow: ['staff'],
  async run({ topicId, resolution, owner, dueDate, minutes }, ctx) {
    const { db, now, member } = ctx;
    const _ = db.command;
    const topic = await ownTopic(ctx, topicId);
    if (!topic.meeting) throw new AppError('CONFLICT', '请先把议题安排到议事会');
    if (topic.status === 'done') throw new AppError('CONFLICT', '议题已办结');
    // The meeting as it stands now: staff may have moved it since the topic was put on its agenda.
    const meeting = await loadActivity(db, topic.meeting.activityId);
    if (!meeting || meeting.startAt.getTime() > now.getTime()) {
      throw new AppError('CONFLICT', '议事会开始后才能记录决议');
    }
    const decided = { text: resolution, owner, dueDate, recordedAt: now, by: member.displayName };
    const fields = { resolution: decided, status: 'resolved', lastActionAt: now };
    // Only the first decision counts the topic as deliberated; a correction just replaces the words.
    const first: { updated?: number } = await db
      .collection(COLLECTIONS.topics)
      .where({ _id: topicId, status: 'scheduled' })
      .update(fields);
    if (first.updated === 1) {
      await bumpStats(db, topic.centerId, topic.month, { topicsDeliberated: 1 });
    } else {
      const again: { updated?: number } = await db
        .collection(COLLECTIONS.topics)
        .where({ _id: topicId, status: 'resolved' })
        .update(fields);
      if (again.updated !== 1) throw new AppError('CONFLICT', '议题状态刚刚变了，请刷新后再试');
    }
    await Promise.all([
      minutes
        ? db.collection(COLLECTIONS.activities).doc(topic.meeting.activityId).update({ minutes })
        : null,
      notifyTopicPeople(
        db,
        topic,
        'topic_resolved',
        { key: `${now.getTime()}`, note: `${resolution}（${owner}负责，${dueDate}前完成）` },
        now,
      ),
      recordAudit(ctx, { kind: 'topic.outcome', targetId: topicId, detail: { owner, dueDate } }),
    ]);
    return { topicId, status: 'resolved' as const };
  },
};

/** A dated note on how the resolution is carried out; `done` finishes the topic and invites ratings. */
export const progress: ActionHandler<Councils['progress']> = {
  allow: ['staff'],
  async run({ topicId, note, done }, ctx) {
    const { db, now, member } = ctx;
    const _ = db.command;
    const topic = await ownTopic(ctx, topicId);
    if (topic.status === 'done') throw new AppError('CONFLICT', '议题已办结');
    if (topic.status !== 'resolved') throw new AppError('CONFLICT', '议定决议后才能记录进展');
    const entry = { note, at: now, by: member.displayName };
    const days = wholeDays(topic.createdAt, now);
    const res: { updated?: number } = await db
      .collection(COLLECTIONS.topics)
      .where({ _id: topicId, status: 'resolved' })
      .update({
        progress: _.push([entry]),
        lastActionAt: now,
        ...(done ? { status: 'done', doneAt: now, doneDays: days } : {}),
      });
    if (res.updated !== 1) throw new AppError('CONFLICT', '议题状态刚刚变了，请刷新后再试');
    await Promise.all([
      done ? bumpStats(db, topic.centerId, topic.month, { topicsDone: 1, topicDoneDays: days }) : null,
      notifyTopicPeople(
        db,
        topic,
        done ? 'topic_done' : 'topic_progress',
        { key: `${now.getTime()}`, note },
        now,
      ),
      recordAudit(ctx, { kind: done ? 'topic.done' : 'topic.progress', targetId: topicId }),
    ]);
    return { topicId, status: done ? ('done' as const) : ('resolved' as const) };
  },
};
