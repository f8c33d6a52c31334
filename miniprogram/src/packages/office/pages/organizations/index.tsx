import { Text, View } from '@tarojs/components';
import type { OrganizationView } from '../../../../../../shared/contract/organizations';
import { call } from '../../../../api/client';
import { accountApi } from '../../../../api/functions/account';
import { organizationsApi } from '../../../../api/functions/organizations';
import { MemberScreen, officeStreet } from '../../../../components/MemberScreen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useRemote } from '../../../../hooks/useRemote';
import { OrganizationCard } from '../../../../organizations/OrganizationCard';
import { RegisterOrganization } from '../../../../organizations/RegisterOrganization';

const TEXT = {
  title: '街道社区组织',
  lead: '运营本街道各中心的机构，和各中心孵化的社区组织。街道也可以替中心登记社区组织。',
  counts: (incubating: number, registered: number) =>
    `社区组织：孵化中 ${incubating} 个，已登记 ${registered} 个`,
  operators: '运营机构',
  community: (center: string, n: number) => `${center}（${n} 个）`,
  noCommunity: '各中心还没有登记社区组织',
  noCommunityHint: '可以在下面替中心登记它孵化的组织。',
  noCenters: '本街道还没有邻里中心',
  notOffice: '只有街道工作人员可以查看街道社区组织',
} as const;

/** Community organizations grouped by the center incubating them, in the order they first appear. */
function byCenter(organizations: readonly OrganizationView[]) {
  const groups = new Map<string, { name: string; organizations: OrganizationView[] }>();
  for (const o of organizations) {
    if (!o.center) continue;
    const group = groups.get(o.center.id) ?? { name: o.center.name, organizations: [] };
    group.organizations.push(o);
    groups.set(o.center.id, group);
  }
  return [...groups.entries()].map(([id, g]) => ({ id, ...g }));
}

function StreetOrganizations({ streetId }: { streetId: string }) {
  const list = useRemote(() => call(organizationsApi, 'list', {}));
  const centers = useRemote(() => call(accountApi, 'listCenters', { streetId }), streetId);
  if (list.status === 'error' && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (centers.status === 'error' && !centers.data)
    return <ErrorState error={centers.error} onRetry={centers.reload} />;
  if (!list.data || !centers.data) return <Loading />;
  if (centers.data.centers.length === 0) return <EmptyState title={TEXT.noCenters} />;
  const all = list.data.organizations;
  const operators = all.filter((o) => o.kind === 'operator');
  const community = all.filter((o) => o.kind === 'community');
  const registered = community.filter((o) => o.status === 'registered').length;
  return (
    <>
      <View className="notice notice--muted" role="status">
        <Text>{TEXT.counts(community.length - registered, registered)}</Text>
      </View>
      {community.length === 0 ? <EmptyState title={TEXT.noCommunity} hint={TEXT.noCommunityHint} /> : null}
      {byCenter(community).map((g) => (
        <View key={g.id}>
          <Text className="group-title">{TEXT.community(g.name, g.organizations.length)}</Text>
          {g.organizations.map((o) => (
            <OrganizationCard key={o.organizationId} organization={o} />
          ))}
        </View>
      ))}
      {operators.length ? <Text className="group-title">{TEXT.operators}</Text> : null}
      {operators.map((o) => (
        <OrganizationCard key={o.organizationId} organization={o} />
      ))}
      <RegisterOrganization centers={centers.data.centers} onDone={list.reload} />
    </>
  );
}

/**
 * Street office: the operators running its centers and the community organizations each center incubates, and
 * registering one for a center of the street.
 */
export default function OfficeOrganizationsPage() {
  return (
    <MemberScreen title={TEXT.title} lead={TEXT.lead} scope={officeStreet} notAllowed={TEXT.notOffice}>
      {(streetId) => <StreetOrganizations streetId={streetId} />}
    </MemberScreen>
  );
}
