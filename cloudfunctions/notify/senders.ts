import * as z from 'zod';
import type { MessageKind, MessageSubject } from '../../shared/rules/messages';
import { formatWhen } from '../../shared/rules/time';
import { cloud } from '../kit';

export interface Deliverable {
  openid: string;
  kind: MessageKind;
  title: string;
  body: string;
  subject: MessageSubject;
}

/** `sent`: delivered by the channel; `skipped`: the channel does not apply (no consent, no template). */
export type DeliveryResult =
  | { status: 'sent' | 'skipped'; detail?: string }
  | { status: 'failed'; detail: string };

/** A channel that pushes a message to a resident beyond the in-app inbox, which always has it. */
export interface NotificationSender {
  readonly channel: string;
  send(message: Deliverable): Promise<DeliveryResult>;
}

/** The inbox is the record; with no push channel configured, delivery is the inbox itself. */
export const inboxOnlySender: NotificationSender = {
  channel: 'inbox',
  send: async () => ({ status: 'sent', detail: 'inbox' }),
};

/**
 * One-time subscription messages (订阅消息). Each kind maps to a template chosen in the mini-program admin
 * console and the template's field keys to our subject, e.g.
 * `{"confirmed":{"templateId":"…","fields":{"thing1":"title","time2":"when","thing3":"place"}}}`.
 */
const templateSchema = z.record(
  z.string(),
  z.object({
    templateId: z.string().min(1),
    page: z.string().default('pages/mine/index'),
    fields: z.record(z.string(), z.enum(['title', 'when', 'place', 'note'])),
  }),
);
export type SubscribeTemplates = z.infer<typeof templateSchema>;

/** WeChat's thing.DATA values are limited to 20 characters. */
const clip = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

/** errcode 43101: the resident has not (or no longer) consented to this template. */
const NO_CONSENT = 43101;

export function wechatSubscribeSender(templates: SubscribeTemplates): NotificationSender {
  return {
    channel: 'wechat-subscribe',
    async send(message) {
      const template = templates[message.kind];
      if (!template) return { status: 'skipped', detail: `no template for ${message.kind}` };
      const values = {
        title: clip(message.subject.title),
        when: formatWhen(message.subject.startAt),
        place: clip(message.subject.place),
        note: clip(message.subject.cancelReason ?? message.title),
      };
      const data = Object.fromEntries(
        Object.entries(template.fields).map(([key, from]) => [key, { value: values[from] }]),
      );
      const res = await cloud().callWxOpenApi({
        apiName: '/cgi-bin/message/subscribe/send',
        requestData: { touser: message.openid, template_id: template.templateId, page: template.page, data },
      });
      const reply = z
        .object({ errcode: z.number().default(0), errmsg: z.string().default('') })
        .parse(typeof res.result === 'string' ? JSON.parse(res.result) : (res.result ?? {}));
      if (reply.errcode === 0) return { status: 'sent' };
      if (reply.errcode === NO_CONSENT) return { status: 'skipped', detail: 'no consent' };
      return { status: 'failed', detail: `${reply.errcode} ${reply.errmsg}` };
    },
  };
}

/** The push channel is configuration: subscription templates when the environment names them. */
export function configuredSender(env: NodeJS.ProcessEnv = process.env): NotificationSender {
  const raw = env.LINLI_SUBSCRIBE_TEMPLATES;
  return raw ? wechatSubscribeSender(templateSchema.parse(JSON.parse(raw))) : inboxOnlySender;
}
