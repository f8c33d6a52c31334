import { Button, Text, View } from '@tarojs/components';
import type * as z from 'zod/mini';
import type { meetingViewSchema, TopicStatus, TopicView } from '../../../../../../shared/contract/councils';
import { formatWhen } from '../../../../../../shared/rules/time';
import { call } from '../../../../api/client';
import { councilsApi } from '../../../../api/functions/councils';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { byStatus } from '../../../../councils/describe';
import { TopicCard } from '../../../../councils/TopicCard';
import { useOnReturn } from '../../../../hooks/useOnReturn';
import { useRemote } from '../../../../hooks/useRemote';
import { go, ROUTES } from '../../../../routes';
import { HomeCenterScreen } from '../../components/HomeCenterScreen';
import { RateOutcome, SupportTopic } from '../../components/TopicActions';

type Meeting = z.output<typeof meetingViewSchema>;

const TEXT = {
  title: '邻里议事会',
  lead: (center: string) => `${center}的大事小事，大家一起商量着办。`,
  propose: '＋ 提一个议题',
  meetings: '近期议事会',
  meetingsHint: '想到场说说看法，就报名参加。',
  meetingTopics: (titles: string) => `要商量：${titles}`,
  openActivity: '查看活动、报名 ›',
  groups: {
    open: { title: '正在征集的议题', hint: '您也觉得该解决，就点“附议”。附议的人多，会先上议事会。' },
    scheduled: { title: '等待商议的议题', hint: '这些议题会在议事会上商量。' },
    resolved: { title: '决议和落实情况', hint: '议事会定下的事，谁负责、什么时候办完。' },
    done: { title: '已办结的议题', hint: '办完了。提议和附议的居民可以评价办得怎么样。' },
  } satisfies Record<TopicStatus, { title: string; hint: string }>,
  empty: '还没有议题',
  emptyHint: '小区里有要大家商量解决的事，比如停车、垃圾分类，可以提一个议题。',
  noCenterHint: '选好中心后，就能看它的议事会。',
} as const;

const ORDER: readonly TopicStatus[] = ['open', 'scheduled', 'resolved', 'done'];

function MeetingItem({ meeting, topics }: { meeting: Meeting; topics: readonly TopicView[] }) {
  const titles = topics.filter((t) => meeting.topicIds.includes(t.topicId)).map((t) => `「${t.title}」`);
  return (
    <View
      className="card activity-card--link meeting"
      role="button"
      onClick={() => go(ROUTES.activity, { id: meeting.activityId })}
    >
      <Text className="card__title">{meeting.title}</Text>
      <Text className="kv">{formatWhen(meeting.startAt)}</Text>
      <Text className="kv">{meeting.place}</Text>
      {titles.length ? <Text className="muted">{TEXT.meetingTopics(titles.join(''))}</Text> : null}
      <Text className="activity-card__more">{TEXT.openActivity}</Text>
    </View>
  );
}

function Council({ centerId, centerName }: { centerId: string; centerName: string }) {
  const council = useRemote(() => call(councilsApi, 'list', { centerId }), centerId);
  useOnReturn(council.reload);

  if (council.status === 'error' && !council.data)
    return <ErrorState error={council.error} onRetry={council.reload} />;
  if (!council.data) return <Loading />;
  const { topics, meetings } = council.data;
  const now = Date.now();
  const upcoming = meetings
    .filter((m) => m.status === 'published' && Date.parse(m.startAt) > now)
    .sort((a, b) => a.startAt.localeCompare(b.startAt));
  const propose = (
    <Button className="btn btn--primary" onClick={() => go(ROUTES.proposeTopic)}>
      {TEXT.propose}
    </Button>
  );
  return (
    <>
      <Text className="lead">{TEXT.lead(centerName)}</Text>
      {propose}
      {upcoming.length ? (
        <>
          <Text className="group-title">{TEXT.meetings}</Text>
          <Text className="muted">{TEXT.meetingsHint}</Text>
          {upcoming.map((m) => (
            <MeetingItem key={m.activityId} meeting={m} topics={topics} />
          ))}
        </>
      ) : null}
      {topics.length === 0 ? <EmptyState title={TEXT.empty} hint={TEXT.emptyHint} /> : null}
      {byStatus(topics, ORDER).map((group) => (
        <View key={group.status}>
          <Text className="group-title">
            {TEXT.groups[group.status].title}
            <Text className="group-title__count">{group.topics.length} 个</Text>
          </Text>
          <Text className="group-subtitle">{TEXT.groups[group.status].hint}</Text>
          {group.topics.map((t) => (
            <TopicCard key={t.topicId} topic={t}>
              {t.status === 'open' && !t.held ? <SupportTopic topic={t} onChanged={council.reload} /> : null}
              {t.canRate ? <RateOutcome topicId={t.topicId} onChanged={council.reload} /> : null}
            </TopicCard>
          ))}
        </View>
      ))}
    </>
  );
}

/** Resident subpackage: the home center's council — open topics to support, meetings, decisions and their progress. */
export default function CouncilPage() {
  return (
    <HomeCenterScreen title={TEXT.title} noCenterHint={TEXT.noCenterHint}>
      {(center) => <Council centerId={center.id} centerName={center.name} />}
    </HomeCenterScreen>
  );
}
