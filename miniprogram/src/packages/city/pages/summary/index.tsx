import { Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../../../shared/contract';
import { call } from '../../../../api/client';
import { summaryApi } from '../../../../api/functions/summary';
import { Chart } from '../../../../charts/Chart';
import { Card } from '../../../../components/Card';
import { cityAccount, MemberScreen } from '../../../../components/MemberScreen';
import { EmptyState } from '../../../../components/Status';
import { countText, percentText, rangeText, ratingValue } from '../../../../summary/describe';
import { FiguresCard } from '../../../../summary/FiguresCard';
import { TrendCard } from '../../../../summary/TrendCard';
import { RangeSummary } from '../../../office/components/RangeSummary';

const TEXT = {
  title: '全市数据',
  notAdmin: '只有市民政局可以查看全市数据',
  network: '邻里中心',
  built: '已建成',
  operating: '运营中',
  operators: '运营机构',
  organizations: '社区组织',
  unit: (n: number, unit: string) => `${countText(n)} ${unit}`,
  totals: (range: string) => `${range} 合计`,
  districts: '各区县',
  districtChart: '参与人次',
  districtLabel: '各区县参与人次的柱状图',
  districtCenters: (built: number, operating: number) => `中心 ${built} 家（运营 ${operating} 家）`,
  districtFigures: (held: number, people: number, needs: number) =>
    `活动 ${countText(held)} 场，参与 ${countText(people)} 人次，需求 ${countText(needs)} 条`,
  districtRates: (closure: number | null, rating: number | null) =>
    `需求办结率 ${percentText(closure)}，满意度 ${ratingValue(rating)}`,
  empty: '还没有邻里中心的数据',
} as const;

function CityFigures({ city: c }: { city: OutputOf<'summary', 'city'> }) {
  if (c.centersBuilt === 0) return <EmptyState title={TEXT.empty} />;
  const network = [
    [TEXT.built, TEXT.unit(c.centersBuilt, '家')],
    [TEXT.operating, TEXT.unit(c.centersOperating, '家')],
    [TEXT.operators, TEXT.unit(c.operators, '家')],
    [TEXT.organizations, TEXT.unit(c.communityOrganizations, '个')],
  ] as const;
  return (
    <>
      <Card title={TEXT.network}>
        <View className="figures">
          {network.map(([label, value]) => (
            <View key={label} className="figure">
              <Text className="figure__label">{label}</Text>
              <Text className="figure__value">{value}</Text>
            </View>
          ))}
        </View>
      </Card>
      <FiguresCard title={TEXT.totals(rangeText(c.from, c.to))} figures={c.totals} />
      <TrendCard trend={c.trend} />
      <Card title={TEXT.districts}>
        <Text className="subheading">{TEXT.districtChart}</Text>
        <Chart
          kind="column"
          categories={c.districts.map((d) => d.name)}
          series={[{ name: TEXT.districtChart, data: c.districts.map((d) => d.figures.attendances) }]}
          label={TEXT.districtLabel}
        />
        {c.districts.map((d) => (
          <View key={d.districtId} className="list-item">
            <Text className="strong">{d.name}</Text>
            <Text className="kv">{TEXT.districtCenters(d.centersBuilt, d.centersOperating)}</Text>
            <Text className="kv">
              {TEXT.districtFigures(d.figures.activitiesHeld, d.figures.attendances, d.figures.needsReported)}
            </Text>
            <Text className="kv">
              {TEXT.districtRates(d.figures.needsClosureRate, d.figures.averageRating)}
            </Text>
          </View>
        ))}
      </Card>
    </>
  );
}

/** The city account: the whole network's figures over a range of months, per district and month by month. */
export default function CitySummaryPage() {
  return (
    <MemberScreen title={TEXT.title} scope={cityAccount} notAllowed={TEXT.notAdmin}>
      {() => (
        <RangeSummary load={(range) => call(summaryApi, 'city', range)}>
          {(city) => <CityFigures city={city} />}
        </RangeSummary>
      )}
    </MemberScreen>
  );
}
