import fc from 'fast-check';
import { formatWhen, monthOf, monthRange, tomorrowRange } from '../../shared/rules/time';

test('months and days are reckoned in China time', () => {
  expect(monthOf('2026-11-30T16:30:00Z')).toBe('2026-12');
  expect(monthOf('2026-11-30T15:59:59Z')).toBe('2026-11');
  expect(monthRange('2026-12')).toEqual({
    start: new Date('2026-11-30T16:00:00Z'),
    end: new Date('2026-12-31T16:00:00Z'),
  });
  expect(tomorrowRange(new Date('2026-11-26T22:00:00Z'))).toEqual({
    start: new Date('2026-11-27T16:00:00Z'),
    end: new Date('2026-11-28T16:00:00Z'),
  });
  expect(formatWhen('2026-11-28T06:30:00Z')).toBe('11月28日 周六 14:30');
});

test('every instant lies in the range of its own month', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
      (at) => {
        const { start, end } = monthRange(monthOf(at));
        expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime()).toBeLessThan(end.getTime());
      },
    ),
  );
});
