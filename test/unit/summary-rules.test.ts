import fc from 'fast-check';
import { monthRangeSchema } from '../../shared/contract/summary';
import { assessCenter, STAR_RULES, starsForPoints, unratedTwoYears } from '../../shared/rules/stars';
import {
  type Counters,
  emptyCounters,
  figuresOf,
  replyMinutes,
  STAT_FIELDS,
  sumCounters,
  toCounters,
} from '../../shared/rules/stats';
import { monthsBetween, shiftMonth } from '../../shared/rules/time';

const counters = (values: Partial<Counters>): Counters => ({ ...emptyCounters(), ...values });

describe('figures from counters', () => {
  test('rates, averages and reply times as a street office reads them', () => {
    const f = figuresOf(
      counters({
        activitiesPublished: 10,
        activitiesCancelled: 2,
        activitiesHeld: 6,
        attendances: 90,
        noShows: 10,
        ratings: 4,
        ratingSum: 17,
        rating4: 3,
        rating5: 1,
        needsReported: 8,
        needsResolved: 5,
        needsDeclined: 1,
        needsFirstReplies: 4,
        needsReplyMinutes: 4 * 90,
      }),
    );
    expect(f.activitiesPlanned).toBe(8);
    expect(f.heldRate).toBe(0.75);
    expect(f.attendanceRate).toBe(0.9);
    expect(f.noShowRate).toBe(0.1);
    expect(f.averageRating).toBe(4.25);
    expect(f.histogram).toEqual([0, 0, 0, 3, 1]);
    expect(f.needsClosureRate).toBe(0.75);
    expect(f.averageReplyHours).toBe(1.5);
  });

  test('nothing to divide by gives no rate; fewer than 3 ratings give no average and no distribution', () => {
    const f = figuresOf(counters({ ratings: 2, ratingSum: 10, rating5: 2 }));
    expect(f.heldRate).toBeNull();
    expect(f.attendanceRate).toBeNull();
    expect(f.needsClosureRate).toBeNull();
    expect(f.averageReplyHours).toBeNull();
    expect(f.averageRating).toBeNull();
    expect(f.histogram).toBeNull();
    expect(f.ratings).toBe(2);
  });

  test('stored documents with missing or foreign fields read as full counter sets', () => {
    const c = toCounters({ _id: 'x', attendances: 3, held_convenience: 1, note: 'x', ratings: 'many' });
    expect(c.attendances).toBe(3);
    expect(c.held_convenience).toBe(1);
    expect(c.ratings).toBe(0);
    expect(Object.keys(c).sort()).toEqual([...STAT_FIELDS].sort());
  });

  test('summing is order-free and every rate stays within 0..1', () => {
    const arbCounters = fc
      .record(
        Object.fromEntries(STAT_FIELDS.map((f) => [f, fc.nat(500)])) as Record<string, fc.Arbitrary<number>>,
      )
      .map((r) => r as Counters);
    fc.assert(
      fc.property(fc.array(arbCounters, { maxLength: 6 }), (list) => {
        expect(sumCounters(list)).toEqual(sumCounters([...list].reverse()));
        const f = figuresOf(sumCounters(list));
        for (const rate of [f.attendanceRate, f.noShowRate]) {
          if (rate !== null) expect(rate).toBeGreaterThanOrEqual(0);
          if (rate !== null) expect(rate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  test('reply minutes are whole and never negative', () => {
    const at = new Date('2026-03-01T08:00:00Z');
    expect(replyMinutes(at, new Date('2026-03-01T09:29:40Z'))).toBe(90);
    expect(replyMinutes(at, new Date('2026-03-01T07:00:00Z'))).toBe(0);
  });
});

describe('month ranges', () => {
  test('months between two months, both included, across years', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });

  test('the range schema accepts exactly the valid ranges of at most 24 months', () => {
    const month = fc
      .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(month, month, (from, to) => {
        const ok = monthRangeSchema.safeParse({ from, to }).success;
        expect(ok).toBe(from <= to && monthsBetween(from, to).length <= 24);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (junk) => {
        const res = monthRangeSchema.safeParse({ from: junk, to: '2026-01' });
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(junk)) expect(res.success).toBe(false);
      }),
    );
  });
});

describe('stars', () => {
  const strong = counters({
    activitiesPublished: 40,
    activitiesHeld: 40,
    attendances: 12 * 400,
    ratings: 300,
    ratingSum: 300 * 4.8,
    needsReported: 20,
    needsResolved: 19,
    needsDeclined: 1,
    needsFirstReplies: 20,
    needsReplyMinutes: 20 * 600,
  });
  const base = { counters: strong, months: 12, staffTotal: 4, staffCertified: 3, operating: true };

  test('points are the weighted parts; the weights add up to 100', () => {
    const sum = Object.values(STAR_RULES.weights).reduce((a, b) => a + b, 0);
    expect(sum).toBe(100);
    const r = assessCenter(base);
    expect(r.points).toBeCloseTo(
      r.parts.reduce((s, p) => s + p.points, 0),
      0,
    );
    expect(r.stars).toBe(5);
    expect(r.parts.find((p) => p.key === 'satisfaction')?.value).toBe('4.8分');
  });

  test('fewer than half certified social workers means no stars, whatever the points', () => {
    const r = assessCenter({ ...base, staffCertified: 1 });
    expect(r.points).toBeGreaterThan(90);
    expect(r.stars).toBe(0);
    expect(r.certifiedOk).toBe(false);
    expect(r.reasons.join()).toContain('低于50%');
    expect(assessCenter({ ...base, staffCertified: 2 }).certifiedOk).toBe(true);
  });

  test('a center being built or without any activity held gets no stars', () => {
    expect(assessCenter({ ...base, operating: false }).stars).toBe(0);
    expect(assessCenter({ ...base, counters: emptyCounters() }).stars).toBe(0);
  });

  test('fewer than 3 ratings: satisfaction scores nothing', () => {
    const r = assessCenter({ ...base, counters: { ...strong, ratings: 2, ratingSum: 10 } });
    expect(r.parts.find((p) => p.key === 'satisfaction')?.score).toBe(0);
  });

  test('stars never fall when any part improves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(starsForPoints(lo)).toBeLessThanOrEqual(starsForPoints(hi));
        expect(starsForPoints(hi)).toBeLessThanOrEqual(5);
      }),
    );
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), (extra, attendances) => {
        const worse = assessCenter({ ...base, counters: { ...strong, attendances } });
        const better = assessCenter({ ...base, counters: { ...strong, attendances: attendances + extra } });
        expect(better.points).toBeGreaterThanOrEqual(worse.points);
      }),
    );
  });

  test('operators unrated in both years are flagged; one rated year saves them', () => {
    const thisYear = new Map([
      ['op-a', false],
      ['op-b', false],
      ['op-c', true],
    ]);
    const lastYear = new Map([
      ['op-a', false],
      ['op-b', true],
      ['op-c', false],
    ]);
    expect(unratedTwoYears(thisYear, lastYear)).toEqual(['op-a']);
    expect(unratedTwoYears(thisYear, new Map())).toEqual([]);
  });
});
