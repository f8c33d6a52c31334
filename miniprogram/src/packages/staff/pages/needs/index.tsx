import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type * as z from 'zod/mini';
import {
  type centerNeedSchema,
  NEED_STATUS_LABELS,
  NEED_STATUSES,
  type NeedStatus,
} from '../../../../../../shared/contract/needs';
import { formatWhen } from '../../../../../../shared/rules/time';
import { badgeClass } from '../../../../activity/describe';
import { call } from '../../../../api/client';
import { needsApi } from '../../../../api/functions/needs';
import { ChipGroup } from '../../../../components/ChipGroup';
import { NeedReplies } from '../../../../components/NeedReplies';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useRemote } from '../../../../hooks/useRemote';
import { categoryLabel, needStatusLabel } from '../../../../needs/describe';
import { useMember } from '../../../../state/member';
import { LinkActivity, RaiseTopic, ReplyForm, StatusForm } from '../../components/NeedActions';

type CenterNeed = z.output<typeof centerNeedSchema>;
type Panel = 'reply' | 'status' | 'link';

const TEXT = {
  title: '居民需求',
  lead: '按支持人数和等待时间排列。7天内请至少回复一次。',
  filter: '按状态看',
  all: '全部',
  overdueCount: (n: number) => `⚠ ${n} 条超过7天未回复`,
  overdue: '⚠ 超过7天未回复',
  held: '待审核：居民看不到',
  /** The reporter plus everyone who pressed +1. */
  people: (supporters: number) => `${supporters + 1} 人需要`,
  at: (at: string) => `提交于 ${formatWhen(at)}`,
  replies: '已回复',
  planned: '已安排：',
  actions: { reply: '回复', status: '改状态', link: '安排到活动' } satisfies Record<Panel, string>,
  close: '收起',
  empty: '没有这类需求',
  emptyHint: '居民在小程序里提的需求会出现在这里。',
  notStaff: '只有中心社工能处理需求',
} as const;

const FILTERS = [
  { value: 'all', label: TEXT.all },
  ...NEED_STATUSES.map((s) => ({ value: s, label: NEED_STATUS_LABELS[s] })),
];

function NeedCard({
  need,
  centerId,
  onChanged,
}: {
  need: CenterNeed;
  centerId: string;
  onChanged: () => void;
}) {
  const [panel, setPanel] = useState<Panel | null>(null);
  const status = needStatusLabel(need.status, need.reason);
  const done = () => {
    setPanel(null);
    onChanged();
  };
  return (
    <View className="card need">
      <View className="badges">
        <Text className={`${badgeClass(status.tone)} badge--strong`}>{status.text}</Text>
        {need.overdue ? <Text className="badge badge--strong">{TEXT.overdue}</Text> : null}
        {need.held ? <Text className="badge badge--strong">{TEXT.held}</Text> : null}
        <Text className="badge badge--muted">{categoryLabel(need.category)}</Text>
      </View>
      <Text className="body-text need__text">{need.text}</Text>
      <Text className="muted">
        <Text className="strong">{TEXT.people(need.supporters)}</Text> · {TEXT.at(need.createdAt)}
      </Text>
      {need.activities.map((a) => (
        <Text key={a.activityId} className="kv strong">
          ✓ {TEXT.planned}
          {a.title}（{formatWhen(a.startAt)}）
        </Text>
      ))}
      <NeedReplies title={TEXT.replies} replies={need.replies} />
      <View className="actions">
        {(Object.keys(TEXT.actions) as Panel[]).map((p) => (
          <Button
            key={p}
            className={panel === p ? 'btn btn--primary' : 'btn btn--plain'}
            aria-expanded={panel === p}
            onClick={() => setPanel(panel === p ? null : p)}
          >
            {panel === p ? `▲ ${TEXT.actions[p]}` : TEXT.actions[p]}
          </Button>
        ))}
      </View>
      {panel === 'reply' ? <ReplyForm needId={need.needId} onDone={done} /> : null}
      {panel === 'status' ? <StatusForm needId={need.needId} onDone={done} /> : null}
      {panel === 'link' ? <LinkActivity needId={need.needId} centerId={centerId} onDone={done} /> : null}
      {need.held ? null : <RaiseTopic needId={need.needId} raised={need.topicId !== null} />}
    </View>
  );
}

/** Staff: the center's needs, most supported and oldest first (as the server sorts them), each handled here. */
export default function StaffNeedsPage() {
  const member = useMember();
  const me = member.data?.member;
  const [filter, setFilter] = useState<NeedStatus | 'all'>('all');
  const needs = useRemote(
    () => call(needsApi, 'listForCenter', filter === 'all' ? {} : { status: filter }),
    filter,
  );

  const body = () => {
    if (member.status === 'error' && !member.data)
      return <ErrorState error={member.error} onRetry={() => void member.reload()} />;
    if (!me) return <Loading />;
    if (me.role !== 'staff' || !me.centerId) return <EmptyState title={TEXT.notStaff} />;
    if (needs.status === 'error' && !needs.data)
      return <ErrorState error={needs.error} onRetry={needs.reload} />;
    if (!needs.data) return <Loading />;
    const centerId = me.centerId;
    return (
      <>
        {needs.data.overdue ? (
          <View className="notice" role="status">
            <Text>{TEXT.overdueCount(needs.data.overdue)}</Text>
          </View>
        ) : null}
        {needs.data.needs.length === 0 ? (
          <EmptyState title={TEXT.empty} hint={TEXT.emptyHint} />
        ) : (
          needs.data.needs.map((n) => (
            <NeedCard key={n.needId} need={n} centerId={centerId} onChanged={needs.reload} />
          ))
        )}
      </>
    );
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      <Text className="lead">{TEXT.lead}</Text>
      <ChipGroup
        label={TEXT.filter}
        chips={FILTERS}
        selected={[filter]}
        onToggle={(v) => setFilter(v as NeedStatus | 'all')}
      />
      {body()}
    </Screen>
  );
}
