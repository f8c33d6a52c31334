import fc from 'fast-check';
import { maskPhone, PHONE_PATTERN } from '../../shared/rules/mask';

const phone = fc
  .tuple(
    fc.constantFrom('3', '4', '5', '6', '7', '8', '9'),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 }),
  )
  .map(([second, rest]) => `1${second}${rest}`);

test('a phone keeps its first 3 and last 4 digits, the middle 4 are hidden', () => {
  expect(maskPhone('13857201234')).toBe('138****1234');
  fc.assert(
    fc.property(phone, (p) => {
      const masked = maskPhone(p);
      expect(masked).toHaveLength(11);
      expect(masked.slice(0, 3)).toBe(p.slice(0, 3));
      expect(masked.slice(3, 7)).toBe('****');
      expect(masked.slice(7)).toBe(p.slice(7));
    }),
  );
});

test('anything that is not a phone number is hidden whole', () => {
  fc.assert(
    fc.property(
      fc.string().filter((s) => !PHONE_PATTERN.test(s)),
      (s) => {
        expect(maskPhone(s)).toMatch(/^\**$/);
      },
    ),
  );
});
