import { Text, View } from '@tarojs/components';
import { type ActivityView, CATEGORY_LABELS } from '../../../shared/contract/activities';
import { ActivityCard } from './ActivityCard';
import { byCategory } from './describe';

const TEXT = { count: (n: number) => `${n}项` } as const;

export interface MonthListProps {
  activities: readonly ActivityView[];
  /** Opens one activity; omitted in the staff preview. */
  onOpen?: (activity: ActivityView) => void;
}

/** A month's activities under their category (文体活动 / 便民服务 / 社区微治理), in time order. */
export function MonthList({ activities, onOpen }: MonthListProps) {
  return (
    <View>
      {byCategory(activities).map((group) => (
        <View key={group.category} role="list" aria-label={CATEGORY_LABELS[group.category]}>
          <Text className="group-title">
            {CATEGORY_LABELS[group.category]}
            <Text className="group-title__count">{TEXT.count(group.items.length)}</Text>
          </Text>
          {group.items.map((activity) => (
            <ActivityCard
              key={activity.id}
              activity={activity}
              {...(onOpen ? { onOpen: () => onOpen(activity) } : {})}
            />
          ))}
        </View>
      ))}
    </View>
  );
}
