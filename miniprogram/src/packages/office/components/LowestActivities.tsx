import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, type Category } from '../../../../../shared/contract/activities';
import { MIN_RATINGS_FOR_AVERAGE } from '../../../../../shared/contract/feedback';
import { Card } from '../../../components/Card';
import { monthFull, ratingValue } from '../../../summary/describe';

const TEXT = {
  title: '评分最低的活动',
  hint: `只算有${MIN_RATINGS_FOR_AVERAGE}条以上评价的活动。`,
  none: '还没有评价足够多的活动',
  detail: (a: RatedActivity) => `${a.centerName} · ${monthFull(a.month)} · ${CATEGORY_LABELS[a.category]}`,
  score: (a: RatedActivity) => `${ratingValue(a.averageRating)}（${a.ratings} 条评价）`,
} as const;

interface RatedActivity {
  activityId: string;
  title: string;
  centerName: string;
  month: string;
  category: Category;
  ratings: number;
  averageRating: number;
}

/** Where residents were least satisfied, worst first: what to look into with the centre. */
export function LowestActivities({ activities }: { activities: RatedActivity[] }) {
  return (
    <Card title={TEXT.title}>
      <Text className="muted">{TEXT.hint}</Text>
      {activities.length === 0 ? <Text className="list-item">{TEXT.none}</Text> : null}
      {activities.map((a) => (
        <View key={a.activityId} className="list-item">
          <Text className="strong">{a.title}</Text>
          <Text className="muted">{TEXT.detail(a)}</Text>
          <Text className="kv">{TEXT.score(a)}</Text>
        </View>
      ))}
    </Card>
  );
}
