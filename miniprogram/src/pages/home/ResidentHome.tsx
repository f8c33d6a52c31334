import { Button, Text, View } from '@tarojs/components';
import type { CenterBrief } from '../../../../shared/contract/account';
import { EmptyState } from '../../components/Status';
import { go, ROUTES } from '../../routes';
import { useUnread } from '../../state/inbox';
import { MonthSection } from './MonthSection';

const TEXT = {
  noCenterTitle: '还没有选常去的邻里中心',
  noCenterHint: '选好后，这里会显示它每月的活动和服务。',
  choose: '选择邻里中心',
  change: '换一个中心',
  homeCenter: '我的邻里中心',
  unread: (n: number) => `您有 ${n} 条新消息，点这里查看`,
  needButton: '💬 说说您的需求',
  councilButton: '🏛 邻里议事会：大家商量的事',
} as const;

export function ResidentHome({ homeCenter }: { homeCenter: CenterBrief | null }) {
  const unread = useUnread();
  if (!homeCenter) {
    return (
      <EmptyState
        title={TEXT.noCenterTitle}
        hint={TEXT.noCenterHint}
        actionText={TEXT.choose}
        onAction={() => go(ROUTES.centers)}
      />
    );
  }
  return (
    <>
      <View className="card center-bar">
        <View className="center-bar__text">
          <Text className="muted">{TEXT.homeCenter}</Text>
          <Text className="kv strong">{homeCenter.name}</Text>
          <Text className="muted">{homeCenter.address}</Text>
        </View>
        <Button className="btn btn--plain btn--small" onClick={() => go(ROUTES.centers)}>
          {TEXT.change}
        </Button>
      </View>
      {unread ? (
        <View className="notice" role="button" onClick={() => go(ROUTES.inbox)}>
          <Text>✉ {TEXT.unread(unread)}</Text>
        </View>
      ) : null}
      <Button className="btn btn--plain need-entry" onClick={() => go(ROUTES.needReport)}>
        {TEXT.needButton}
      </Button>
      <Button className="btn btn--plain need-entry" onClick={() => go(ROUTES.council)}>
        {TEXT.councilButton}
      </Button>
      <MonthSection center={homeCenter} />
    </>
  );
}
