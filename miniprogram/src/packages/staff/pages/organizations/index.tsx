import { Text } from '@tarojs/components';
import { call } from '../../../../api/client';
import { organizationsApi } from '../../../../api/functions/organizations';
import { MemberScreen, staffCenter } from '../../../../components/MemberScreen';
import { EmptyState, ErrorState, FormError, Loading } from '../../../../components/Status';
import { SubmitButton } from '../../../../components/SubmitButton';
import { useMutation } from '../../../../hooks/useMutation';
import { useRemote } from '../../../../hooks/useRemote';
import { OrganizationCard } from '../../../../organizations/OrganizationCard';
import { RegisterOrganization } from '../../../../organizations/RegisterOrganization';

const TEXT = {
  title: '社区组织',
  lead: '本中心孵化的社区组织。活动清单里可以写明活动由哪个组织承办。',
  operators: '运营本中心的机构',
  community: (n: number) => `本中心的社区组织（${n} 个）`,
  empty: '还没有登记社区组织',
  emptyHint: '在下面登记本中心孵化的扶老、助残、文体等组织。',
  promote: '改为已登记',
  promoting: '正在修改…',
  notStaff: '只有中心社工能管理社区组织',
} as const;

/** 孵化中 → 已登记, once the organization has registered with civil affairs. */
function Promote({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const update = useMutation((id: string, options) =>
    call(organizationsApi, 'update', { organizationId: id, status: 'registered' }, options),
  );
  const submit = async () => {
    const outcome = await update.run(organizationId);
    if (outcome.ok) onDone();
  };
  return (
    <>
      <FormError error={update.error} />
      <SubmitButton
        label={TEXT.promote}
        busy={update.pending}
        busyLabel={TEXT.promoting}
        onSubmit={() => void submit()}
      />
    </>
  );
}

function Registry({ centerId }: { centerId: string }) {
  const list = useRemote(() => call(organizationsApi, 'list', { centerId }), centerId);
  if (list.status === 'error' && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const all = list.data.organizations;
  const operators = all.filter((o) => o.kind === 'operator');
  const community = all.filter((o) => o.kind === 'community');
  return (
    <>
      {operators.length ? <Text className="group-title">{TEXT.operators}</Text> : null}
      {operators.map((o) => (
        <OrganizationCard key={o.organizationId} organization={o} />
      ))}
      <Text className="group-title">{TEXT.community(community.length)}</Text>
      {community.length === 0 ? <EmptyState title={TEXT.empty} hint={TEXT.emptyHint} /> : null}
      {community.map((o) => (
        <OrganizationCard key={o.organizationId} organization={o}>
          {o.status === 'incubating' ? (
            <Promote organizationId={o.organizationId} onDone={list.reload} />
          ) : null}
        </OrganizationCard>
      ))}
      <RegisterOrganization centerId={centerId} onDone={list.reload} />
    </>
  );
}

/** Staff subpackage: the center's operator and the community organizations it incubates. */
export default function StaffOrganizationsPage() {
  return (
    <MemberScreen title={TEXT.title} lead={TEXT.lead} scope={staffCenter} notAllowed={TEXT.notStaff}>
      {(centerId) => <Registry centerId={centerId} />}
    </MemberScreen>
  );
}
