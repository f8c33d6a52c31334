import { Button, Text } from '@tarojs/components';
import { call } from '../../../../api/client';
import { accountApi } from '../../../../api/functions/account';
import { Card } from '../../../../components/Card';
import { MemberScreen, officeStreet } from '../../../../components/MemberScreen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useRemote } from '../../../../hooks/useRemote';
import { CENTER_STATUS_LABELS } from '../../../../labels';
import { go, ROUTES } from '../../../../routes';
import { InviteCard } from '../../components/InviteCard';

const TEXT = {
  title: '街道工作台',
  notOffice: '您还不是街道工作人员',
  notOfficeHint: '请向市民政局要一个邀请码，在“我的 → 使用邀请码”里加入。',
  centers: '本街道的邻里中心',
  counts: (operating: number, building: number) => `运营中 ${operating} 家，建设中 ${building} 家`,
  none: '本街道还没有邻里中心',
  summary: '服务情况',
  summaryHint: '各中心的活动、参与、满意度和需求办理，可以按月份对比、导出表格。',
  openSummary: '查看街道汇总',
  openStars: '查看星级评定',
  council: '议事会和社区组织',
  councilHint: '各中心的议题、逾期未办结的决议，和各中心孵化的社区组织。',
  openCouncil: '查看街道议事会',
  openOrganizations: '查看社区组织',
  invite: '邀请社工',
  inviteHint: '选一个中心，生成邀请码交给社工。',
  center: '社工所在的中心',
} as const;

function StreetDesk({ streetId }: { streetId: string }) {
  const centers = useRemote(() => call(accountApi, 'listCenters', { streetId }), streetId);
  if (centers.status === 'error' && !centers.data)
    return <ErrorState error={centers.error} onRetry={centers.reload} />;
  if (!centers.data) return <Loading />;
  const list = centers.data.centers;
  if (list.length === 0) return <EmptyState title={TEXT.none} />;
  const operating = list.filter((c) => c.status === 'operating').length;
  return (
    <>
      <Card title={`${list[0]?.streetName ?? ''} · ${TEXT.centers}`}>
        <Text className="muted">{TEXT.counts(operating, list.length - operating)}</Text>
        {list.map((c) => (
          <Text key={c.id} className="list-item">
            {c.name}（{CENTER_STATUS_LABELS[c.status]}）
          </Text>
        ))}
      </Card>
      <Card title={TEXT.summary}>
        <Text className="muted">{TEXT.summaryHint}</Text>
        <Button className="btn btn--primary" onClick={() => go(ROUTES.officeSummary)}>
          {TEXT.openSummary}
        </Button>
        <Button className="btn btn--plain" onClick={() => go(ROUTES.officeStars)}>
          {TEXT.openStars}
        </Button>
      </Card>
      <Card title={TEXT.council}>
        <Text className="muted">{TEXT.councilHint}</Text>
        <Button className="btn btn--primary" onClick={() => go(ROUTES.officeCouncil)}>
          {TEXT.openCouncil}
        </Button>
        <Button className="btn btn--plain" onClick={() => go(ROUTES.officeOrganizations)}>
          {TEXT.openOrganizations}
        </Button>
      </Card>
      <InviteCard
        title={TEXT.invite}
        hint={TEXT.inviteHint}
        label={TEXT.center}
        invites="staff"
        choices={list.map((c) => ({ value: c.id, label: c.name, detail: CENTER_STATUS_LABELS[c.status] }))}
      />
    </>
  );
}

/** Street-office subpackage: the street's centers and an invitation for a center's staff. */
export default function OfficeStreetPage() {
  return (
    <MemberScreen
      title={TEXT.title}
      scope={officeStreet}
      notAllowed={TEXT.notOffice}
      notAllowedHint={TEXT.notOfficeHint}
    >
      {(streetId) => <StreetDesk streetId={streetId} />}
    </MemberScreen>
  );
}
