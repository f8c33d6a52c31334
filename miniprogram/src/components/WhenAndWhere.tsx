import { Text } from '@tarojs/components';
import type { ActivityView } from '../../../shared/contract/activities';
import { formatSpan } from '../activity/describe';
import { When } from '../activity/When';

const TEXT = {
  when: '时间',
  place: '地点',
} as const;

/** The first two facts of an activity, said the same way on its card in a list and on its own page. */
export function WhenAndWhere({ activity }: { activity: Pick<ActivityView, 'startAt' | 'endAt' | 'place'> }) {
  return (
    <>
      <Text className="kv">
        <Text className="kv__key">{TEXT.when}</Text>
        <When text={formatSpan(activity.startAt, activity.endAt)} />
      </Text>
      <Text className="kv">
        <Text className="kv__key">{TEXT.place}</Text>
        {activity.place}
      </Text>
    </>
  );
}
