import { Text, View } from '@tarojs/components';
import { type ActivityView, CATEGORY_LABELS } from '../../../shared/contract/activities';
import { badgeClass, formatSpan, placeLabel, seatsLabel } from './describe';
import { When } from './When';

const TEXT = {
  when: '时间',
  place: '地点',
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
      <Text className="kv">
        <Text className="kv__key">{TEXT.when}</Text>
        <When text={formatSpan(activity.startAt, activity.endAt)} />
      </Text>
      <Text className="kv">
        <Text className="kv__key">{TEXT.place}</Text>
        {activity.place}
      </Text>
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
      {activity.tags.length ? (
        <View className="tags">
          {activity.tags.map((tag) => (
            <Text key={tag} className="tag">
              {tag}
            </Text>
          ))}
        </View>
      ) : null}
      {onOpen ? <Text className="activity-card__more">{TEXT.open}</Text> : null}
    </View>
  );
}
