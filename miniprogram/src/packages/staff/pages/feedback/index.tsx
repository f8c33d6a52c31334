import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { FEEDBACK_TAGS, MIN_RATINGS_FOR_AVERAGE } from '../../../../../../shared/contract/feedback';
import { formatWhen } from '../../../../../../shared/rules/time';
import { call } from '../../../../api/client';
import { feedbackApi } from '../../../../api/functions/feedback';
import { Card } from '../../../../components/Card';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { RATING_FACES, ratingText } from '../../../../feedback/faces';
import { useRemote } from '../../../../hooks/useRemote';

const TEXT = {
  count: '评价人数',
  average: '平均分',
  averageValue: (n: number) => `${n.toFixed(1)} 分（满分5分）`,
  noAverage: `满${MIN_RATINGS_FOR_AVERAGE}人评价后显示平均分`,
  spread: '满意度分布',
  people: (n: number) => `${n} 人`,
  tags: '大家选的标签',
  noTags: '还没有人选标签',
  comments: '留言（不显示姓名）',
  noComments: '还没有留言',
  none: '还没有人评价',
  noneHint: '签到过的居民可以在“我的报名”里评价；没有手机的居民，可以在报名名单里代评。',
} as const;

/** One row of the spread: the face and word, a bar as wide as its share, and the count in words. */
function SpreadRow({ label, count, max }: { label: string; count: number; max: number }) {
  const width = max ? Math.round((count / max) * 100) : 0;
  return (
    <View className="spread-row">
      <Text className="spread-row__label">{label}</Text>
      <View className="spread-row__track">
        <View className="spread-row__bar" style={{ width: `${width}%` }} />
      </View>
      <Text className="spread-row__count">{TEXT.people(count)}</Text>
    </View>
  );
}

/** Staff: how residents rated one activity; no names, an average only from a few ratings on. */
export default function StaffFeedbackPage() {
  const id = useRouter().params.id ?? '';
  const feedback = useRemote(() => call(feedbackApi, 'forActivity', { activityId: id }), id);

  const body = () => {
    if (feedback.status === 'error' && !feedback.data)
      return <ErrorState error={feedback.error} onRetry={feedback.reload} />;
    if (!feedback.data) return <Loading />;
    const f = feedback.data;
    const max = Math.max(0, ...f.histogram);
    const tags = FEEDBACK_TAGS.map((t) => ({ tag: t, n: f.tags[t] ?? 0 }))
      .filter((t) => t.n > 0)
      .sort((a, b) => b.n - a.n);
    return (
      <>
        <Text className="title">{f.title}</Text>
        <Card title={TEXT.count}>
          <Text className="count__value big-number">{TEXT.people(f.count)}</Text>
          <Text className="kv">
            <Text className="kv__key">{TEXT.average}</Text>
            {f.average === null ? TEXT.noAverage : TEXT.averageValue(f.average)}
          </Text>
        </Card>
        {f.count === 0 ? (
          <EmptyState title={TEXT.none} hint={TEXT.noneHint} />
        ) : (
          <>
            <Card title={TEXT.spread}>
              {[...RATING_FACES].reverse().map((face) => (
                <SpreadRow
                  key={face.rating}
                  label={ratingText(face.rating)}
                  count={f.histogram[face.rating - 1] ?? 0}
                  max={max}
                />
              ))}
            </Card>
            <Card title={TEXT.tags}>
              {tags.length === 0 ? (
                <Text className="muted">{TEXT.noTags}</Text>
              ) : (
                tags.map((t) => (
                  <View key={t.tag} className="list-item row">
                    <Text>{t.tag}</Text>
                    <Text className="strong"> {TEXT.people(t.n)}</Text>
                  </View>
                ))
              )}
            </Card>
            <Card title={TEXT.comments}>
              {f.comments.length === 0 ? (
                <Text className="muted">{TEXT.noComments}</Text>
              ) : (
                f.comments.map((c) => (
                  <View key={`${c.at}/${c.comment}`} className="list-item">
                    <Text className="muted">
                      {ratingText(c.rating)} · {formatWhen(c.at)}
                    </Text>
                    <Text className="body-text">{c.comment}</Text>
                  </View>
                ))
              )}
            </Card>
          </>
        )}
      </>
    );
  };

  return <Screen>{body()}</Screen>;
}
