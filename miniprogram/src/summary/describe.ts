import { MIN_RATINGS_FOR_AVERAGE } from '../../../shared/contract/feedback';
import { local } from '../../../shared/rules/time';

/** How summary figures are said on screen; no figure is ever shown as 0 when it simply cannot be known. */
export const NO_RATINGS = `评价不足${MIN_RATINGS_FOR_AVERAGE}条`;
export const NO_DATA = '暂无';

export const percentText = (share: number | null): string =>
  share === null ? NO_DATA : `${Math.round(share * 1000) / 10}%`;

export const ratingValue = (average: number | null): string =>
  average === null ? NO_RATINGS : `${average.toFixed(1)}分`;

export const hoursText = (hours: number | null): string => (hours === null ? NO_DATA : `${hours}小时`);

export const daysText = (days: number | null): string => (days === null ? NO_DATA : `${days}天`);

export const countText = (n: number): string => n.toLocaleString('zh-CN');

/** `2026-03` → `3月`; with the year, `27年1月`, short enough for a chart's axis. */
export function monthLabel(month: string, withYear = false): string {
  const name = `${Number(month.slice(5, 7))}月`;
  return withYear ? `${month.slice(2, 4)}年${name}` : name;
}

/** `2026-03` → `2026年3月`. */
export const monthFull = (month: string): string => `${month.slice(0, 4)}年${monthLabel(month)}`;

/** Axis labels for a run of months: when they cross a new year, the first month and each January say the year. */
export function monthLabels(months: readonly string[]): string[] {
  const years = new Set(months.map((m) => m.slice(0, 4)));
  return months.map((m, i) => monthLabel(m, years.size > 1 && (i === 0 || m.endsWith('-01'))));
}

/** `2026-01`–`2026-06` in words: `2026年1月至6月`, `2025年11月至2026年4月`, or one month. */
export function rangeText(from: string, to: string): string {
  const start = monthFull(from);
  if (from === to) return start;
  return from.slice(0, 4) === to.slice(0, 4) ? `${start}至${monthLabel(to)}` : `${start}至${monthFull(to)}`;
}

/** The last `months` months up to and including this month in Huzhou. */
export function recentMonths(months: number, now: Date = new Date()): { from: string; to: string } {
  const today = local(now).startOf('month');
  return { from: today.subtract(months - 1, 'month').format('YYYY-MM'), to: today.format('YYYY-MM') };
}
