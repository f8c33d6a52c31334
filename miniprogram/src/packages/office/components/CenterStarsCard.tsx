import { Text, View } from '@tarojs/components';
import type { CenterStars } from '../../../../../shared/contract/summary';
import { Card } from '../../../components/Card';
import { percentText } from '../../../summary/describe';

const TEXT = {
  stars: (n: number) => (n > 0 ? `${'★'.repeat(n)}${'☆'.repeat(5 - n)} ${n}星` : '☆☆☆☆☆ 未评星'),
  points: (p: number) => `综合得分 ${p} 分（满分100分）`,
  certified: (ratio: number | null, ok: boolean) =>
    `持证社工占比 ${percentText(ratio)}${ok ? '，✓ 达到50%' : '，✕ 未达到50%'}`,
  parts: '各项得分',
  part: (points: number, weight: number) => `得分 ${points} / ${weight} 分`,
  reasons: '评定说明',
} as const;

/** One centre's stars with every part of the score and the reasons, so the result can be checked by hand. */
export function CenterStarsCard({ result }: { result: CenterStars }) {
  return (
    <Card title={result.center.name}>
      <Text className="stars">{TEXT.stars(result.stars)}</Text>
      <Text className="kv">{TEXT.points(result.points)}</Text>
      <Text className="kv">{TEXT.certified(result.certifiedRatio, result.certifiedOk)}</Text>
      <Text className="subheading">{TEXT.parts}</Text>
      {result.parts.map((part) => (
        <View key={part.key} className="list-item">
          <Text className="kv">
            {part.label}：{part.value}
          </Text>
          <Text className="kv strong">{TEXT.part(part.points, part.weight)}</Text>
        </View>
      ))}
      <Text className="subheading">{TEXT.reasons}</Text>
      {result.reasons.map((reason) => (
        <Text key={reason} className="kv">
          · {reason}
        </Text>
      ))}
    </Card>
  );
}
