import * as z from 'zod';
import { MESSAGE_KINDS } from '../rules/messages';
import { idSchema } from './common';
import { mutation, query } from './define';

export const inboxMessageSchema = z.object({
  id: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  title: z.string(),
  body: z.string(),
  /** What the message is about: an activity, or a need the resident reported or supported. */
  activityId: z.string().nullable(),
  needId: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type InboxMessage = z.infer<typeof inboxMessageSchema>;

export const notifyContract = {
  /** The caller's messages, newest first: the in-app inbox every message lands in. */
  inbox: query(z.object({}), z.object({ messages: z.array(inboxMessageSchema), unread: z.number().int() })),
  /** Mark some (or, without ids, all) of the caller's messages read. */
  markRead: mutation(
    z.object({
      ids: z.array(idSchema('消息'), { error: '消息编号格式不对' }).max(100, '一次最多100条').optional(),
    }),
    z.object({ updated: z.number().int() }),
  ),
} as const;
