/**
 * Capacity and waitlist arithmetic. Pure: the functions apply these inside one transaction, so the counters they
 * produce are written together with the registration they describe.
 */

export interface SeatCounters {
  capacity: number;
  confirmed: number;
  waitlisted: number;
  /** Last waitlist ticket handed out; never goes down, so tickets order arrivals. */
  waitSeq: number;
}

export type SeatOutcome =
  | { status: 'confirmed'; counters: SeatCounters; waitSeq: null }
  | { status: 'waitlisted'; counters: SeatCounters; waitSeq: number };

/** A new arrival takes a free seat, or the next waitlist ticket. */
export function takeSeat(c: SeatCounters): SeatOutcome {
  if (c.confirmed < c.capacity)
    return { status: 'confirmed', counters: { ...c, confirmed: c.confirmed + 1 }, waitSeq: null };
  const waitSeq = c.waitSeq + 1;
  return { status: 'waitlisted', counters: { ...c, waitlisted: c.waitlisted + 1, waitSeq }, waitSeq };
}

/**
 * Someone leaves. A confirmed seat goes to the first person waiting when there is one (`promote`), otherwise
 * it becomes free; leaving the waitlist just shortens it.
 */
export function releaseSeat(
  c: SeatCounters,
  leaving: 'confirmed' | 'waitlisted',
  promote: boolean,
): SeatCounters {
  if (leaving === 'waitlisted') return { ...c, waitlisted: c.waitlisted - 1 };
  if (promote) return { ...c, waitlisted: c.waitlisted - 1 };
  return { ...c, confirmed: c.confirmed - 1 };
}

/** How many waiting people a capacity change lets in. */
export const seatsToPromote = (c: SeatCounters): number =>
  Math.max(0, Math.min(c.waitlisted, c.capacity - c.confirmed));

/** Why a sign-up is refused right now, or null when it is open. */
export function signupRefusal(
  activity: { status: string; signupDeadline: Date },
  now: Date,
): { code: 'CLOSED' | 'NOT_FOUND'; message: string } | null {
  if (activity.status === 'draft') return { code: 'NOT_FOUND', message: '没有找到这个活动' };
  if (activity.status === 'cancelled') return { code: 'CLOSED', message: '活动已取消，不能报名' };
  if (activity.status === 'closed') return { code: 'CLOSED', message: '活动已结束' };
  if (now.getTime() > activity.signupDeadline.getTime()) return { code: 'CLOSED', message: '报名已截止' };
  return null;
}
