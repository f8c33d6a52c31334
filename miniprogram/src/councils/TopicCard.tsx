import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import type { TopicView } from '../../../shared/contract/councils';
import { formatWhen } from '../../../shared/rules/time';
import { badgeClass } from '../activity/describe';
import {
  categoryLabel,
  dueDateText,
  IDLE_TEXT,
  OVERDUE_TEXT,
  outcomeRatingText,
  peopleText,
  topicStatusLabel,
} from './describe';

const TEXT = {
  fromNeed: '来自居民需求',
  held: '⚠ 审核中：只有提议人和工作人员能看到',
  proposedAt: (at: string) => `提出于 ${formatWhen(at)}`,
  meeting: '议事会',
  meetingAt: (title: string, at: string, place: string) => `${title}，${formatWhen(at)}，${place}`,
  resolution: '决议',
  owner: '责任方',
  due: '完成期限',
  progress: '落实进展',
  doneAt: (at: string) => `✓ ${formatWhen(at)} 办结`,
  rating: '居民评价',
} as const;

export interface TopicCardProps {
  topic: TopicView;
  /** Street offices read topics of several centers: say whose it is. Default false. */
  showCenter?: boolean;
}

/**
 * One council topic as anyone reads it: status, category and markers in words, what was asked, how many
 * support it, the meeting, the decision with who and by when, dated progress and the outcome's rating.
 * Actions (附议, staff steps) come as children, under the facts.
 */
export function TopicCard({ topic: t, showCenter = false, children }: PropsWithChildren<TopicCardProps>) {
  const status = topicStatusLabel(t.status);
  return (
    <View className="card topic" data-topic={t.topicId}>
      <View className="badges">
        <Text className={`${badgeClass(status.tone)} badge--strong`}>{status.text}</Text>
        <Text className="badge badge--muted">{categoryLabel(t.category)}</Text>
        {t.fromNeed ? <Text className="badge badge--muted">{TEXT.fromNeed}</Text> : null}
        {t.idle ? <Text className="badge badge--strong">{IDLE_TEXT}</Text> : null}
        {t.resolution?.overdue ? <Text className="badge badge--strong">{OVERDUE_TEXT}</Text> : null}
      </View>
      <Text className="card__title topic__title">{t.title}</Text>
      {showCenter ? <Text className="muted">{t.centerName}</Text> : null}
      <Text className="body-text">{t.description}</Text>
      <Text className="muted">
        <Text className="strong">{peopleText(t.supporters)}</Text> · {TEXT.proposedAt(t.createdAt)}
      </Text>
      {t.held ? <Text className="need__held">{TEXT.held}</Text> : null}
      {t.meeting ? (
        <Text className="kv">
          <Text className="kv__key">{TEXT.meeting}</Text>
          {TEXT.meetingAt(t.meeting.title, t.meeting.startAt, t.meeting.place)}
        </Text>
      ) : null}
      {t.resolution ? (
        <View className="topic__resolution">
          <Text className="subheading">{TEXT.resolution}</Text>
          <Text className="body-text">{t.resolution.text}</Text>
          <Text className="kv">
            <Text className="kv__key">{TEXT.owner}</Text>
            {t.resolution.owner}
          </Text>
          <Text className="kv">
            <Text className="kv__key">{TEXT.due}</Text>
            {dueDateText(t.resolution.dueDate)}
          </Text>
        </View>
      ) : null}
      {t.progress.length ? (
        <View className="topic__progress">
          <Text className="subheading">{TEXT.progress}</Text>
          {t.progress.map((p) => (
            <View key={`${p.at}/${p.note}`} className="need__reply">
              <Text className="muted">{formatWhen(p.at)}</Text>
              <Text className="body-text">{p.note}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {t.doneAt ? <Text className="kv strong">{TEXT.doneAt(t.doneAt)}</Text> : null}
      {t.status === 'done' ? (
        <Text className="kv">
          <Text className="kv__key">{TEXT.rating}</Text>
          {outcomeRatingText(t.rating)}
        </Text>
      ) : null}
      {children}
    </View>
  );
}
