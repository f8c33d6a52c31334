import { Text, View } from '@tarojs/components';
import { type ActivityView, CATEGORY_LABELS } from '../../../shared/contract/activities';
import { TagList } from '../components/TagList';
import { WhenAndWhere } from '../components/WhenAndWhere';
import { badgeClass, placeLabel, seatsLabel } from './describe';

const TEXT = {
  open: '查看详情 ›',
  forWhom: (name: string) => `${name}：`,
} as const;

export interface ActivityCardProps {
  activity: ActivityView;
  /** Tapping the card opens the activity; without it the card is a picture only (staff preview). */
  onOpen?: () => void;
  /** Say the category on the card (when it is not grouped under a category title). Default false. */
  showCategory?: boolean;
}

/** One activity in a month list, as a resident sees it: when, where, seats and their own place on it. */
export function ActivityCard({ activity, onOpen, showCategory = false }: ActivityCardProps) {
  const seats = seatsLabel(activity);
  const mine = activity.mine.filter((r) => r.status !== 'cancelled');
  const holders = new Set(mine.map((r) => r.forMemberId));
  return (
    <View
      className={onOpen ? 'card activity-card activity-card--link' : 'card activity-card'}
      {...(onOpen ? { role: 'button', onClick: onOpen } : {})}
    >
      {showCategory ? <Text className="muted">{CATEGORY_LABELS[activity.category]}</Text> : null}
      <Text className="card__title">{activity.title}</Text>
      <WhenAndWhere activity={activity} />
      <View className="badges">
        <Text className={badgeClass(seats.tone)}>{seats.text}</Text>
        {mine.map((r) => {
          const place = placeLabel(r.status, r.waitlistPosition);
          // Only name the person when the card holds more than one of the family's places.
          const who = holders.size > 1 || r.forMemberId ? TEXT.forWhom(r.displayName) : '';
          return (
            <Text key={r.registrationId} className={`${badgeClass(place.tone)} badge--strong`}>
              {who}
              {place.text}
            </Text>
          );
        })}
      </View>
      <TagList tags={activity.tags} />
      {onOpen ? <Text className="activity-card__more">{TEXT.open}</Text> : null}
    </View>
  );
}
