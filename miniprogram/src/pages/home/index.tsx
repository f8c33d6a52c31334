import { Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { Screen } from '../../components/Screen';
import { ErrorState, Loading } from '../../components/Status';
import { refreshUnread } from '../../state/inbox';
import { useMember } from '../../state/member';
import { ResidentHome } from './ResidentHome';
import { WorkplaceHome } from './WorkplaceHome';

const TEXT = {
  greeting: (name: string) => `${name}，您好`,
  guest: '您好',
} as const;

/** The first page: what matters to this person, by role. */
export default function HomePage() {
  const member = useMember();
  useDidShow(() => void refreshUnread());

  if (!member.data) {
    return (
      <Screen>
        {member.status === 'error' ? (
          <ErrorState error={member.error} onRetry={member.reload} />
        ) : (
          <Loading />
        )}
      </Screen>
    );
  }

  const { member: me, homeCenter } = member.data;
  return (
    <Screen>
      <Text className="title">{me.displayName ? TEXT.greeting(me.displayName) : TEXT.guest}</Text>
      {me.role === 'resident' ? <ResidentHome homeCenter={homeCenter} /> : <WorkplaceHome member={me} />}
    </Screen>
  );
}
