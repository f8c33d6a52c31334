import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import {
  TOPIC_IDLE_DAYS,
  type TopicView,
  topicCategorySchema,
  topicStatusSchema,
} from '../../shared/contract/councils';
import { publicAverage } from '../../shared/rules/feedback';
import type { MessageKind } from '../../shared/rules/messages';
import { dayOf } from '../../shared/rules/time';
import { type Database, insertOnce, outboxMessage, readDoc } from '../kit';

const date = z.coerce.date();

/** `topics`: one matter put before a center's council, from proposal to a resolution carried out and rated. */
export const topicRecordSchema = z.object({
  _id: z.string(),
  centerId: z.string(),
  streetId: z.string(),
  centerName: z.string(),
  /** The month it was proposed: the center's counters for that month count it. */
  month: z.string(),
  title: z.string(),
  description: z.string(),
  category: topicCategorySchema,
  status: topicStatusSchema,
  held: z.boolean(),
  proposer: z.string(),
  needId: z.string().nullable(),
  supporters: z.array(z.string()),
  supportCount: z.number().int(),
  meeting: z
    .object({ activityId: z.string(), title: z.string(), startAt: date, place: z.string() })
    .nullable(),
  resolution: z
    .object({ text: z.string(), owner: z.string(), dueDate: z.string(), recordedAt: date, by: z.string() })
    .nullable(),
  progress: z.array(z.object({ note: z.string(), at: date, by: z.string() })),
  doneAt: date.nullable(),
  /** Whole days from proposal to done, as the counters count them. */
  doneDays: z.number().int().nullable(),
  raters: z.array(z.string()),
  ratingCount: z.number().int(),
  ratingSum: z.number().int(),
  createdAt: date,
  lastActionAt: date,
});
export type TopicRecord = z.infer<typeof topicRecordSchema>;

/** A topic as first written: open, with nobody's support, meeting, decision or rating yet. */
export function newTopic(
  fields: Pick<
    TopicRecord,
    '_id' | 'centerId' | 'streetId' | 'centerName' | 'month' | 'title' | 'description' | 'category' | 'held'
  > &
    Pick<TopicRecord, 'proposer' | 'needId' | 'supporters'>,
  now: Date,
): TopicRecord {
  return {
    ...fields,
    status: 'open',
    supportCount: fields.supporters.length,
    meeting: null,
    resolution: null,
    progress: [],
    doneAt: null,
    doneDays: null,
    raters: [],
    ratingCount: 0,
    ratingSum: 0,
    createdAt: now,
    lastActionAt: now,
  };
}

export const loadTopic = (db: Database, id: string) => readDoc(db, COLLECTIONS.topics, id, topicRecordSchema);

export const UNFINISHED = ['open', 'scheduled', 'resolved'] as const;

export const isIdle = (t: TopicRecord, now: Date) =>
  t.status !== 'done' && now.getTime() - t.lastActionAt.getTime() > TOPIC_IDLE_DAYS * 24 * 3600_000;

export const isOverdue = (t: TopicRecord, now: Date) =>
  t.status === 'resolved' && t.resolution !== null && t.resolution.dueDate < dayOf(now);

export function topicView(t: TopicRecord, viewer: string, now: Date): TopicView {
  const involved = t.proposer === viewer || t.supporters.includes(viewer);
  return {
    topicId: t._id,
    centerId: t.centerId,
    centerName: t.centerName,
    title: t.title,
    description: t.description,
    category: t.category,
    status: t.status,
    held: t.held,
    supporters: t.supportCount,
    mine: t.proposer === viewer,
    supported: t.supporters.includes(viewer),
    fromNeed: t.needId !== null,
    meeting: t.meeting && { ...t.meeting, startAt: t.meeting.startAt.toISOString() },
    resolution: t.resolution && {
      text: t.resolution.text,
      owner: t.resolution.owner,
      dueDate: t.resolution.dueDate,
      recordedAt: t.resolution.recordedAt.toISOString(),
      overdue: isOverdue(t, now),
    },
    progress: t.progress.map((p) => ({ note: p.note, at: p.at.toISOString() })),
    doneAt: t.doneAt?.toISOString() ?? null,
    idle: isIdle(t, now),
    rating: { count: t.ratingCount, average: publicAverage(t.ratingCount, t.ratingSum) },
    canRate: t.status === 'done' && involved && !t.raters.includes(viewer),
    createdAt: t.createdAt.toISOString(),
  };
}

const short = (text: string) => (text.length > 16 ? `${text.slice(0, 15)}…` : text);

/**
 * Tells a topic's proposer and supporters about a step. Ids combine the topic, the step and the person, so a
 * repeated step queues nothing twice.
 */
export async function notifyTopicPeople(
  db: Database,
  topic: TopicRecord,
  kind: Extract<MessageKind, 'topic_scheduled' | 'topic_resolved' | 'topic_progress' | 'topic_done'>,
  about: {
    key: string;
    note?: string;
    meeting?: { activityId: string; title: string; place: string; startAt: Date };
  },
  now: Date,
): Promise<void> {
  const people = [...new Set([topic.proposer, ...topic.supporters])];
  await Promise.all(
    people.map((openid) =>
      insertOnce(
        db,
        COLLECTIONS.outbox,
        outboxMessage({
          id: `${topic._id}_${kind}_${about.key}_${openid}`.slice(0, 128),
          openid,
          kind,
          subject: {
            title: about.meeting?.title ?? short(topic.title),
            place: about.meeting?.place ?? '',
            startAt: about.meeting?.startAt ?? now,
            forName: null,
            topic: short(topic.title),
            ...(about.note ? { note: about.note } : {}),
          },
          activityId: about.meeting?.activityId ?? null,
          registrationId: null,
          now,
        }),
      ),
    ),
  );
}
