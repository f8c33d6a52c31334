import {
  type ActivityView,
  CATEGORIES,
  type Category,
  type RegistrationStatus,
} from '../../../shared/contract/activities';
import type { RegistrationView } from '../../../shared/contract/registrations';
import { dayOf, formatWhen, local, monthOf } from '../../../shared/rules/time';

/**
 * How activities and registrations are put into words. Every state is said in text (and a symbol where it
 * helps); colour only repeats it. Times are Huzhou's, whatever the phone's zone.
 */

/** `11月28日 周六 14:00–16:00`; an activity running past midnight names both days. */
export function formatSpan(startAt: string, endAt: string): string {
  const sameDay = dayOf(startAt) === dayOf(endAt);
  return sameDay
    ? `${formatWhen(startAt)}–${local(endAt).format('HH:mm')}`
    : `${formatWhen(startAt)} 至 ${formatWhen(endAt)}`;
}

/** `11月28日 周六`, for day filters. */
export function formatDay(day: string): string {
  return formatWhen(`${day}T12:00:00+08:00`).split(' ').slice(0, 2).join(' ');
}

export type Tone = 'ok' | 'warn' | 'muted';
export interface Label {
  text: string;
  tone: Tone;
}

type SeatFacts = Pick<ActivityView, 'status' | 'signupOpen' | 'seatsLeft'>;

/** Seats left, or why one cannot sign up. */
export function seatsLabel(a: SeatFacts): Label {
  if (a.status === 'draft') return { text: '草稿，居民还看不到', tone: 'muted' };
  if (a.status === 'cancelled') return { text: '已取消', tone: 'muted' };
  if (a.status === 'closed') return { text: '已结束', tone: 'muted' };
  if (!a.signupOpen) return { text: '报名已截止', tone: 'muted' };
  if (a.seatsLeft > 0) return { text: `剩余 ${a.seatsLeft} 个名额`, tone: 'ok' };
  return { text: '已满，可候补', tone: 'warn' };
}

/** One person's place: 已报名, 候补第2位, 已签到, ... */
export function placeLabel(status: RegistrationStatus, waitlistPosition: number | null): Label {
  switch (status) {
    case 'confirmed':
      return { text: '✓ 已报名', tone: 'ok' };
    case 'waitlisted':
      return { text: waitlistPosition ? `候补第${waitlistPosition}位` : '候补中', tone: 'warn' };
    case 'attended':
      return { text: '✓ 已签到', tone: 'ok' };
    case 'no_show':
      return { text: '未到场', tone: 'muted' };
    case 'cancelled':
      return { text: '已取消', tone: 'muted' };
  }
}

/** A registration in 我的报名, including who cancelled it and why. */
export function registrationLabel(r: RegistrationView): Label {
  if (r.status !== 'cancelled') return placeLabel(r.status, r.waitlistPosition);
  if (r.cancelledBy === 'center') {
    const reason = r.activity.cancelReason ? `，${r.activity.cancelReason}` : '';
    return { text: `已取消（中心取消${reason}）`, tone: 'muted' };
  }
  return { text: '已取消（本人取消）', tone: 'muted' };
}

export const badgeClass = (tone: Tone): string =>
  tone === 'ok' ? 'badge badge--ok' : tone === 'warn' ? 'badge' : 'badge badge--muted';

/** Activities by category, in the contract's order, leaving out empty categories. */
export function byCategory<T extends { category: Category }>(items: readonly T[]) {
  return CATEGORIES.map((category) => ({
    category,
    items: items.filter((item) => item.category === category),
  })).filter((group) => group.items.length > 0);
}

/** The current month in Huzhou and the one after, as `YYYY-MM`. */
export function monthChoices(now: Date = new Date()): { thisMonth: string; nextMonth: string } {
  const today = local(now);
  return { thisMonth: monthOf(now), nextMonth: today.startOf('month').add(1, 'month').format('YYYY-MM') };
}

/** `2026-12` → `12月`. */
export const monthName = (month: string): string => `${Number(month.slice(5, 7))}月`;

/** The days of the month that have something on, in order. */
export function daysWithActivities(activities: readonly Pick<ActivityView, 'startAt'>[]): string[] {
  return [...new Set(activities.map((a) => dayOf(a.startAt)))].sort();
}

export const dayOfActivity = (a: Pick<ActivityView, 'startAt'>): string => dayOf(a.startAt);
