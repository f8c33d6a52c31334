import { Button, Text } from '@tarojs/components';
import type { CenterBrief } from '../../../../shared/contract/account';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/Status';
import { go, ROUTES } from '../../routes';

const TEXT = {
  homeCenter: '我的邻里中心',
  change: '换一个邻里中心',
  noCenterTitle: '还没有选常去的邻里中心',
  noCenterHint: '选好后，这里会显示它每月的活动和服务。',
  choose: '选择邻里中心',
  address: '地址',
  operator: '运营',
  monthTitle: '本月活动清单',
  monthHint: '中心发布本月清单后，您可以在这里报名。',
} as const;

export function ResidentHome({ homeCenter }: { homeCenter: CenterBrief | null }) {
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
      <Card title={TEXT.homeCenter}>
        <Text className="kv strong">{homeCenter.name}</Text>
        <Text className="muted">
          {homeCenter.districtName} · {homeCenter.streetName}
        </Text>
        <Text className="kv">
          <Text className="kv__key">{TEXT.address}</Text>
          {homeCenter.address}
        </Text>
        <Text className="kv">
          <Text className="kv__key">{TEXT.operator}</Text>
          {homeCenter.operatorName}
        </Text>
        <Button className="btn btn--plain" onClick={() => go(ROUTES.centers)}>
          {TEXT.change}
        </Button>
      </Card>
      <Card title={TEXT.monthTitle}>
        <Text className="muted">{TEXT.monthHint}</Text>
      </Card>
    </>
  );
}
