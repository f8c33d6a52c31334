import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Screen } from '../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../components/Status';
import { useMember } from '../../../state/member';

/**
 * A staff page about their own center: the title and lead, then loading, an error to retry, `notStaff` for
 * anyone who is not a center's social worker, or the page itself for that center.
 */
export function StaffCenterScreen({
  title,
  lead,
  notStaff,
  children,
}: {
  title: string;
  lead: string;
  notStaff: string;
  children: (centerId: string) => ReactNode;
}) {
  const member = useMember();
  const me = member.data?.member;
  const body = () => {
    if (member.status === 'error' && !member.data)
      return <ErrorState error={member.error} onRetry={() => void member.reload()} />;
    if (!me) return <Loading />;
    if (me.role !== 'staff' || !me.centerId) return <EmptyState title={notStaff} />;
    return children(me.centerId);
  };
  return (
    <Screen>
      <Text className="title">{title}</Text>
      <Text className="lead">{lead}</Text>
      {body()}
    </Screen>
  );
}
