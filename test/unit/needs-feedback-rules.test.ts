import fc from 'fast-check';
import { FEEDBACK_TAGS } from '../../shared/contract/feedback';
import { feedbackClosesAt, publicAverage, ratingDelta, tagCounter } from '../../shared/rules/feedback';
import { SIMILAR_THRESHOLD, similarity } from '../../shared/rules/similar';

describe('similar needs', () => {
  test('texts about the same thing are similar, unrelated ones are not', () => {
    expect(similarity('小区门口的路灯坏了', '路灯坏了好久，晚上很黑')).toBeGreaterThanOrEqual(
      SIMILAR_THRESHOLD,
    );
    expect(similarity('希望开一个老年人手机课', '老年人智能手机培训')).toBeGreaterThanOrEqual(
      SIMILAR_THRESHOLD,
    );
    expect(similarity('小区门口的路灯坏了', '希望多办亲子活动')).toBeLessThan(SIMILAR_THRESHOLD);
    expect(similarity('', '路灯')).toBe(0);
  });

  test('similarity is symmetric, between 0 and 1, and 1 for a text with itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const s = similarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(similarity(b, a)).toBeCloseTo(s);
      }),
    );
    expect(similarity('路灯坏了', '路灯坏了')).toBe(1);
  });
});

describe('ratings and the counters', () => {
  test('a first rating adds one of everything; a change moves only the difference', () => {
    expect(ratingDelta(null, { rating: 4, tags: ['内容实用'], proxy: true })).toEqual({
      ratings: 1,
      ratingSum: 4,
      rating4: 1,
      [tagCounter('内容实用')]: 1,
      ratingsProxy: 1,
    });
    expect(
      ratingDelta(
        { rating: 4, tags: ['内容实用', '组织有序'], proxy: true },
        { rating: 2, tags: ['内容实用'], proxy: false },
      ),
    ).toEqual({
      ratingsProxy: -1,
      ratingSum: -2,
      rating4: -1,
      rating2: 1,
      [tagCounter('组织有序')]: -1,
    });
    expect(ratingDelta({ rating: 3, tags: [], proxy: false }, { rating: 3, tags: [], proxy: false })).toEqual(
      {},
    );
  });

  test('applying any history of deltas leaves the counters equal to the last rating of each person', () => {
    const rating = fc.record({
      rating: fc.integer({ min: 1, max: 5 }),
      tags: fc.uniqueArray(fc.constantFrom(...FEEDBACK_TAGS), { maxLength: 4 }),
      proxy: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), rating), { maxLength: 40 }), (history) => {
        const counters: Record<string, number> = {};
        const latest = new Map<number, { rating: number; tags: string[]; proxy: boolean }>();
        for (const [person, r] of history) {
          for (const [k, n] of Object.entries(ratingDelta(latest.get(person) ?? null, r)))
            counters[k] = (counters[k] ?? 0) + n;
          latest.set(person, r);
        }
        const final = [...latest.values()];
        expect(counters.ratings ?? 0).toBe(final.length);
        expect(counters.ratingSum ?? 0).toBe(final.reduce((s, r) => s + r.rating, 0));
        for (let k = 1; k <= 5; k++)
          expect(counters[`rating${k}`] ?? 0).toBe(final.filter((r) => r.rating === k).length);
        for (const tag of FEEDBACK_TAGS) {
          expect(counters[tagCounter(tag)] ?? 0).toBe(final.filter((r) => r.tags.includes(tag)).length);
        }
        expect(counters.ratingsProxy ?? 0).toBe(final.filter((r) => r.proxy).length);
      }),
    );
  });

  test('no average below three ratings; feedback closes seven days after the end', () => {
    expect(publicAverage(2, 10)).toBeNull();
    expect(publicAverage(3, 13)).toBe(4.3);
    expect(feedbackClosesAt(new Date('2026-11-28T08:00:00Z'))).toEqual(new Date('2026-12-05T08:00:00Z'));
  });
});
