import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { RegistrationStatus } from '../../../../../../shared/contract/activities';
import { badgeClass, formatSpan, placeLabel } from '../../../../activity/describe';
import { When } from '../../../../activity/When';
import { call } from '../../../../api/client';
import { activitiesApi } from '../../../../api/functions/activities';
import { registrationsApi } from '../../../../api/functions/registrations';
import { Card } from '../../../../components/Card';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useRemote } from '../../../../hooks/useRemote';
import { go, ROUTES } from '../../../../routes';
import { CancelActivity } from '../../components/CancelActivity';
import { CloseActivity } from '../../components/CloseActivity';

const TEXT = {
  counts: '人数',
  capacity: '名额',
  statusNames: {
    confirmed: '已报名',
    waitlisted: '候补',
    attended: '已签到',
    no_show: '未到场',
    cancelled: '已取消',
  } satisfies Record<RegistrationStatus, string>,
  people: '名单',
  nobody: '还没有人报名',
  nobodyHint: '发布后，居民报名会出现在这里。',
  by: (name: string) => `由${name}代报名`,
  noPhone: '未留手机号',
  cancelled: (reason: string | null) => `活动已取消${reason ? `：${reason}` : ''}`,
  cancelledNow: (n: number) => `✓ 活动已取消，已通知 ${n} 人。`,
  scan: '扫码签到',
  manual: '手工签到',
  feedback: '看评价',
  proxyRate: '代评',
} as const;

const COUNT_ORDER: readonly RegistrationStatus[] = [
  'confirmed',
  'waitlisted',
  'attended',
  'no_show',
  'cancelled',
];

/** Staff: who is coming to one activity (names, masked phones, places), and cancelling it. */
export default function StaffActivityPage() {
  const id = useRouter().params.id ?? '';
  const activity = useRemote(() => call(activitiesApi, 'get', { activityId: id }), id);
  const roster = useRemote(() => call(registrationsApi, 'roster', { activityId: id }), id);
  const [notified, setNotified] = useState<number | null>(null);

  const retry = () => {
    activity.reload();
    roster.reload();
  };

  const body = () => {
    const failed = activity.status === 'error' ? activity : roster.status === 'error' ? roster : null;
    if (failed?.status === 'error' && (!activity.data || !roster.data)) {
      return <ErrorState error={failed.error} onRetry={retry} />;
    }
    if (!activity.data || !roster.data) return <Loading />;
    const a = activity.data.activity;
    const { counts, entries, capacity } = roster.data;
    return (
      <>
        {notified !== null ? (
          <View className="result" role="status">
            <Text className="result__text strong">{TEXT.cancelledNow(notified)}</Text>
          </View>
        ) : null}
        <Card title={a.title}>
          <Text className="kv">
            <When text={formatSpan(a.startAt, a.endAt)} />
          </Text>
          <Text className="kv">{a.place}</Text>
          {a.status === 'cancelled' ? (
            <View className="notice notice--muted">
              <Text>{TEXT.cancelled(a.cancelReason)}</Text>
            </View>
          ) : null}
          <View className="counts">
            <Text className="kv">
              <Text className="kv__key">{TEXT.capacity}</Text>
              <Text className="count__value">{capacity}</Text>
            </Text>
            {COUNT_ORDER.filter((s) => s === 'confirmed' || counts[s]).map((s) => (
              <Text key={s} className="kv">
                <Text className="kv__key">{TEXT.statusNames[s]}</Text>
                <Text className="count__value">{counts[s] ?? 0}</Text>
              </Text>
            ))}
          </View>
        </Card>
        {a.status === 'published' ? (
          <View className="actions">
            <Button className="btn btn--primary" onClick={() => go(ROUTES.staffScan, { id: a.id })}>
              {TEXT.scan}
            </Button>
            <Button className="btn btn--plain" onClick={() => go(ROUTES.staffCheckin, { id: a.id })}>
              {TEXT.manual}
            </Button>
          </View>
        ) : null}
        {a.status === 'published' || a.status === 'closed' ? (
          <Button className="btn btn--plain" onClick={() => go(ROUTES.staffFeedback, { id: a.id })}>
            {TEXT.feedback}
          </Button>
        ) : null}
        {Date.now() > Date.parse(a.endAt) && (a.status === 'published' || a.status === 'closed') ? (
          <View className="spaced">
            <CloseActivity activityId={a.id} closed={a.status === 'closed'} onClosed={retry} />
          </View>
        ) : null}
        <Card title={TEXT.people}>
          {entries.length === 0 ? (
            <EmptyState title={TEXT.nobody} hint={TEXT.nobodyHint} />
          ) : (
            entries.map((e) => {
              const place = placeLabel(e.status, e.waitlistPosition);
              return (
                <View key={e.registrationId} className="list-item">
                  <View className="row">
                    <Text className="strong">{e.displayName}</Text>
                    <Text className={`${badgeClass(place.tone)} badge--strong`}>{place.text}</Text>
                  </View>
                  {e.signedUpBy ? <Text className="muted">{TEXT.by(e.signedUpBy)}</Text> : null}
                  <Text className="muted">{e.phoneMasked ?? TEXT.noPhone}</Text>
                  {e.status === 'attended' ? (
                    <Button
                      className="btn btn--plain btn--small"
                      onClick={() =>
                        go(ROUTES.rate, { id: e.registrationId, title: a.title, for: e.displayName })
                      }
                    >
                      {TEXT.proxyRate}
                    </Button>
                  ) : null}
                </View>
              );
            })
          )}
        </Card>
        {a.status === 'draft' || a.status === 'published' ? (
          <CancelActivity
            activityId={a.id}
            people={(counts.confirmed ?? 0) + (counts.waitlisted ?? 0)}
            onCancelled={(n) => {
              setNotified(n);
              retry();
            }}
          />
        ) : null}
      </>
    );
  };

  return <Screen>{body()}</Screen>;
}
