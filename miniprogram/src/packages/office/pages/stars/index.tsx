import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { MemberView } from '../../../../../../shared/contract/account';
import { local } from '../../../../../../shared/rules/time';
import { call } from '../../../../api/client';
import { summaryApi } from '../../../../api/functions/summary';
import { Card } from '../../../../components/Card';
import { ChipGroup } from '../../../../components/ChipGroup';
import { MemberScreen } from '../../../../components/MemberScreen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { formatDateTime } from '../../../../format';
import { useRemote } from '../../../../hooks/useRemote';
import { CenterStarsCard } from '../../components/CenterStarsCard';

const TEXT = {
  title: '星级评定',
  notAllowed: '只有街道和市民政局可以查看星级评定',
  year: '评定年份',
  yearLabel: (y: number) => `${y}年`,
  period: '评定时段',
  wholeYear: '全年',
  quarters: ['第一季度', '第二季度', '第三季度', '第四季度'],
  locked: (at: string) => `✓ 结果已锁定（${at}），不再改动`,
  provisional: '评定期还没结束，这是暂评结果，会随数据变化',
  awaitingLock: '评定期已结束，等市民政局锁定结果；这是暂评结果',
  rules: '怎么评',
  rulesText: (thresholds: number[]) =>
    `按活动开展率、参与人次、居民满意度、需求办结率和回复时长打分，满分100分；${thresholds
      .map((t, i) => `${t}分${i + 1}星`)
      .join('，')}。持证社工不到50%的中心不评星。`,
  none: '还没有可评定的中心',
  flagged: '连续两年未评星的运营机构',
  flaggedHint: '这些机构按规定不能再参加投标。',
  noneFlagged: '✓ 没有连续两年未评星的运营机构',
} as const;

const WHOLE_YEAR = 'year';

/** Whether the result can still change. The server locks a finished period when the city account opens it. */
function lockNotice(lockedAt: string | null, periodOver: boolean): string {
  if (lockedAt) return TEXT.locked(formatDateTime(lockedAt));
  return periodOver ? TEXT.awaitingLock : TEXT.provisional;
}

function StarsAssessment() {
  const today = local(new Date());
  const thisYear = today.year();
  const thisQuarter = Math.floor(today.month() / 3) + 1;
  const [year, setYear] = useState(thisYear);
  const [quarter, setQuarter] = useState<number | null>(null);
  // A quarter that has not begun has nothing to assess, so this year offers only the quarters so far.
  const quarters = year === thisYear ? thisQuarter : 4;
  const chooseYear = (next: number) => {
    setYear(next);
    if (next === thisYear && quarter && quarter > thisQuarter) setQuarter(null);
  };
  const periodOver = year < thisYear || (quarter !== null && quarter < thisQuarter);
  const stars = useRemote(
    () => call(summaryApi, 'stars', quarter ? { year, quarter } : { year }),
    `${year}/${quarter ?? WHOLE_YEAR}`,
  );

  const body = () => {
    if (stars.status === 'error') return <ErrorState error={stars.error} onRetry={stars.reload} />;
    if (stars.status === 'loading' || !stars.data) return <Loading />;
    const s = stars.data;
    return (
      <>
        <Text className={s.locked ? 'notice notice--muted' : 'notice'}>
          {lockNotice(s.lockedAt, periodOver)}
        </Text>
        <Card title={TEXT.rules}>
          <Text className="muted">{TEXT.rulesText(s.rules.thresholds)}</Text>
        </Card>
        {s.centers.length === 0 ? <EmptyState title={TEXT.none} /> : null}
        {s.centers.map((c) => (
          <CenterStarsCard key={c.center.id} result={c} />
        ))}
        {/* Losing the right to bid is judged on whole years only: a quarter has no such list. */}
        {quarter ? null : (
          <Card title={TEXT.flagged}>
            {s.operatorsUnratedTwoYears.length === 0 ? (
              <Text className="kv">{TEXT.noneFlagged}</Text>
            ) : (
              <View>
                <Text className="muted">{TEXT.flaggedHint}</Text>
                {s.operatorsUnratedTwoYears.map((o) => (
                  <Text key={o.id} className="list-item strong">
                    ⚠ {o.name}
                  </Text>
                ))}
              </View>
            )}
          </Card>
        )}
      </>
    );
  };

  return (
    <>
      <ChipGroup
        label={TEXT.year}
        chips={[thisYear, thisYear - 1].map((y) => ({ value: String(y), label: TEXT.yearLabel(y) }))}
        selected={[String(year)]}
        onToggle={(y) => chooseYear(Number(y))}
      />
      <ChipGroup
        label={TEXT.period}
        chips={[
          { value: WHOLE_YEAR, label: TEXT.wholeYear },
          ...TEXT.quarters.slice(0, quarters).map((label, i) => ({ value: String(i + 1), label })),
        ]}
        selected={[quarter ? String(quarter) : WHOLE_YEAR]}
        onToggle={(p) => setQuarter(p === WHOLE_YEAR ? null : Number(p))}
      />
      {body()}
    </>
  );
}

/** Who oversees centres: a street office its street's, the city every one. */
const overseer = (member: MemberView) =>
  member.role === 'office' || member.role === 'admin' ? member.role : null;

/**
 * The star assessment of the centres a street office (or the city) oversees, for a year or one of its quarters,
 * with how it came about.
 */
export default function OfficeStarsPage() {
  return (
    <MemberScreen title={TEXT.title} scope={overseer} notAllowed={TEXT.notAllowed}>
      {() => <StarsAssessment />}
    </MemberScreen>
  );
}
