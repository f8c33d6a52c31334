import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CenterBrief } from '../../../../shared/contract/account';
import {
  dayOfActivity,
  daysWithActivities,
  formatDay,
  monthChoices,
  monthName,
} from '../../activity/describe';
import { MonthList } from '../../activity/MonthList';
import { MonthSwitch } from '../../activity/MonthSwitch';
import { call } from '../../api/client';
import { activitiesApi } from '../../api/functions/activities';
import { ChipGroup } from '../../components/ChipGroup';
import { EmptyState, ErrorState, Loading } from '../../components/Status';
import { useOnReturn } from '../../hooks/useOnReturn';
import { useRemote } from '../../hooks/useRemote';
import { go, ROUTES } from '../../routes';

const TEXT = {
  title: (month: string) => `${monthName(month)}活动清单`,
  days: '按日期看',
  allDays: '全部日期',
  empty: (month: string) => `${monthName(month)}的清单还没有发布`,
  emptyHint: '中心发布后，您可以在这里报名。',
} as const;

/** The home center's list for this month or next, by category, with a day filter. */
export function MonthSection({ center }: { center: CenterBrief }) {
  const [month, setMonth] = useState(() => monthChoices().thisMonth);
  const [day, setDay] = useState<string | null>(null);
  const list = useRemote(
    () => call(activitiesApi, 'listMonth', { centerId: center.id, month }),
    `${center.id}/${month}`,
  );
  // Back from a sign-up the seats and badges have changed.
  useOnReturn(list.reload);

  const chooseMonth = (next: string) => {
    setMonth(next);
    setDay(null);
  };

  const body = () => {
    const current = list.data?.month === month ? list.data : null;
    if (list.status === 'error' && !current) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!current) return <Loading />;
    const { activities } = current;
    if (activities.length === 0) return <EmptyState title={TEXT.empty(month)} hint={TEXT.emptyHint} />;
    const days = daysWithActivities(activities);
    const shown = day ? activities.filter((a) => dayOfActivity(a) === day) : activities;
    return (
      <>
        {days.length > 1 ? (
          <ChipGroup
            label={TEXT.days}
            showLabel
            chips={[
              { value: '', label: TEXT.allDays },
              ...days.map((d) => ({ value: d, label: formatDay(d) })),
            ]}
            selected={[day ?? '']}
            onToggle={(value) => setDay(value || null)}
          />
        ) : null}
        <MonthList activities={shown} onOpen={(activity) => go(ROUTES.activity, { id: activity.id })} />
      </>
    );
  };

  return (
    <View>
      <Text className="section-title">{TEXT.title(month)}</Text>
      <MonthSwitch month={month} onChange={chooseMonth} />
      {body()}
    </View>
  );
}
