import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import type { InboxMessage } from '../../../../../../shared/contract/notify';
import { formatWhen } from '../../../../../../shared/rules/time';
import { call } from '../../../../api/client';
import { notifyApi } from '../../../../api/functions/notify';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useRemote } from '../../../../hooks/useRemote';
import { go, ROUTES } from '../../../../routes';
import { setUnread } from '../../../../state/inbox';

const TEXT = {
  title: '消息',
  empty: '还没有消息',
  emptyHint: '报名成功、候补递补、活动取消、活动前一天的提醒、需求的回复和议题的进展，都会发到这里。',
  unread: '● 新消息',
  open: '查看活动 ›',
  openNeeds: '查看我的需求 ›',
  openCouncil: '查看议事会 ›',
} as const;

/**
 * Where a message leads: a need's news opens 我的需求, a topic's decision and progress open the council, an
 * activity's (a topic's meeting included) opens the activity.
 */
function targetOf({ kind, needId, activityId }: InboxMessage): { open: () => void; text: string } | null {
  if (needId) return { open: () => go(ROUTES.myNeeds), text: TEXT.openNeeds };
  if (kind.startsWith('topic_') && !activityId)
    return { open: () => go(ROUTES.council), text: TEXT.openCouncil };
  if (activityId) return { open: () => go(ROUTES.activity, { id: activityId }), text: TEXT.open };
  return null;
}

function MessageItem({ message }: { message: InboxMessage }) {
  const target = targetOf(message);
  return (
    <View
      className={message.read ? 'card message' : 'card message message--unread'}
      role={target ? 'button' : undefined}
      onClick={target?.open}
    >
      {message.read ? null : <Text className="badge badge--strong">{TEXT.unread}</Text>}
      <Text className="card__title">{message.title}</Text>
      <Text className="body-text">{message.body}</Text>
      <Text className="muted">{formatWhen(message.createdAt)}</Text>
      {target ? <Text className="activity-card__more">{target.text}</Text> : null}
    </View>
  );
}

/** The in-app inbox: every message lands here. Opening it marks them read; the new ones stay marked until left. */
export default function InboxPage() {
  const inbox = useRemote(() => call(notifyApi, 'inbox', {}));
  const hasUnread = inbox.data?.messages.some((m) => !m.read) ?? false;

  // Seen is read: the list keeps its 新消息 marks while open, the count on the 我的 tab goes.
  useEffect(() => {
    if (!hasUnread) return;
    void call(notifyApi, 'markRead', {}).then((outcome) => {
      if (outcome.ok) setUnread(0);
    });
  }, [hasUnread]);

  const body = () => {
    if (inbox.status === 'error' && !inbox.data)
      return <ErrorState error={inbox.error} onRetry={inbox.reload} />;
    if (!inbox.data) return <Loading />;
    if (inbox.data.messages.length === 0) return <EmptyState title={TEXT.empty} hint={TEXT.emptyHint} />;
    return inbox.data.messages.map((m) => <MessageItem key={m.id} message={m} />);
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      {body()}
    </Screen>
  );
}
