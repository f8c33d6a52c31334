import fc from 'fast-check';
import {
  handOver,
  nextToPromote,
  placeOf,
  type SeatState,
  seatIsFree,
  signupRefusal,
} from '../../shared/rules/seats';

test('a seat, a place in line, or nowhere', () => {
  const s: SeatState = { capacity: 2, seats: ['a', 'b'], queue: ['c', 'd'] };
  expect(placeOf(s, 'a')).toEqual({ status: 'confirmed', position: null });
  expect(placeOf(s, 'd')).toEqual({ status: 'waitlisted', position: 2 });
  expect(placeOf(s, 'x')).toBeNull();
});

test('a newcomer never takes a seat while someone waits', () => {
  expect(seatIsFree({ capacity: 2, seats: ['a'], queue: [] })).toBe(true);
  expect(seatIsFree({ capacity: 2, seats: ['a'], queue: ['b'] })).toBe(false);
  expect(seatIsFree({ capacity: 1, seats: ['a'], queue: [] })).toBe(false);
  expect(nextToPromote({ capacity: 2, seats: ['a'], queue: ['b', 'c'] })).toBe('b');
  expect(nextToPromote({ capacity: 1, seats: ['a'], queue: ['b'] })).toBeNull();
});

test('a hand-over gives the seat to the first in line and keeps everyone else in place', () => {
  expect(handOver({ capacity: 2, seats: ['a', 'b'], queue: ['c', 'd'] }, 'a')).toEqual({
    seats: ['b', 'c'],
    queue: ['d'],
    promoted: 'c',
  });
  expect(handOver({ capacity: 2, seats: ['a', 'b'], queue: [] }, 'b')).toEqual({
    seats: ['a'],
    queue: [],
    promoted: null,
  });
});

/** The rules as the functions apply them, step by step, against a first-come-first-served model. */
test('any sequence of arrivals and departures keeps seats within capacity and the line in arrival order', () => {
  const step = fc.record({ leave: fc.boolean(), who: fc.nat(9) });
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 60 }), (capacity, steps) => {
      let s: SeatState = { capacity, seats: [], queue: [] };
      const arrivals: string[] = [];
      for (const { leave, who } of steps) {
        const id = `p${who}`;
        const place = placeOf(s, id);
        if (!leave && !place) {
          arrivals.push(id);
          s = seatIsFree(s) ? { ...s, seats: [...s.seats, id] } : { ...s, queue: [...s.queue, id] };
        } else if (leave && place?.status === 'confirmed') {
          const next = handOver(s, id);
          s = { ...s, seats: next.seats, queue: next.queue };
        } else if (leave && place?.status === 'waitlisted') {
          s = { ...s, queue: s.queue.filter((q) => q !== id) };
        }
        expect(s.seats.length).toBeLessThanOrEqual(capacity);
        if (s.queue.length > 0) expect(s.seats.length).toBe(capacity);
        // The line keeps the order in which people (last) arrived.
        const order = (x: string) => arrivals.lastIndexOf(x);
        expect([...s.queue].sort((x, y) => order(x) - order(y))).toEqual(s.queue);
        expect(new Set([...s.seats, ...s.queue]).size).toBe(s.seats.length + s.queue.length);
      }
    }),
  );
});

test('sign-up is refused on drafts, cancelled or closed activities and after the deadline', () => {
  const deadline = new Date('2026-12-01T10:00:00+08:00');
  const before = new Date('2026-12-01T09:59:59+08:00');
  const after = new Date('2026-12-01T10:00:01+08:00');
  expect(signupRefusal({ status: 'published', signupDeadline: deadline }, before)).toBeNull();
  expect(signupRefusal({ status: 'published', signupDeadline: deadline }, deadline)).toBeNull();
  expect(signupRefusal({ status: 'published', signupDeadline: deadline }, after)).toMatchObject({
    code: 'CLOSED',
  });
  expect(signupRefusal({ status: 'cancelled', signupDeadline: deadline }, before)).toMatchObject({
    code: 'CLOSED',
  });
  expect(signupRefusal({ status: 'closed', signupDeadline: deadline }, before)).toMatchObject({
    code: 'CLOSED',
  });
  expect(signupRefusal({ status: 'draft', signupDeadline: deadline }, before)).toMatchObject({
    code: 'NOT_FOUND',
  });
});
