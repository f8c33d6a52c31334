import { Text, View } from '@tarojs/components';
import { RATING_FACES, ratingText } from '../feedback/faces';
import { NO_RATINGS } from './describe';

const TEXT = {
  title: '满意度分布',
  people: (n: number) => `${n} 条`,
  hidden: `${NO_RATINGS}，不显示分布`,
} as const;

/** How many ratings of each face, best first; nothing but a sentence while there are too few to show. */
export function RatingSpread({ histogram }: { histogram: number[] | null }) {
  if (!histogram) {
    return (
      <View className="rating-spread">
        <Text className="subheading">{TEXT.title}</Text>
        <Text className="muted">{TEXT.hidden}</Text>
      </View>
    );
  }
  const max = Math.max(0, ...histogram);
  return (
    <View className="rating-spread">
      <Text className="subheading">{TEXT.title}</Text>
      {[...RATING_FACES].reverse().map((face) => {
        const count = histogram[face.rating - 1] ?? 0;
        const width = max ? Math.round((count / max) * 100) : 0;
        return (
          <View key={face.rating} className="spread-row">
            <Text className="spread-row__label">{ratingText(face.rating)}</Text>
            <View className="spread-row__track">
              <View className="spread-row__bar" style={{ width: `${width}%` }} />
            </View>
            <Text className="spread-row__count">{TEXT.people(count)}</Text>
          </View>
        );
      })}
    </View>
  );
}
