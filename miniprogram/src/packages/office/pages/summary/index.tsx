import { Button, Text } from '@tarojs/components';
import type { OutputOf } from '../../../../../../shared/contract';
import { call } from '../../../../api/client';
import { summaryApi } from '../../../../api/functions/summary';
import { MemberScreen, officeStreet } from '../../../../components/MemberScreen';
import { EmptyState } from '../../../../components/Status';
import { go, ROUTES } from '../../../../routes';
import { rangeText } from '../../../../summary/describe';
import { FiguresCard } from '../../../../summary/FiguresCard';
import type { MonthRange } from '../../../../summary/MonthRangePicker';
import { TrendCard } from '../../../../summary/TrendCard';
import { CentersCompare } from '../../components/CentersCompare';
import { ExportButton } from '../../components/ExportButton';
import { LowestActivities } from '../../components/LowestActivities';
import { RangeSummary } from '../../components/RangeSummary';

const TEXT = {
  title: '街道汇总',
  notOffice: '只有街道工作人员可以查看街道汇总',
  totals: (range: string) => `${range} 合计`,
  noCenters: '本街道还没有邻里中心',
  empty: '这段时间还没有活动和评价',
  emptyHint: '换一个月份范围看看。',
  stars: '查看星级评定',
} as const;

function StreetFigures({ summary: s, range }: { summary: OutputOf<'summary', 'street'>; range: MonthRange }) {
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
}

/** Street office: its centres over a range of months, side by side, with trends, the weakest activities and 导出表格. */
export default function OfficeSummaryPage() {
  return (
    <MemberScreen title={TEXT.title} scope={officeStreet} notAllowed={TEXT.notOffice}>
      {() => (
        <RangeSummary load={(range) => call(summaryApi, 'street', range)}>
          {(summary, range) => <StreetFigures summary={summary} range={range} />}
        </RangeSummary>
      )}
    </MemberScreen>
  );
}
