import { Button, Text, View } from '@tarojs/components';
import type * as z from 'zod/mini';
import type { myNeedSchema } from '../../../../../../shared/contract/needs';
import { formatWhen } from '../../../../../../shared/rules/time';
import { badgeClass } from '../../../../activity/describe';
import { call } from '../../../../api/client';
import { needsApi } from '../../../../api/functions/needs';
import { NeedReplies } from '../../../../components/NeedReplies';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useOnReturn } from '../../../../hooks/useOnReturn';
import { useRemote } from '../../../../hooks/useRemote';
import { categoryLabel, needStatusLabel } from '../../../../needs/describe';
import { go, ROUTES } from '../../../../routes';

type MyNeed = z.output<typeof myNeedSchema>;

const TEXT = {
  title: '我的需求',
  add: '＋ 说说新的需求',
  empty: '还没有提过需求',
  emptyHint: '想要什么活动或服务，都可以告诉中心。',
  supported: '我支持的',
  held: '⚠ 工作人员审核前，只有您能看到这条需求',
  /** The reporter plus everyone who pressed +1. */
  people: (supporters: number) => `${supporters + 1} 人需要`,
  submittedAt: (at: string) => `提交于 ${formatWhen(at)}`,
  replies: '中心回复',
  planned: '已安排：',
  openActivity: '查看活动 ›',
  notYetOpen: '活动清单发布后就能报名',
} as const;

function NeedItem({ need }: { need: MyNeed }) {
  const status = needStatusLabel(need.status, need.reason);
  return (
    <View className="card need">
      <View className="badges">
        <Text className={`${badgeClass(status.tone)} badge--strong`}>{status.text}</Text>
        <Text className="badge badge--muted">{categoryLabel(need.category)}</Text>
        {need.mine ? null : <Text className="badge badge--ok">♥ {TEXT.supported}</Text>}
      </View>
      <Text className="body-text need__text">{need.text}</Text>
      <Text className="muted">
        {TEXT.people(need.supporters)} · {TEXT.submittedAt(need.createdAt)}
      </Text>
      {need.held ? <Text className="need__held">{TEXT.held}</Text> : null}
      {need.activities.map((a) => (
        <View
          key={a.activityId}
          className="need__activity"
          role={a.open ? 'button' : undefined}
          onClick={a.open ? () => go(ROUTES.activity, { id: a.activityId }) : undefined}
        >
          <Text className="strong">
            ✓ {TEXT.planned}
            {a.title}
          </Text>
          <Text className="kv">{formatWhen(a.startAt)}</Text>
          <Text className={a.open ? 'activity-card__more' : 'muted'}>
            {a.open ? TEXT.openActivity : TEXT.notYetOpen}
          </Text>
        </View>
      ))}
      <NeedReplies title={TEXT.replies} replies={need.replies} />
    </View>
  );
}

/** Resident subpackage: the needs this resident reported or supported, with status, replies and activities. */
export default function MyNeedsPage() {
  const mine = useRemote(() => call(needsApi, 'mine', {}));
  useOnReturn(mine.reload);

  const body = () => {
    if (mine.status === 'error' && !mine.data) return <ErrorState error={mine.error} onRetry={mine.reload} />;
    if (!mine.data) return <Loading />;
    if (mine.data.needs.length === 0) {
      return (
        <EmptyState
          title={TEXT.empty}
          hint={TEXT.emptyHint}
          actionText={TEXT.add}
          onAction={() => go(ROUTES.needReport)}
        />
      );
    }
    return (
      <>
        <Button className="btn btn--plain" onClick={() => go(ROUTES.needReport)}>
          {TEXT.add}
        </Button>
        {mine.data.needs.map((need) => (
          <NeedItem key={need.needId} need={need} />
        ))}
      </>
    );
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      {body()}
    </Screen>
  );
}
