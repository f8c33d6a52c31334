import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Screen } from '../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../components/Status';
import { go, ROUTES } from '../../../routes';
import { useMember } from '../../../state/member';

const TEXT = {
  noCenter: '还没有选常去的邻里中心',
  choose: '选择邻里中心',
} as const;

/**
 * A resident page about the home center: the title, then loading, an error to retry, a prompt to choose a
 * center first (`noCenterHint` says why), or the page itself for that center.
 */
export function HomeCenterScreen({
  title,
  noCenterHint,
  children,
}: {
  title: string;
  noCenterHint: string;
  children: (center: { id: string; name: string }) => ReactNode;
}) {
  const member = useMember();
  const body = () => {
    if (member.status === 'error' && !member.data)
      return <ErrorState error={member.error} onRetry={() => void member.reload()} />;
    if (!member.data) return <Loading />;
    const center = member.data.homeCenter;
    if (!center) {
      return (
        <EmptyState
          title={TEXT.noCenter}
          hint={noCenterHint}
          actionText={TEXT.choose}
          onAction={() => go(ROUTES.centers)}
        />
      );
    }
    return children(center);
  };
  return (
    <Screen>
      <Text className="title">{title}</Text>
      {body()}
    </Screen>
  );
}
