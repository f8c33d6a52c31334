import { Button, Text } from '@tarojs/components';
import { useState } from 'react';
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
import { CENTER_STATUS_LABELS } from '../../../../labels';
import { go, ROUTES } from '../../../../routes';
import { useMember } from '../../../../state/member';

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
  create: '生成邀请码',
  creating: '正在生成…',
} as const;

/** Street-office subpackage: the street's centers and an invitation for a center's staff. */
export default function OfficeStreetPage() {
  const member = useMember();
  const me = member.data?.member;
  const streetId = me?.role === 'office' ? me.streetId : null;
  const centers = useRemote(
    () => call(accountApi, 'listCenters', streetId ? { streetId } : {}),
    streetId ?? '',
  );
  const [centerId, setCenterId] = useState<string | null>(null);
  const invite = useMutation((id: string | null, options) =>
    // No choice yet: the schema answers with its own "请提供邻里中心".
    call(accountApi, 'createInvite', { role: 'staff', centerId: id ?? '' }, options),
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
    if (!streetId) return <EmptyState title={TEXT.notOffice} hint={TEXT.notOfficeHint} />;
    if (centers.status === 'error' && !centers.data)
      return <ErrorState error={centers.error} onRetry={centers.reload} />;
    if (!centers.data) return <Loading />;
    const list = centers.data.centers;
    if (list.length === 0) return <EmptyState title={TEXT.none} />;
    const operating = list.filter((c) => c.status === 'operating').length;

    const create = async () => {
      const outcome = await invite.run(centerId);
      const target = list.find((c) => c.id === centerId)?.name ?? '';
      if (outcome.ok) setLastInvite({ ...outcome.data, target });
    };

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
        <Card title={TEXT.invite}>
          <Text className="muted">{TEXT.inviteHint}</Text>
          <ChoiceList
            label={TEXT.center}
            choices={list.map((c) => ({
              value: c.id,
              label: c.name,
              detail: CENTER_STATUS_LABELS[c.status],
            }))}
            selected={centerId}
            onSelect={setCenterId}
            error={fieldMessage(invite.error, 'centerId')}
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
