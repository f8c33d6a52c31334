import { Text, View } from '@tarojs/components';
import type { Figures } from '../../../../../shared/contract/summary';
import { Chart } from '../../../charts/Chart';
import { Card } from '../../../components/Card';
import { CENTER_STATUS_LABELS } from '../../../labels';
import { countText, daysText, hoursText, percentText, ratingValue } from '../../../summary/describe';

const TEXT = {
  title: '各中心对比',
  chart: '参与人次',
  chartLabel: '各中心参与人次的柱状图',
  activities: (f: Figures) => `活动 已办 ${f.activitiesHeld} / 计划 ${f.activitiesPlanned} 场`,
  people: (f: Figures) => `参与 ${countText(f.attendances)} 人次，服务 ${countText(f.uniqueResidents)} 人`,
  rates: (f: Figures) => `出勤率 ${percentText(f.attendanceRate)}，爽约率 ${percentText(f.noShowRate)}`,
  satisfaction: (f: Figures) => `满意度 ${ratingValue(f.averageRating)}（${f.ratings} 条评价）`,
  needs: (f: Figures) =>
    `需求办结率 ${percentText(f.needsClosureRate)}，平均回复 ${hoursText(f.averageReplyHours)}`,
  topics: (f: Figures) =>
    `议题 提出 ${f.topicsProposed} / 议定 ${f.topicsDeliberated} / 办结 ${f.topicsDone} 个，平均 ${daysText(f.averageTopicDays)}`,
  organizations: (f: Figures) => `新孵化社区组织 ${f.organizationsIncubated} 个`,
} as const;

/** A centre's name without the words every centre shares, so chart labels stay short. */
const shortName = (name: string) => name.replace(/幸福邻里中心$/, '') || name;

export interface CenterFigures {
  center: { id: string; name: string; status: 'building' | 'operating' };
  figures: Figures;
}

/** The street's centres side by side: one chart of participation, then each centre's figures in words. */
export function CentersCompare({ centers }: { centers: CenterFigures[] }) {
  return (
    <Card title={TEXT.title}>
      <Text className="subheading">{TEXT.chart}</Text>
      <Chart
        kind="column"
        categories={centers.map((c) => shortName(c.center.name))}
        series={[{ name: TEXT.chart, data: centers.map((c) => c.figures.attendances) }]}
        label={TEXT.chartLabel}
      />
      {centers.map(({ center, figures }) => (
        <View key={center.id} className="list-item center-figures">
          <Text className="strong">
            {center.name}
            {center.status === 'building' ? `（${CENTER_STATUS_LABELS.building}）` : ''}
          </Text>
          <Text className="kv">{TEXT.activities(figures)}</Text>
          <Text className="kv">{TEXT.people(figures)}</Text>
          <Text className="kv">{TEXT.rates(figures)}</Text>
          <Text className="kv">{TEXT.satisfaction(figures)}</Text>
          <Text className="kv">{TEXT.needs(figures)}</Text>
          <Text className="kv">{TEXT.topics(figures)}</Text>
          <Text className="kv">{TEXT.organizations(figures)}</Text>
        </View>
      ))}
    </Card>
  );
}
