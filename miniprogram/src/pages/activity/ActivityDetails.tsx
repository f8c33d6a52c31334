import { Text, View } from '@tarojs/components';
import { type ActivityView, CATEGORY_LABELS } from '../../../../shared/contract/activities';
import { formatWhen } from '../../../../shared/rules/time';
import { badgeClass, seatsLabel } from '../../activity/describe';
import { When } from '../../activity/When';
import { Card } from '../../components/Card';
import { TagList } from '../../components/TagList';
import { WhenAndWhere } from '../../components/WhenAndWhere';

const TEXT = {
  center: '中心',
  seats: '名额',
  seatsValue: (a: ActivityView) =>
    `共 ${a.capacity} 个，已报 ${a.confirmed} 人${a.waitlisted ? `，候补 ${a.waitlisted} 人` : ''}`,
  deadline: '报名截止',
  about: '活动介绍',
  cancelled: (reason: string | null) => `这个活动已取消${reason ? `：${reason}` : '。'}`,
} as const;

/** What, when, where and how many: the facts of one activity. */
export function ActivityDetails({ activity }: { activity: ActivityView }) {
  const seats = seatsLabel(activity);
  return (
    <Card>
      <Text className="muted">{CATEGORY_LABELS[activity.category]}</Text>
      <Text className="title">{activity.title}</Text>
      {activity.status === 'cancelled' ? (
        <View role="alert" className="notice notice--muted">
          <Text>{TEXT.cancelled(activity.cancelReason)}</Text>
        </View>
      ) : null}
      <WhenAndWhere activity={activity} />
      <Text className="kv">
        <Text className="kv__key">{TEXT.center}</Text>
        {activity.centerName}
      </Text>
      <Text className="kv">
        <Text className="kv__key">{TEXT.seats}</Text>
        {TEXT.seatsValue(activity)}
      </Text>
      <Text className="kv">
        <Text className="kv__key">{TEXT.deadline}</Text>
        <When text={formatWhen(activity.signupDeadline)} />
      </Text>
      <View className="badges">
        <Text className={badgeClass(seats.tone)}>{seats.text}</Text>
      </View>
      <TagList tags={activity.tags} />
      {activity.description ? (
        <>
          <Text className="subheading">{TEXT.about}</Text>
          <Text className="body-text">{activity.description}</Text>
        </>
      ) : null}
    </Card>
  );
}
