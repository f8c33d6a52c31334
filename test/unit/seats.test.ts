import fc from 'fast-check';
import {
  releaseSeat,
  type SeatCounters,
  seatsToPromote,
  signupRefusal,
  takeSeat,
} from '../../shared/rules/seats';

const counters = fc
  .record({
    capacity: fc.integer({ min: 1, max: 500 }),
    confirmed: fc.nat(500),
    waitlisted: fc.nat(500),
    waitSeq: fc.nat(10_000),
  })
  .filter(
    (c) =>
      c.confirmed <= c.capacity &&
      c.waitSeq >= c.waitlisted &&
      (c.waitlisted === 0 || c.confirmed === c.capacity),
  );

test('an arrival is confirmed while seats remain, then gets the next waitlist ticket', () => {
  const c: SeatCounters = { capacity: 2, confirmed: 1, waitlisted: 0, waitSeq: 0 };
  const a = takeSeat(c);
  expect(a).toMatchObject({ status: 'confirmed', counters: { confirmed: 2 }, waitSeq: null });
  const b = takeSeat(a.counters);
  expect(b).toMatchObject({
    status: 'waitlisted',
    counters: { confirmed: 2, waitlisted: 1, waitSeq: 1 },
    waitSeq: 1,
  });
  expect(takeSeat(b.counters)).toMatchObject({ waitSeq: 2 });
});

test('confirmed never exceeds capacity and tickets only grow', () => {
  fc.assert(
    fc.property(counters, (c) => {
      const next = takeSeat(c);
      expect(next.counters.confirmed).toBeLessThanOrEqual(c.capacity);
      expect(next.counters.confirmed + next.counters.waitlisted).toBe(c.confirmed + c.waitlisted + 1);
      expect(next.counters.waitSeq).toBeGreaterThanOrEqual(c.waitSeq);
    }),
  );
});

test('a confirmed person leaving hands the seat on when someone waits, else frees it', () => {
  const full: SeatCounters = { capacity: 1, confirmed: 1, waitlisted: 2, waitSeq: 2 };
  expect(releaseSeat(full, 'confirmed', true)).toEqual({
    capacity: 1,
    confirmed: 1,
    waitlisted: 1,
    waitSeq: 2,
  });
  expect(releaseSeat({ ...full, waitlisted: 0 }, 'confirmed', false)).toMatchObject({
    confirmed: 0,
    waitlisted: 0,
  });
  expect(releaseSeat(full, 'waitlisted', false)).toMatchObject({ confirmed: 1, waitlisted: 1 });
});

test('raising capacity lets in no more people than are waiting or than seats freed', () => {
  fc.assert(
    fc.property(counters, fc.integer({ min: 0, max: 100 }), (c, extra) => {
      const n = seatsToPromote({ ...c, capacity: c.capacity + extra });
      expect(n).toBe(Math.min(c.waitlisted, c.capacity + extra - c.confirmed));
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
