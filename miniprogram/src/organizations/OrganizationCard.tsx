import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { ORGANIZATION_STATUS_LABELS, type OrganizationView } from '../../../shared/contract/organizations';
import { dayOf } from '../../../shared/rules/time';
import { dueDateText } from '../councils/describe';

const TEXT = {
  operator: '运营机构',
  contact: '联系人',
  center: '孵化中心',
  activities: (n: number) => `承办活动 ${n} 场`,
  registeredAt: (day: string) => `${dueDateText(day)} 登记`,
  runs: '运营的中心',
  since: (name: string, day: string) => `${name}（${dueDateText(day)}起）`,
  stars: '星级评定',
  star: (period: string, center: string, stars: number) =>
    `${periodText(period)} ${center}：${stars > 0 ? `${'★'.repeat(stars)} ${stars}星` : '未评星'}`,
} as const;

/** `2025` → `2025年`, `2025-Q3` → `2025年第3季度`. */
function periodText(period: string): string {
  const [year, quarter] = period.split('-Q');
  return quarter ? `${year}年第${quarter}季度` : `${year}年`;
}

export interface OrganizationCardProps {
  organization: OrganizationView;
  /** A street's list names the incubating center. Default false. */
  showCenter?: boolean;
}

/** One organization of the registry: a community organization's type, status and contact role, or an operator's centers and stars. */
export function OrganizationCard({
  organization: o,
  showCenter = false,
  children,
}: PropsWithChildren<OrganizationCardProps>) {
  return (
    <View className="card organization" data-organization={o.organizationId}>
      <View className="badges">
        {o.kind === 'operator' ? (
          <Text className="badge badge--ok badge--strong">{TEXT.operator}</Text>
        ) : null}
        {o.status ? (
          <Text
            className={o.status === 'registered' ? 'badge badge--ok badge--strong' : 'badge badge--strong'}
          >
            {o.status === 'registered' ? '✓ ' : ''}
            {ORGANIZATION_STATUS_LABELS[o.status]}
          </Text>
        ) : null}
        {o.type ? <Text className="badge badge--muted">{o.type}</Text> : null}
      </View>
      <Text className="card__title topic__title">{o.name}</Text>
      {showCenter && o.center ? (
        <Text className="kv">
          <Text className="kv__key">{TEXT.center}</Text>
          {o.center.name}
        </Text>
      ) : null}
      {o.contactRole ? (
        <Text className="kv">
          <Text className="kv__key">{TEXT.contact}</Text>
          {o.contactRole}
        </Text>
      ) : null}
      {o.kind === 'community' ? (
        <Text className="muted">
          {TEXT.activities(o.activities)} · {TEXT.registeredAt(dayOf(o.registeredAt))}
        </Text>
      ) : null}
      {o.runs.length ? (
        <Text className="kv">
          <Text className="kv__key">{TEXT.runs}</Text>
          {o.runs.map((r) => TEXT.since(r.centerName, dayOf(r.since))).join('、')}
        </Text>
      ) : null}
      {o.stars.length ? (
        <View>
          <Text className="subheading">{TEXT.stars}</Text>
          {o.stars.map((s) => (
            <Text key={`${s.period}/${s.centerName}`} className="kv">
              {TEXT.star(s.period, s.centerName, s.stars)}
            </Text>
          ))}
        </View>
      ) : null}
      {children}
    </View>
  );
}
