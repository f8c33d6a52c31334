import { Button, Text } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { accountApi } from '../../../../api/functions/account';
import { Card } from '../../../../components/Card';
import { ChoiceList } from '../../../../components/ChoiceList';
import { InviteCode } from '../../../../components/InviteCode';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, FormError, Loading } from '../../../../components/Status';
import { SubmitButton } from '../../../../components/SubmitButton';
import { useMutation } from '../../../../hooks/useMutation';
import { useRemote } from '../../../../hooks/useRemote';
import { groupCenters } from '../../../../pages/centers/groupCenters';
import { go, ROUTES } from '../../../../routes';
import { useMember } from '../../../../state/member';

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
  create: '生成邀请码',
  creating: '正在生成…',
} as const;

/** City subpackage (role admin): centers across the city and an invitation for a street office. */
export default function CityOverviewPage() {
  const member = useMember();
  const me = member.data?.member;
  const isAdmin = me?.role === 'admin';
  const centers = useRemote(() => call(accountApi, 'listCenters', {}));
  const districts = useMemo(() => groupCenters(centers.data?.centers ?? []), [centers.data]);
  const [streetId, setStreetId] = useState<string | null>(null);
  const invite = useMutation((id: string | null, options) =>
    call(accountApi, 'createInvite', { role: 'office', streetId: id ?? '' }, options),
  );
  const [lastInvite, setLastInvite] = useState<{ code: string; expiresAt: string; target: string } | null>(
    null,
  );

  const body = () => {
    if (!me) {
      return member.status === 'error' ? (
        <ErrorState error={member.error} onRetry={member.reload} />
      ) : (
        <Loading />
      );
    }
    if (!isAdmin) return <EmptyState title={TEXT.notAdmin} />;
    if (centers.status === 'error' && !centers.data)
      return <ErrorState error={centers.error} onRetry={centers.reload} />;
    if (!centers.data) return <Loading />;
    const list = centers.data.centers;
    if (list.length === 0) return <EmptyState title={TEXT.none} />;
    const streets = districts.flatMap((d) => d.streets.map((s) => ({ ...s, districtName: d.districtName })));

    const create = async () => {
      const outcome = await invite.run(streetId);
      const target = streets.find((s) => s.streetId === streetId)?.streetName ?? '';
      if (outcome.ok) setLastInvite({ ...outcome.data, target });
    };

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
        <Card title={TEXT.invite}>
          <Text className="muted">{TEXT.inviteHint}</Text>
          <ChoiceList
            label={TEXT.street}
            choices={streets.map((s) => ({ value: s.streetId, label: s.streetName, detail: s.districtName }))}
            selected={streetId}
            onSelect={setStreetId}
            error={fieldMessage(invite.error, 'streetId')}
          />
          <FormError error={invite.error} />
          <SubmitButton
            label={TEXT.create}
            busy={invite.pending}
            busyLabel={TEXT.creating}
            onSubmit={() => void create()}
          />
        </Card>
        {lastInvite ? <InviteCode {...lastInvite} /> : null}
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
