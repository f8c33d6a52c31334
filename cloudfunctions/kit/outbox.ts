import { COLLECTIONS } from '../../shared/collections';
import { composeMessage, type MessageKind, type MessageSubject } from '../../shared/rules/messages';

export interface OutboxMessage {
  _id: string;
  openid: string;
  kind: MessageKind;
  title: string;
  body: string;
  /** What the message is about, kept structured for channels with their own templates (WeChat). */
  subject: MessageSubject;
  activityId: string | null;
  needId: string | null;
  registrationId: string | null;
  status: 'pending';
  attempts: number;
  read: boolean;
  createdAt: Date;
}

/**
 * A message for one resident, written to the outbox in the same step as the change it announces. Its id is
 * derived from what it is about, so a retried step never queues it twice. Senders deliver it later.
 */
export function outboxMessage(args: {
  id: string;
  openid: string;
  kind: MessageKind;
  subject: MessageSubject;
  activityId: string | null;
  needId?: string | null;
  registrationId: string | null;
  now: Date;
}): OutboxMessage {
  const { title, body } = composeMessage(args.kind, args.subject);
  return {
    _id: args.id,
    openid: args.openid,
    kind: args.kind,
    title,
    body,
    subject: args.subject,
    activityId: args.activityId,
    needId: args.needId ?? null,
    registrationId: args.registrationId,
    status: 'pending',
    attempts: 0,
    read: false,
    createdAt: args.now,
  };
}

export const OUTBOX = COLLECTIONS.outbox;
