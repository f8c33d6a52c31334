import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { summaryApi } from '../../../../api/functions/summary';
import { Chart } from '../../../../charts/Chart';
import { Card } from '../../../../components/Card';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useRemote } from '../../../../hooks/useRemote';
import { useMember } from '../../../../state/member';
import { countText, percentText, rangeText, ratingValue, recentMonths } from '../../../../summary/describe';
import { FiguresCard } from '../../../../summary/FiguresCard';
import { type MonthRange, MonthRangePicker } from '../../../../summary/MonthRangePicker';
import { TrendCard } from '../../../../summary/TrendCard';

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

/** The city account: the whole network's figures over a range of months, per district and month by month. */
export default function CitySummaryPage() {
  const member = useMember();
  const isAdmin = member.data?.member.role === 'admin';
  const [range, setRange] = useState<MonthRange>(() => recentMonths(6));
  const city = useRemote(
    () => (isAdmin ? call(summaryApi, 'city', range) : Promise.resolve({ ok: true as const, data: null })),
    `${isAdmin}/${range.from}/${range.to}`,
  );
  const invalid = city.status === 'error' && city.error.code === 'VALIDATION' ? city.error : null;

  const body = () => {
    if (!member.data) {
      return member.status === 'error' ? (
        <ErrorState error={member.error} onRetry={member.reload} />
      ) : (
        <Loading />
      );
    }
    if (!isAdmin) return <EmptyState title={TEXT.notAdmin} />;
    if (invalid) return null;
    if (city.status === 'error') return <ErrorState error={city.error} onRetry={city.reload} />;
    if (city.status === 'loading' || !city.data) return <Loading />;
    const c = city.data;
    if (c.centersBuilt === 0) return <EmptyState title={TEXT.empty} />;
    return (
      <>
        <Card title={TEXT.network}>
          <View className="figures">
            <View className="figure">
              <Text className="figure__label">{TEXT.built}</Text>
              <Text className="figure__value">{TEXT.unit(c.centersBuilt, '家')}</Text>
            </View>
            <View className="figure">
              <Text className="figure__label">{TEXT.operating}</Text>
              <Text className="figure__value">{TEXT.unit(c.centersOperating, '家')}</Text>
            </View>
            <View className="figure">
              <Text className="figure__label">{TEXT.operators}</Text>
              <Text className="figure__value">{TEXT.unit(c.operators, '家')}</Text>
            </View>
            <View className="figure">
              <Text className="figure__label">{TEXT.organizations}</Text>
              <Text className="figure__value">{TEXT.unit(c.communityOrganizations, '个')}</Text>
            </View>
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
                {TEXT.districtFigures(
                  d.figures.activitiesHeld,
                  d.figures.attendances,
                  d.figures.needsReported,
                )}
              </Text>
              <Text className="kv">
                {TEXT.districtRates(d.figures.needsClosureRate, d.figures.averageRating)}
              </Text>
            </View>
          ))}
        </Card>
      </>
    );
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      {isAdmin ? (
        <MonthRangePicker
          value={range}
          onChange={setRange}
          error={invalid ? (fieldMessage(invalid, 'to') ?? invalid.message) : undefined}
        />
      ) : null}
      {body()}
    </Screen>
  );
}
