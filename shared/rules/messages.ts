import { formatWhen } from './time';

export const MESSAGE_KINDS = [
  'confirmed',
  'promoted',
  'activity_cancelled',
  'reminder',
  'need_reply',
  'need_planned',
  'topic_scheduled',
  'topic_resolved',
  'topic_progress',
  'topic_done',
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
  /** For messages about a council topic: the topic, and the decision or progress note. */
  topic?: string;
  note?: string;
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
    case 'topic_scheduled':
      return {
        title: '议题将上议事会',
        body: `您关心的议题「${s.topic ?? ''}」将在「${s.title}」上商议。时间：${when}，地点：${s.place}。`,
      };
    case 'topic_resolved':
      return { title: '议题有了决议', body: `议题「${s.topic ?? ''}」议定：${s.note ?? ''}` };
    case 'topic_progress':
      return { title: '议题落实有进展', body: `议题「${s.topic ?? ''}」进展：${s.note ?? ''}` };
    case 'topic_done':
      return {
        title: '议题已办结，请评价',
        body: `议题「${s.topic ?? ''}」已办结：${s.note ?? ''}。欢迎为办理结果打分。`,
      };
    case 'reminder':
      return {
        title: '明天有活动',
        body: `提醒：明天 ${when} 在${s.place}参加「${s.title}」${who}，别忘了带上手机签到。`,
      };
  }
}
