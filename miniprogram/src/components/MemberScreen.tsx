import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { MemberView } from '../../../shared/contract/account';
import { useMember } from '../state/member';
import { Screen } from './Screen';
import { EmptyState, ErrorState, Loading } from './Status';

/** A street office's own street: what its pages work on. */
export const officeStreet = (member: MemberView) => (member.role === 'office' ? member.streetId : null);

/** The city account (民政局), which sees every street. */
export const cityAccount = (member: MemberView) => (member.role === 'admin' ? member.role : null);

/** A center's social worker: their own center. */
export const staffCenter = (member: MemberView) =>
  member.role === 'staff' && member.centerId ? member.centerId : null;

export interface MemberScreenProps<T> {
  title: string;
  /** Under the title, for everyone. Default none. */
  lead?: string;
  /** What the page works on for this member (e.g. their street), or null when it is not for them. */
  scope: (member: MemberView) => T | null;
  /** What a member `scope` turns away reads, with an optional `notAllowedHint` on what to do. */
  notAllowed: string;
  notAllowedHint?: string;
  children: (scope: T) => ReactNode;
}

/**
 * A page of the staff, street office or city packages: the title and lead, then loading, an error to retry,
 * `notAllowed`, or the page itself. The page's own loads start only once the member may see it.
 * Only subpackages use it, so Taro copies it into each of them rather than the main package.
 */
export function MemberScreen<T>({
  title,
  lead,
  scope,
  notAllowed,
  notAllowedHint,
  children,
}: MemberScreenProps<T>) {
  const member = useMember();
  const me = member.data?.member;
  const body = () => {
    if (member.status === 'error' && !me)
      return <ErrorState error={member.error} onRetry={() => void member.reload()} />;
    if (!me) return <Loading />;
    const scoped = scope(me);
    if (scoped === null) return <EmptyState title={notAllowed} hint={notAllowedHint} />;
    return children(scoped);
  };
  return (
    <Screen>
      <Text className="title">{title}</Text>
      {lead ? <Text className="lead">{lead}</Text> : null}
      {body()}
    </Screen>
  );
}
