import {
  TOPIC_CATEGORY_LABELS,
  TOPIC_IDLE_DAYS,
  TOPIC_STATUS_LABELS,
  type TopicStatus,
  type TopicView,
} from '../../../shared/contract/councils';
import { MIN_RATINGS_FOR_AVERAGE } from '../../../shared/contract/feedback';
import type { Label } from '../activity/describe';

/** How council topics are put into words; every state is said in text, colour only repeats it. */

export const categoryLabel = (category: TopicView['category']): string => TOPIC_CATEGORY_LABELS[category];

export function topicStatusLabel(status: TopicStatus): Label {
  const text = TOPIC_STATUS_LABELS[status];
  if (status === 'done') return { text: `✓ ${text}`, tone: 'ok' };
  if (status === 'open') return { text, tone: 'muted' };
  return { text, tone: 'warn' };
}

/** `2026-12-31` → `2026年12月31日`. */
export function dueDateText(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${year}年${month}月${date}日`;
}

export const IDLE_TEXT = `⚠ ${TOPIC_IDLE_DAYS}天没有进展`;
export const OVERDUE_TEXT = '⚠ 已过完成期限';

/** Everyone who pressed 附议; the proposer is not counted. */
export const peopleText = (supporters: number): string => `${supporters} 人附议`;

/** An outcome's average only from enough ratings, as everywhere else. */
export function outcomeRatingText(rating: TopicView['rating']): string {
  if (rating.count === 0) return '还没有人评价';
  if (rating.average === null) return `${rating.count} 人评价（满${MIN_RATINGS_FOR_AVERAGE}人显示平均分）`;
  return `${rating.average.toFixed(1)}分（${rating.count} 人评价）`;
}

/** Topics by status in the order they move through, leaving out empty groups. */
export function byStatus<T extends { status: TopicStatus }>(
  topics: readonly T[],
  order: readonly TopicStatus[],
): { status: TopicStatus; topics: T[] }[] {
  return order
    .map((status) => ({ status, topics: topics.filter((t) => t.status === status) }))
    .filter((g) => g.topics.length > 0);
}
