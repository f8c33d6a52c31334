import * as z from 'zod/mini';
import { MESSAGE_KINDS } from '../rules/messages';
import { idSchema } from './common';
import { mutation, query } from './define';

export const inboxMessageSchema = z.object({
  id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  title: z.string(),
  body: z.string(),
  /** What the message is about: an activity, or a need the resident reported or supported. */
  activityId: z.nullable(z.string()),
  needId: z.nullable(z.string()),
  read: z.boolean(),
  createdAt: z.string(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

export const notifyContract = {
  /** The caller's messages, newest first: the in-app inbox every message lands in. */
  inbox: query(z.object({}), z.object({ messages: z.array(inboxMessageSchema), unread: z.int() })),
  /** Mark some (or, without ids, all) of the caller's messages read. */
  markRead: mutation(
    z.object({
      ids: z.optional(
        z.array(idSchema('消息'), { error: '消息编号格式不对' }).check(z.maxLength(100, '一次最多100条')),
      ),
    }),
    z.object({ updated: z.int() }),
  ),
} as const;
