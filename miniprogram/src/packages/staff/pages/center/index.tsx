import { Button, Text } from '@tarojs/components';
import { call } from '../../../../api/client';
import { accountApi } from '../../../../api/functions/account';
import { Card } from '../../../../components/Card';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useRemote } from '../../../../hooks/useRemote';
import { CENTER_STATUS_LABELS } from '../../../../labels';
import { go, ROUTES } from '../../../../routes';
import { useMember } from '../../../../state/member';

const TEXT = {
  title: '中心工作台',
  notStaff: '您还不是社工',
  notStaffHint: '请向所在街道要一个邀请码，在“我的 → 使用邀请码”里加入。',
  missing: '没有找到您所在的中心',
  address: '地址',
  operator: '运营机构',
  status: '状态',
  monthTitle: '活动清单',
  monthHint: '写本月和下月的活动，发布后居民就能报名；查看报名名单，扫码或手工签到。',
  openMonth: '编辑活动清单',
  needsTitle: '居民需求',
  needsHint: '居民提的需求：回复、改状态、安排到活动。超过7天未回复的会标出来。',
  openNeeds: '查看居民需求',
  councilTitle: '邻里议事会',
  councilHint: '居民提的议题：安排上会、记录决议、跟进落实。30天没有进展的会标出来。',
  openCouncil: '查看议事会议程',
  organizationsTitle: '社区组织',
  organizationsHint: '本中心孵化的社区组织：登记、改状态；活动可以写明由哪个组织承办。',
  openOrganizations: '查看社区组织',
  summaryTitle: '本中心数据',
  summaryHint: '每月的活动、参与人次、出勤、满意度和需求办理情况。',
  openSummary: '查看本中心数据',
} as const;

/** Staff subpackage: the center this staff member works for. */
export default function StaffCenterPage() {
  const member = useMember();
  const me = member.data?.member;
  const streetId = me?.streetId ?? undefined;
  const centers = useRemote(
    () => call(accountApi, 'listCenters', streetId ? { streetId } : {}),
    `${me?.centerId ?? ''}/${streetId ?? ''}`,
  );

  const body = () => {
    if (!me) {
      return member.status === 'error' ? (
        <ErrorState error={member.error} onRetry={member.reload} />
      ) : (
        <Loading />
      );
    }
    if (me.role !== 'staff' || !me.centerId)
      return <EmptyState title={TEXT.notStaff} hint={TEXT.notStaffHint} />;
    if (centers.status === 'error' && !centers.data)
      return <ErrorState error={centers.error} onRetry={centers.reload} />;
    if (!centers.data) return <Loading />;
    const center = centers.data.centers.find((c) => c.id === me.centerId);
    if (!center) return <EmptyState title={TEXT.missing} />;
    return (
      <>
        <Card title={center.name}>
          <Text className="muted">
            {center.districtName} · {center.streetName}
          </Text>
          <Text className="kv">
            <Text className="kv__key">{TEXT.address}</Text>
            {center.address}
          </Text>
          <Text className="kv">
            <Text className="kv__key">{TEXT.operator}</Text>
            {center.operatorName}
          </Text>
          <Text className="kv">
            <Text className="kv__key">{TEXT.status}</Text>
            {CENTER_STATUS_LABELS[center.status]}
          </Text>
        </Card>
        <Card title={TEXT.monthTitle}>
          <Text className="muted">{TEXT.monthHint}</Text>
          <Button className="btn btn--primary" onClick={() => go(ROUTES.staffMonth)}>
            {TEXT.openMonth}
          </Button>
        </Card>
        <Card title={TEXT.needsTitle}>
          <Text className="muted">{TEXT.needsHint}</Text>
          <Button className="btn btn--primary" onClick={() => go(ROUTES.staffNeeds)}>
            {TEXT.openNeeds}
          </Button>
        </Card>
        <Card title={TEXT.councilTitle}>
          <Text className="muted">{TEXT.councilHint}</Text>
          <Button className="btn btn--primary" onClick={() => go(ROUTES.staffCouncil)}>
            {TEXT.openCouncil}
          </Button>
        </Card>
        <Card title={TEXT.organizationsTitle}>
          <Text className="muted">{TEXT.organizationsHint}</Text>
          <Button className="btn btn--primary" onClick={() => go(ROUTES.staffOrganizations)}>
            {TEXT.openOrganizations}
          </Button>
        </Card>
        <Card title={TEXT.summaryTitle}>
          <Text className="muted">{TEXT.summaryHint}</Text>
          <Button className="btn btn--primary" onClick={() => go(ROUTES.staffSummary)}>
            {TEXT.openSummary}
          </Button>
        </Card>
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
