import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import {
  TOPIC_IDLE_DAYS,
  TOPIC_STATUS_LABELS,
  TOPIC_STATUSES,
  type TopicStatus,
  type TopicView,
} from '../../../../../../shared/contract/councils';
import { call } from '../../../../api/client';
import { councilsApi } from '../../../../api/functions/councils';
import { ChipGroup } from '../../../../components/ChipGroup';
import { MemberScreen, officeStreet } from '../../../../components/MemberScreen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { TopicCard } from '../../../../councils/TopicCard';
import { useRemote } from '../../../../hooks/useRemote';

type Filter = 'attention' | 'all' | TopicStatus;

const TEXT = {
  title: '街道议事会',
  lead: '本街道各中心议事会的议题和决议落实情况。',
  filter: '按情况看',
  attention: '要督办的',
  all: '全部',
  counts: (topics: number, idle: number, overdue: number) =>
    `共 ${topics} 个议题；${overdue} 个决议逾期未办结，${idle} 个超过${TOPIC_IDLE_DAYS}天没有进展`,
  empty: '没有这类议题',
  emptyAttention: '没有逾期或长期没有进展的议题',
  emptyHint: '各中心居民提的议题会出现在这里。',
  notOffice: '只有街道工作人员可以查看街道议事会',
} as const;

const FILTERS = [
  { value: 'attention', label: TEXT.attention },
  { value: 'all', label: TEXT.all },
  ...TOPIC_STATUSES.map((s) => ({ value: s, label: TOPIC_STATUS_LABELS[s] })),
];

const needsAttention = (t: TopicView) => t.idle || t.resolution?.overdue === true;

function matches(t: TopicView, filter: Filter): boolean {
  if (filter === 'all') return true;
  if (filter === 'attention') return needsAttention(t);
  return t.status === filter;
}

function StreetTopics() {
  const [filter, setFilter] = useState<Filter>('attention');
  const council = useRemote(() => call(councilsApi, 'list', {}));
  if (council.status === 'error' && !council.data)
    return <ErrorState error={council.error} onRetry={council.reload} />;
  if (!council.data) return <Loading />;
  const { topics, idle, overdue } = council.data;
  const shown = topics
    .filter((t) => matches(t, filter))
    // Overdue decisions first, then idle topics, each group newest first as the server sends them.
    .sort((a, b) => Number(b.resolution?.overdue === true) - Number(a.resolution?.overdue === true));
  return (
    <>
      <View className={idle || overdue ? 'notice' : 'notice notice--muted'} role="status">
        <Text>{TEXT.counts(topics.length, idle, overdue)}</Text>
      </View>
      <ChipGroup
        label={TEXT.filter}
        chips={FILTERS}
        selected={[filter]}
        onToggle={(v) => setFilter(v as Filter)}
      />
      {shown.length === 0 ? (
        <EmptyState title={filter === 'attention' ? TEXT.emptyAttention : TEXT.empty} hint={TEXT.emptyHint} />
      ) : (
        shown.map((t) => <TopicCard key={t.topicId} topic={t} showCenter />)
      )}
    </>
  );
}

/** Street office: every center's council topics in the street, overdue and idle ones first to follow up. */
export default function OfficeCouncilPage() {
  return (
    <MemberScreen title={TEXT.title} lead={TEXT.lead} scope={officeStreet} notAllowed={TEXT.notOffice}>
      {() => <StreetTopics />}
    </MemberScreen>
  );
}
