import { Button, Text } from '@tarojs/components';
import { useMemo } from 'react';
import { call } from '../../../../api/client';
import { accountApi } from '../../../../api/functions/account';
import { groupCenters } from '../../../../centers/groupCenters';
import { Card } from '../../../../components/Card';
import { cityAccount, MemberScreen } from '../../../../components/MemberScreen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useRemote } from '../../../../hooks/useRemote';
import { go, ROUTES } from '../../../../routes';
import { InviteCard } from '../../../office/components/InviteCard';

const TEXT = {
  title: '全市概览',
  notAdmin: '只有市民政局可以查看全市概览',
  figures: '邻里中心',
  counts: (total: number, operating: number) => `共 ${total} 家，其中运营中 ${operating} 家`,
  district: (name: string, streets: number, centers: number) =>
    `${name}：${streets} 个街道，${centers} 家中心`,
  none: '还没有邻里中心的数据',
  data: '服务情况',
  dataHint: '全市的活动、参与人次、居民需求和满意度，按区县和月份看。',
  openData: '查看全市数据',
  openStars: '查看星级评定',
  invite: '邀请街道',
  inviteHint: '选一个街道，生成邀请码交给街道工作人员。',
  street: '街道',
} as const;

function CityOverview() {
  const centers = useRemote(() => call(accountApi, 'listCenters', {}));
  const districts = useMemo(() => groupCenters(centers.data?.centers ?? []), [centers.data]);
  if (centers.status === 'error' && !centers.data)
    return <ErrorState error={centers.error} onRetry={centers.reload} />;
  if (!centers.data) return <Loading />;
  const list = centers.data.centers;
  if (list.length === 0) return <EmptyState title={TEXT.none} />;
  return (
    <>
      <Card title={TEXT.figures}>
        <Text className="kv strong">
          {TEXT.counts(list.length, list.filter((c) => c.status === 'operating').length)}
        </Text>
        {districts.map((d) => (
          <Text key={d.districtName} className="list-item">
            {TEXT.district(
              d.districtName,
              d.streets.length,
              d.streets.reduce((n, s) => n + s.centers.length, 0),
            )}
          </Text>
        ))}
      </Card>
      <Card title={TEXT.data}>
        <Text className="muted">{TEXT.dataHint}</Text>
        <Button className="btn btn--primary" onClick={() => go(ROUTES.citySummary)}>
          {TEXT.openData}
        </Button>
        <Button className="btn btn--plain" onClick={() => go(ROUTES.officeStars)}>
          {TEXT.openStars}
        </Button>
      </Card>
      <InviteCard
        title={TEXT.invite}
        hint={TEXT.inviteHint}
        label={TEXT.street}
        invites="office"
        choices={districts.flatMap((d) =>
          d.streets.map((s) => ({ value: s.streetId, label: s.streetName, detail: d.districtName })),
        )}
      />
    </>
  );
}

/** City subpackage (role admin): centers across the city and an invitation for a street office. */
export default function CityOverviewPage() {
  return (
    <MemberScreen title={TEXT.title} scope={cityAccount} notAllowed={TEXT.notAdmin}>
      {() => <CityOverview />}
    </MemberScreen>
  );
}
