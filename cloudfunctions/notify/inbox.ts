import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import type { notifyContract } from '../../shared/contract/notify';
import { MESSAGE_KINDS } from '../../shared/rules/messages';
import type { ActionHandler } from '../kit';

type Notify = typeof notifyContract;

const INBOX_SIZE = 50;

const inboxRecordSchema = z.object({
  _id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  title: z.string(),
  body: z.string(),
  activityId: z.string().nullable().default(null),
  needId: z.string().nullable().default(null),
  read: z.boolean(),
  createdAt: z.coerce.date(),
});

export const inbox: ActionHandler<Notify['inbox']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run(_input, { db, openid }) {
    const res: { data?: unknown[] } = await db
      .collection(COLLECTIONS.outbox)
      .where({ openid })
      .orderBy('createdAt', 'desc')
      .limit(INBOX_SIZE)
      .get();
    const messages = (res.data ?? []).map((d) => {
      const m = inboxRecordSchema.parse(d);
      return {
        id: m._id,
        kind: m.kind,
        title: m.title,
        body: m.body,
        activityId: m.activityId,
        needId: m.needId,
        read: m.read,
        createdAt: m.createdAt.toISOString(),
      };
    });
    const unread: { total?: number } = await db
      .collection(COLLECTIONS.outbox)
      .where({ openid, read: false })
      .count();
    return { messages, unread: unread.total ?? 0 };
  },
};

export const markRead: ActionHandler<Notify['markRead']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run({ ids }, { db, openid, now }) {
    // Scoped to the caller's own messages whatever ids are sent.
    const res: { updated?: number } = await db
      .collection(COLLECTIONS.outbox)
      .where({ openid, read: false, ...(ids ? { _id: db.command.in(ids) } : {}) })
      .update({ read: true, readAt: now });
    return { updated: res.updated ?? 0 };
  },
};
