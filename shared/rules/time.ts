import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every center is in Huzhou: months, days and "tomorrow" are reckoned in China Standard Time. */
export const TIME_ZONE = 'Asia/Shanghai';
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const local = (at: Date | string) => dayjs(at).tz(TIME_ZONE);

/** `YYYY-MM` of an instant in Huzhou. An activity belongs to the month of its start. */
export const monthOf = (at: Date | string): string => local(at).format('YYYY-MM');
export const dayOf = (at: Date | string): string => local(at).format('YYYY-MM-DD');

/** The instants [start, end) of a `YYYY-MM` month in Huzhou. */
export function monthRange(month: string): { start: Date; end: Date } {
  const start = dayjs.tz(`${month}-01 00:00`, TIME_ZONE);
  return { start: start.toDate(), end: start.add(1, 'month').toDate() };
}

/** `month` moved by `n` months (negative: earlier). */
export const shiftMonth = (month: string, n: number): string =>
  dayjs(`${month}-01`).add(n, 'month').format('YYYY-MM');

/** Every month from `from` to `to`, both included, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = shiftMonth(m, 1)) months.push(m);
  return months;
}

/** The instants [start, end) of the day after `now`'s day in Huzhou: whom to remind "tomorrow". */
export function tomorrowRange(now: Date): { start: Date; end: Date } {
  const start = local(now).startOf('day').add(1, 'day');
  return { start: start.toDate(), end: start.add(1, 'day').toDate() };
}

/** A short Chinese time for people: `11月28日 周六 14:30`. */
export function formatWhen(at: Date | string): string {
  const t = local(at);
  const weekday = '日一二三四五六'[t.day()];
  return `${t.month() + 1}月${t.date()}日 周${weekday} ${t.format('HH:mm')}`;
}
