import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type * as z from 'zod/mini';
import {
  type meetingViewSchema,
  TOPIC_IDLE_DAYS,
  type TopicStatus,
  type TopicView,
} from '../../../../../../shared/contract/councils';
import { formatWhen } from '../../../../../../shared/rules/time';
import { call } from '../../../../api/client';
import { councilsApi } from '../../../../api/functions/councils';
import { Card } from '../../../../components/Card';
import { MemberScreen, staffCenter } from '../../../../components/MemberScreen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { byStatus } from '../../../../councils/describe';
import { TopicCard } from '../../../../councils/TopicCard';
import { useOnReturn } from '../../../../hooks/useOnReturn';
import { useRemote } from '../../../../hooks/useRemote';
import { OutcomeForm, ProgressForm, SchedulePanel } from '../../components/CouncilForms';

type Meeting = z.output<typeof meetingViewSchema>;

const TEXT = {
  title: '议事会议程',
  lead: '居民提的议题，选几个安排到一场议事会；开完会记录决议，再记录落实进展，直到办结。',
  idle: (n: number) => `⚠ ${n} 个议题超过${TOPIC_IDLE_DAYS}天没有进展`,
  overdue: (n: number) => `⚠ ${n} 个决议过了完成期限还没办结`,
  groups: {
    open: '征集中：可以安排上会',
    scheduled: '待议事：开完会记录决议',
    resolved: '落实中：记录进展',
    done: '已办结',
  } satisfies Record<TopicStatus, string>,
  count: (n: number) => `${n} 个`,
  select: '选入议事会',
  selected: '✓ 已选入，点一下取消',
  held: '审核通过后才能安排上会',
  record: '记录决议',
  correct: '修改决议',
  progress: '记录进展',
  close: '▲ 收起',
  notBegun: (at: string) => `议事会 ${at} 开始，开始后才能记录决议。`,
  meetings: '议事会记录',
  roles: '参会方',
  noRoles: '未填写',
  minutes: '会议纪要',
  noMinutes: '还没有纪要',
  meetingTopics: (n: number) => `${n} 个议题`,
  empty: '还没有议题',
  emptyHint: '居民在小程序里提的议题，和从居民需求转来的议题，会出现在这里。',
  notStaff: '只有中心社工能安排议事会',
} as const;

const ORDER: readonly TopicStatus[] = ['open', 'scheduled', 'resolved', 'done'];

type Panel = 'outcome' | 'progress';

/** The step staff can take on a topic now, under its facts. */
function TopicStep({
  topic,
  meeting,
  selected,
  onSelect,
  onChanged,
}: {
  topic: TopicView;
  meeting: Meeting | undefined;
  selected: boolean;
  onSelect: () => void;
  onChanged: () => void;
}) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const done = () => {
    setPanel(null);
    onChanged();
  };
  const toggle = (p: Panel, label: string) => (
    <Button
      className={panel === p ? 'btn btn--primary' : 'btn btn--plain'}
      aria-expanded={panel === p}
      onClick={() => setPanel(panel === p ? null : p)}
    >
      {panel === p ? TEXT.close : label}
    </Button>
  );
  if (topic.status === 'open') {
    if (topic.held) return <Text className="muted">{TEXT.held}</Text>;
    return (
      <Button
        className={selected ? 'btn btn--primary' : 'btn btn--plain'}
        aria-pressed={selected}
        onClick={onSelect}
      >
        {selected ? TEXT.selected : TEXT.select}
      </Button>
    );
  }
  if (topic.status === 'scheduled') {
    const startAt = meeting?.startAt ?? topic.meeting?.startAt;
    if (startAt && Date.parse(startAt) > Date.now())
      return <Text className="muted">{TEXT.notBegun(formatWhen(startAt))}</Text>;
    return (
      <>
        {toggle('outcome', TEXT.record)}
        {panel === 'outcome' ? <OutcomeForm topicId={topic.topicId} onDone={done} /> : null}
      </>
    );
  }
  if (topic.status === 'resolved') {
    return (
      <>
        <View className="actions">
          {toggle('progress', TEXT.progress)}
          {toggle('outcome', TEXT.correct)}
        </View>
        {panel === 'progress' ? <ProgressForm topicId={topic.topicId} onDone={done} /> : null}
        {panel === 'outcome' ? <OutcomeForm topicId={topic.topicId} onDone={done} /> : null}
      </>
    );
  }
  return null;
}

function MeetingRecord({ meeting }: { meeting: Meeting }) {
  return (
    <View className="list-item">
      <Text className="strong">{meeting.title}</Text>
      <Text className="kv">
        {formatWhen(meeting.startAt)} · {meeting.place} · {TEXT.meetingTopics(meeting.topicIds.length)}
      </Text>
      <Text className="kv">
        <Text className="kv__key">{TEXT.roles}</Text>
        {meeting.roles.length ? meeting.roles.join('、') : TEXT.noRoles}
      </Text>
      <Text className="kv">
        <Text className="kv__key">{TEXT.minutes}</Text>
        {meeting.minutes ?? TEXT.noMinutes}
      </Text>
    </View>
  );
}

function Agenda({ centerId }: { centerId: string }) {
  const council = useRemote(() => call(councilsApi, 'list', { centerId }), centerId);
  useOnReturn(council.reload);
  const [selected, setSelected] = useState<string[]>([]);

  if (council.status === 'error' && !council.data)
    return <ErrorState error={council.error} onRetry={council.reload} />;
  if (!council.data) return <Loading />;
  const { topics, meetings, idle, overdue } = council.data;
  const meetingOf = (t: TopicView) => meetings.find((m) => m.activityId === t.meeting?.activityId);
  const toggle = (id: string) =>
    setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  const scheduled = () => {
    setSelected([]);
    council.reload();
  };
  const hasOpen = topics.some((t) => t.status === 'open' && !t.held);

  return (
    <>
      {idle ? (
        <View className="notice" role="status">
          <Text>{TEXT.idle(idle)}</Text>
        </View>
      ) : null}
      {overdue ? (
        <View className="notice" role="status">
          <Text>{TEXT.overdue(overdue)}</Text>
        </View>
      ) : null}
      {topics.length === 0 ? <EmptyState title={TEXT.empty} hint={TEXT.emptyHint} /> : null}
      {byStatus(topics, ORDER).map((group) => (
        <View key={group.status}>
          <Text className="group-title">
            {TEXT.groups[group.status]}
            <Text className="group-title__count">{TEXT.count(group.topics.length)}</Text>
          </Text>
          {group.topics.map((t) => (
            <TopicCard key={t.topicId} topic={t}>
              <TopicStep
                topic={t}
                meeting={meetingOf(t)}
                selected={selected.includes(t.topicId)}
                onSelect={() => toggle(t.topicId)}
                onChanged={council.reload}
              />
            </TopicCard>
          ))}
          {group.status === 'open' && hasOpen ? (
            <SchedulePanel centerId={centerId} topicIds={selected} onDone={scheduled} />
          ) : null}
        </View>
      ))}
      {meetings.length ? (
        <Card title={TEXT.meetings}>
          {meetings.map((m) => (
            <MeetingRecord key={m.activityId} meeting={m} />
          ))}
        </Card>
      ) : null}
    </>
  );
}

/** Staff subpackage: the center's council agenda, from a proposed topic to a resolution carried out. */
export default function StaffCouncilPage() {
  return (
    <MemberScreen title={TEXT.title} lead={TEXT.lead} scope={staffCenter} notAllowed={TEXT.notStaff}>
      {(centerId) => <Agenda centerId={centerId} />}
    </MemberScreen>
  );
}
