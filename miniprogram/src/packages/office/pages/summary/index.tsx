import { Button, Text } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { summaryApi } from '../../../../api/functions/summary';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { useRemote } from '../../../../hooks/useRemote';
import { go, ROUTES } from '../../../../routes';
import { useMember } from '../../../../state/member';
import { rangeText, recentMonths } from '../../../../summary/describe';
import { FiguresCard } from '../../../../summary/FiguresCard';
import { type MonthRange, MonthRangePicker } from '../../../../summary/MonthRangePicker';
import { TrendCard } from '../../../../summary/TrendCard';
import { CentersCompare } from '../../components/CentersCompare';
import { ExportButton } from '../../components/ExportButton';
import { LowestActivities } from '../../components/LowestActivities';

const TEXT = {
  title: '街道汇总',
  notOffice: '只有街道工作人员可以查看街道汇总',
  totals: (range: string) => `${range} 合计`,
  noCenters: '本街道还没有邻里中心',
  empty: '这段时间还没有活动和评价',
  emptyHint: '换一个月份范围看看。',
  stars: '查看星级评定',
} as const;

/** Street office: its centres over a range of months, side by side, with trends, the weakest activities and 导出表格. */
export default function OfficeSummaryPage() {
  const member = useMember();
  const me = member.data?.member;
  const isOffice = me?.role === 'office';
  const [range, setRange] = useState<MonthRange>(() => recentMonths(6));
  const summary = useRemote(
    () => (isOffice ? call(summaryApi, 'street', range) : Promise.resolve({ ok: true as const, data: null })),
    `${isOffice}/${range.from}/${range.to}`,
  );
  const invalid = summary.status === 'error' && summary.error.code === 'VALIDATION' ? summary.error : null;

  const body = () => {
    if (!me) {
      return member.status === 'error' ? (
        <ErrorState error={member.error} onRetry={member.reload} />
      ) : (
        <Loading />
      );
    }
    if (!isOffice) return <EmptyState title={TEXT.notOffice} />;
    if (invalid) return null;
    if (summary.status === 'error') return <ErrorState error={summary.error} onRetry={summary.reload} />;
    if (summary.status === 'loading' || !summary.data) return <Loading />;
    const s = summary.data;
    if (s.centers.length === 0) return <EmptyState title={TEXT.noCenters} />;
    const quiet = s.totals.activitiesPlanned === 0 && s.totals.attendances === 0 && s.totals.ratings === 0;
    return (
      <>
        <Text className="lead">
          {s.street.districtName} · {s.street.name}
        </Text>
        <ExportButton range={range} />
        {quiet ? <EmptyState title={TEXT.empty} hint={TEXT.emptyHint} /> : null}
        <FiguresCard title={TEXT.totals(rangeText(s.from, s.to))} figures={s.totals} />
        <TrendCard trend={s.trend} />
        <CentersCompare centers={s.centers} />
        <LowestActivities activities={s.lowestActivities} />
        <Button className="btn btn--plain" onClick={() => go(ROUTES.officeStars)}>
          {TEXT.stars}
        </Button>
      </>
    );
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      {isOffice ? (
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
