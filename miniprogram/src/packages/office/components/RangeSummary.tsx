import type { ReactNode } from 'react';
import { useState } from 'react';
import type { Outcome } from '../../../api/client';
import { fieldMessage } from '../../../api/errors';
import { ErrorState, Loading } from '../../../components/Status';
import { useRemote } from '../../../hooks/useRemote';
import { recentMonths } from '../../../summary/describe';
import { type MonthRange, MonthRangePicker } from '../../../summary/MonthRangePicker';

export interface RangeSummaryProps<T> {
  /** Loads the summary of the chosen months. */
  load: (range: MonthRange) => Promise<Outcome<T>>;
  /** What the page shows of a loaded summary, and for which months it asked. */
  children: (summary: T, range: MonthRange) => ReactNode;
}

/**
 * A summary over a range of months (the last six first): the picker, then the summary once it is loaded.
 * The street office and the city both use it, so Taro puts it in the main package.
 */
export function RangeSummary<T>({ load, children }: RangeSummaryProps<T>) {
  const [range, setRange] = useState<MonthRange>(() => recentMonths(6));
  const summary = useRemote(() => load(range), `${range.from}/${range.to}`);
  // A range the schema refuses is said under the picker, where it can be put right.
  const invalid = summary.status === 'error' && summary.error.code === 'VALIDATION' ? summary.error : null;
  const body = () => {
    if (invalid) return null;
    if (summary.status === 'error') return <ErrorState error={summary.error} onRetry={summary.reload} />;
    if (summary.status === 'loading' || !summary.data) return <Loading />;
    return children(summary.data, range);
  };
  return (
    <>
      <MonthRangePicker
        value={range}
        onChange={setRange}
        error={invalid ? (fieldMessage(invalid, 'to') ?? invalid.message) : undefined}
      />
      {body()}
    </>
  );
}
