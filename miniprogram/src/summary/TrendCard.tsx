import { Text, View } from '@tarojs/components';
import type { TrendPoint } from '../../../shared/contract/summary';
import { Chart } from '../charts/Chart';
import { Card } from '../components/Card';
import { countText, monthFull, monthLabels, ratingValue } from './describe';

const TEXT = {
  title: '每月变化',
  activities: '活动场次',
  planned: '计划',
  held: '已办',
  people: '参与人次和服务居民',
  attendances: '参与人次',
  residents: '服务居民',
  activitiesLabel: '每月计划和已办活动场次的柱状图',
  peopleLabel: '每月参与人次和服务居民的折线图',
  month: (p: TrendPoint) =>
    `已办 ${p.activitiesHeld} / 计划 ${p.activitiesPlanned} 场，参与 ${countText(p.attendances)} 人次，满意度 ${ratingValue(p.averageRating)}`,
} as const;

/** Month by month: activities held against planned, and participation, as charts and as words. */
export function TrendCard({ trend }: { trend: TrendPoint[] }) {
  const categories = monthLabels(trend.map((p) => p.month));
  return (
    <Card title={TEXT.title}>
      <Text className="subheading">{TEXT.activities}</Text>
      <Chart
        kind="column"
        categories={categories}
        series={[
          { name: TEXT.planned, data: trend.map((p) => p.activitiesPlanned) },
          { name: TEXT.held, data: trend.map((p) => p.activitiesHeld) },
        ]}
        label={TEXT.activitiesLabel}
      />
      <Text className="subheading">{TEXT.people}</Text>
      <Chart
        kind="line"
        categories={categories}
        series={[
          { name: TEXT.attendances, data: trend.map((p) => p.attendances) },
          { name: TEXT.residents, data: trend.map((p) => p.uniqueResidents) },
        ]}
        label={TEXT.peopleLabel}
      />
      <View className="trend-list">
        {trend.map((p) => (
          <Text key={p.month} className="list-item">
            <Text className="strong">{monthFull(p.month)}</Text> {TEXT.month(p)}
          </Text>
        ))}
      </View>
    </Card>
  );
}
