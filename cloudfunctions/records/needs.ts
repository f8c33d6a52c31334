import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import { NEED_REPLY_DAYS, needCategorySchema, needStatusSchema } from '../../shared/contract/needs';
import { AppError } from '../../shared/errors';
import type { MessageKind } from '../../shared/rules/messages';
import {
  type ActionContext,
  assertOwnCenter,
  type Database,
  insertOnce,
  outboxMessage,
  readDoc,
} from '../kit';

const date = z.coerce.date();

/** `needs`: one thing residents asked a center for, its supporters, the staff's replies and what was planned. */
export const needRecordSchema = z.object({
  _id: z.string(),
  centerId: z.string(),
  category: needCategorySchema,
  text: z.string(),
  status: needStatusSchema,
  reason: z.string().nullable(),
  /** Held by the content check: shown to its reporter and to staff for review, to nobody else. */
  held: z.boolean(),
  reporter: z.string(),
  supporters: z.array(z.string()),
  supportCount: z.number().int(),
  replies: z.array(z.object({ text: z.string(), at: date, by: z.string() })),
  activities: z.array(z.object({ activityId: z.string(), title: z.string(), startAt: date })),
  month: z.string(),
  createdAt: date,
  firstReplyAt: date.nullable(),
  /** Whole minutes from the report to the first reply, as the center's counters count it. */
  replyMinutes: z.number().int().nullable().default(null),
  overdueFlaggedAt: date.nullable(),
  /** The council topic staff raised it into, if any. */
  topicId: z.string().nullable().default(null),
});
export type NeedRecord = z.infer<typeof needRecordSchema>;

export const loadNeed = (db: Database, id: string) => readDoc(db, COLLECTIONS.needs, id, needRecordSchema);

/** A need of the calling staff member's own center; NOT_FOUND or FORBIDDEN otherwise. */
export async function ownNeed(ctx: ActionContext, needId: string): Promise<NeedRecord> {
  const need = await loadNeed(ctx.db, needId);
  if (!need) throw new AppError('NOT_FOUND', '没有找到这条需求');
  assertOwnCenter(ctx, need.centerId);
  return need;
}

export const isOverdue = (need: NeedRecord, now: Date) =>
  need.firstReplyAt === null && now.getTime() - need.createdAt.getTime() > NEED_REPLY_DAYS * 24 * 3600_000;

export const OPEN_NEED_STATUSES = ['submitted', 'acknowledged', 'planned'] as const;

/** A need's text shortened for a message title. */
export const excerpt = (text: string) => (text.length > 16 ? `${text.slice(0, 15)}…` : text);

/** Which of these activities residents can open (drafts cannot be opened until the list is published). */
export async function openActivities(db: Database, needs: NeedRecord[]): Promise<Set<string>> {
  const ids = [...new Set(needs.flatMap((n) => n.activities.map((a) => a.activityId)))];
  if (!ids.length) return new Set();
  const res: { data?: { _id: string; status: string }[] } = await db
    .collection(COLLECTIONS.activities)
    .where({ _id: db.command.in(ids), status: db.command.neq('draft') })
    .field({ _id: true, status: true })
    .limit(1000)
    .get();
  return new Set((res.data ?? []).map((a) => a._id));
}

export function needView(n: NeedRecord, open: Set<string>) {
  return {
    needId: n._id,
    centerId: n.centerId,
    category: n.category,
    text: n.text,
    status: n.status,
    reason: n.reason,
    held: n.held,
    supporters: n.supportCount,
    replies: n.replies.map((r) => ({ text: r.text, at: r.at.toISOString(), by: r.by })),
    activities: n.activities.map((a) => ({
      activityId: a.activityId,
      title: a.title,
      startAt: a.startAt.toISOString(),
      open: open.has(a.activityId),
    })),
    createdAt: n.createdAt.toISOString(),
    topicId: n.topicId,
  };
}

/**
 * Tells people about a need: its reporter, and (for plans) everyone who supported it. Message ids combine the
 * need, the event and the person, so repeating a step queues nothing twice.
 */
export async function notifyNeedPeople(
  db: Database,
  need: NeedRecord,
  kind: Extract<MessageKind, 'need_reply' | 'need_planned'>,
  about: {
    key: string;
    reply?: string;
    activity?: { activityId: string; title: string; place: string; startAt: Date };
  },
  now: Date,
  people: string[] = [need.reporter, ...need.supporters],
): Promise<void> {
  for (const openid of new Set(people)) {
    await insertOnce(
      db,
      COLLECTIONS.outbox,
      outboxMessage({
        id: `${need._id}_${kind}_${about.key}_${openid}`.slice(0, 128),
        openid,
        kind,
        subject: {
          title: about.activity?.title ?? excerpt(need.text),
          place: about.activity?.place ?? '',
          startAt: about.activity?.startAt ?? now,
          forName: null,
          need: excerpt(need.text),
          ...(about.reply ? { reply: about.reply } : {}),
        },
        activityId: about.activity?.activityId ?? null,
        needId: need._id,
        registrationId: null,
        now,
      }),
    );
  }
}

/**
 * Staff link needs to an activity of their month list (`needIds` of `saveDraft`): each of their own center's
 * needs shows 已安排 with the activity, and its reporter and supporters hear about it once per activity.
 */
export async function linkNeedsToActivity(
  db: Database,
  activity: { _id: string; centerId: string; title: string; place: string; startAt: Date },
  needIds: string[],
  now: Date,
): Promise<void> {
  for (const needId of needIds) {
    const need = await loadNeed(db, needId);
    if (!need || need.centerId !== activity.centerId) continue;
    const linked = { activityId: activity._id, title: activity.title, startAt: activity.startAt };
    await db
      .collection(COLLECTIONS.needs)
      .where({ _id: needId, 'activities.activityId': db.command.neq(activity._id) })
      .update({ activities: db.command.push([linked]) });
    await db
      .collection(COLLECTIONS.needs)
      .where({ _id: needId, status: db.command.in(['submitted', 'acknowledged']) })
      .update({ status: 'planned', statusAt: now });
    await notifyNeedPeople(
      db,
      need,
      'need_planned',
      { key: activity._id, activity: { ...activity, activityId: activity._id } },
      now,
    );
  }
}
