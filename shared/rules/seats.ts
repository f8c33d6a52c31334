/**
 * Seats and the waitlist, as an activity holds them: `seats` lists the registrations holding a confirmed
 * seat, `queue` the registrations waiting, in arrival order. Pure: the functions turn these rules into single
 * conditional updates of the activity document.
 */

export interface SeatState {
  capacity: number;
  seats: readonly string[];
  queue: readonly string[];
}

export type Place = { status: 'confirmed'; position: null } | { status: 'waitlisted'; position: number };

/** Where a registration stands: in a seat, at a 1-based place in the waitlist, or nowhere. */
export function placeOf(state: SeatState, registrationId: string): Place | null {
  if (state.seats.includes(registrationId)) return { status: 'confirmed', position: null };
  const index = state.queue.indexOf(registrationId);
  return index >= 0 ? { status: 'waitlisted', position: index + 1 } : null;
}

/**
 * A newcomer takes a seat only when one is free and nobody is waiting: a seat freed while people wait belongs to
 * the first of them, never to whoever arrives next.
 */
export const seatIsFree = (s: SeatState): boolean => s.queue.length === 0 && s.seats.length < s.capacity;

/** The first person waiting may move up when a seat is free. */
export const nextToPromote = (s: SeatState): string | null =>
  s.seats.length < s.capacity ? (s.queue[0] ?? null) : null;

/** Seats after `leaving` gives theirs to the first person waiting (if any), keeping everyone else in place. */
export function handOver(
  s: SeatState,
  leaving: string,
): { seats: string[]; queue: string[]; promoted: string | null } {
  const seats = s.seats.filter((id) => id !== leaving);
  const [first, ...rest] = s.queue;
  if (first === undefined) return { seats, queue: [], promoted: null };
  return { seats: [...seats, first], queue: rest, promoted: first };
}

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
