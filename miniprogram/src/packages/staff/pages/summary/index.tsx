import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { CATEGORY_LABELS } from '../../../../../../shared/contract/activities';
import { formatWhen } from '../../../../../../shared/rules/time';
import { call } from '../../../../api/client';
import { summaryApi } from '../../../../api/functions/summary';
import { Card } from '../../../../components/Card';
import { ChipGroup } from '../../../../components/ChipGroup';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useRemote } from '../../../../hooks/useRemote';
import { useMember } from '../../../../state/member';
import { monthFull, monthLabel, ratingValue, recentMonths } from '../../../../summary/describe';
import { FiguresCard } from '../../../../summary/FiguresCard';
import { TrendCard } from '../../../../summary/TrendCard';

const TEXT = {
  title: '本中心数据',
  notStaff: '只有社工可以查看本中心数据',
  month: '月份',
  thisMonth: (m: string) => `本月（${monthLabel(m)}）`,
  staff: (total: number, certified: number) => `社工 ${total} 人，持证 ${certified} 人`,
  activities: '本月活动',
  noActivities: '这个月还没有发布活动',
  signups: (confirmed: number, capacity: number) => `报名 ${confirmed} / ${capacity} 人`,
  rating: (average: number | null, n: number) => `满意度 ${ratingValue(average)}（${n} 条评价）`,
  cancelled: '已取消',
} as const;

/** Staff: their own centre's month (figures, the six months before it, each activity's sign-ups and rating). */
export default function StaffSummaryPage() {
  const member = useMember();
  const isStaff = member.data?.member.role === 'staff';
  const months = [...Array(3).keys()].map((n) => recentMonths(n + 1).from);
  const [month, setMonth] = useState(months[0] ?? '');
  const summary = useRemote(
    () =>
      isStaff ? call(summaryApi, 'center', { month }) : Promise.resolve({ ok: true as const, data: null }),
    `${isStaff}/${month}`,
  );

  const body = () => {
    if (!member.data) {
      return member.status === 'error' ? (
        <ErrorState error={member.error} onRetry={member.reload} />
      ) : (
        <Loading />
      );
    }
    if (!isStaff) return <EmptyState title={TEXT.notStaff} />;
    if (summary.status === 'error') return <ErrorState error={summary.error} onRetry={summary.reload} />;
    if (summary.status === 'loading' || !summary.data) return <Loading />;
    const s = summary.data;
    return (
      <>
        <Text className="lead">
          {s.center.name} · {TEXT.staff(s.center.staffTotal, s.center.staffCertified)}
        </Text>
        <FiguresCard title={monthFull(s.month)} figures={s.figures} />
        <TrendCard trend={s.trend} />
        <Card title={TEXT.activities}>
          {s.activities.length === 0 ? <Text className="muted">{TEXT.noActivities}</Text> : null}
          {s.activities.map((a) => (
            <View key={a.activityId} className="list-item">
              <Text className="strong">{a.title}</Text>
              <Text className="muted">
                {CATEGORY_LABELS[a.category]} · {formatWhen(a.startAt)}
                {a.status === 'cancelled' ? ` · ${TEXT.cancelled}` : ''}
              </Text>
              <Text className="kv">{TEXT.signups(a.confirmed, a.capacity)}</Text>
              <Text className="kv">{TEXT.rating(a.averageRating, a.ratings)}</Text>
            </View>
          ))}
        </Card>
      </>
    );
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      {isStaff ? (
        <ChipGroup
          label={TEXT.month}
          chips={months.map((m, i) => ({ value: m, label: i === 0 ? TEXT.thisMonth(m) : monthLabel(m) }))}
          selected={[month]}
          onToggle={setMonth}
        />
      ) : null}
      {body()}
    </Screen>
  );
}
