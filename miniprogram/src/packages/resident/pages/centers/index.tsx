import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import type { CenterBrief } from '../../../../../../shared/contract/account';
import { call } from '../../../../api/client';
import { accountApi } from '../../../../api/functions/account';
import { groupCenters } from '../../../../centers/groupCenters';
import { ChoiceList } from '../../../../components/ChoiceList';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, FormError, Loading } from '../../../../components/Status';
import { useMutation } from '../../../../hooks/useMutation';
import { useRemote } from '../../../../hooks/useRemote';
import { CENTER_STATUS_LABELS } from '../../../../labels';
import { goBack } from '../../../../routes';
import { reloadMember, useMember } from '../../../../state/member';

const TEXT = {
  title: '选择您常去的邻里中心',
  lead: '选好后，首页会显示它的活动和服务。标着“建设中”的中心还不能选。',
  empty: '暂时没有可选的邻里中心',
  saving: '正在保存…',
  current: '当前选择',
} as const;

const detailOf = (center: CenterBrief) => `${center.address} · ${center.operatorName}`;

export default function CentersPage() {
  const member = useMember();
  const currentId = member.data?.member.homeCenterId ?? null;
  const centers = useRemote(() => call(accountApi, 'listCenters', {}));
  const groups = useMemo(() => groupCenters(centers.data?.centers ?? []), [centers.data]);
  const choose = useMutation((homeCenterId: string, options) =>
    call(accountApi, 'updateProfile', { homeCenterId }, options),
  );

  const onSelect = async (homeCenterId: string) => {
    if (choose.pending || homeCenterId === currentId) return;
    const outcome = await choose.run(homeCenterId);
    if (!outcome.ok) return;
    await reloadMember();
    goBack();
  };

  const body = () => {
    if (centers.status === 'error' && !centers.data) {
      return <ErrorState error={centers.error} onRetry={centers.reload} />;
    }
    if (!centers.data) return <Loading />;
    if (groups.length === 0) return <EmptyState title={TEXT.empty} />;
    return groups.map((district) => (
      <View key={district.districtName}>
        <Text className="group-title">{district.districtName}</Text>
        {district.streets.map((street) => (
          <ChoiceList
            key={street.streetId}
            label={street.streetName}
            selected={currentId}
            onSelect={(id) => void onSelect(id)}
            choices={street.centers.map((center) => ({
              value: center.id,
              label: center.name,
              detail: detailOf(center),
              disabled: center.status !== 'operating',
              ...(center.status !== 'operating'
                ? { note: CENTER_STATUS_LABELS.building }
                : center.id === currentId
                  ? { note: TEXT.current }
                  : {}),
            }))}
          />
        ))}
      </View>
    ));
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      <Text className="lead">{TEXT.lead}</Text>
      {choose.pending ? (
        <View role="status">
          <Text className="muted">{TEXT.saving}</Text>
        </View>
      ) : null}
      <FormError error={choose.error} />
      {body()}
    </Screen>
  );
}
