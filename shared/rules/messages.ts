import { formatWhen } from './time';

export const MESSAGE_KINDS = [
  'confirmed',
  'promoted',
  'activity_cancelled',
  'reminder',
  'need_reply',
  'need_planned',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface MessageSubject {
  title: string;
  place: string;
  startAt: Date | string;
  /** Who the seat is for, when the holder signed up a family member. */
  forName: string | null;
  cancelReason?: string | null;
  /** For messages about a need: the need (shortened) and, for a reply, what staff said. */
  need?: string;
  reply?: string;
}

/** The words a resident reads in the inbox and in the WeChat subscription message: short and plain. */
export function composeMessage(kind: MessageKind, s: MessageSubject): { title: string; body: string } {
  const who = s.forName ? `（为${s.forName}报名）` : '';
  const when = formatWhen(s.startAt);
  switch (kind) {
    case 'confirmed':
      return { title: '报名成功', body: `「${s.title}」${who}报名成功。时间：${when}，地点：${s.place}。` };
    case 'promoted':
      return {
        title: '候补成功，有名额了',
        body: `「${s.title}」${who}有人让出名额，您已报名成功。时间：${when}，地点：${s.place}。`,
      };
    case 'activity_cancelled':
      return {
        title: '活动取消通知',
        body: `很抱歉，「${s.title}」（${when}）已取消${s.cancelReason ? `，原因：${s.cancelReason}` : ''}。`,
      };
    case 'need_reply':
      return { title: '您的需求有回复了', body: `您提的「${s.need ?? ''}」，中心回复：${s.reply ?? ''}` };
    case 'need_planned':
      return {
        title: '需求已安排',
        body: `您关心的「${s.need ?? ''}」已安排活动「${s.title}」，时间：${when}，地点：${s.place}。`,
      };
    case 'reminder':
      return {
        title: '明天有活动',
        body: `提醒：明天 ${when} 在${s.place}参加「${s.title}」${who}，别忘了带上手机签到。`,
      };
  }
}
