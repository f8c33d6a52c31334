import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  PASS_STEP_SECONDS,
  parsePayload,
  passCode,
  passIdFrom,
  passPayload,
  stepAt,
  verifyPass,
} from '../../shared/rules/pass';
import { hmacSha256, sha256 } from '../../shared/rules/sha256';

const STEP_MS = PASS_STEP_SECONDS * 1000;
const secret = randomBytes(20).toString('hex');
const passId = passIdFrom(randomBytes(8));
/** The start of a step, so "one step later" is exact. */
const T0 = stepAt(Date.UTC(2026, 10, 28, 6, 0, 0)) * STEP_MS;

test('SHA-256 and HMAC agree with the platform implementation on known and random inputs', () => {
  expect(Buffer.from(sha256(new TextEncoder().encode('abc'))).toString('hex')).toBe(
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 100 }), (message, key) => {
      const expected = createHmac('sha256', Buffer.from(key)).update(Buffer.from(message)).digest('hex');
      expect(Buffer.from(hmacSha256(key, message)).toString('hex')).toBe(expected);
    }),
  );
});

test('the payload is short, QR-alphanumeric and parses back', () => {
  const payload = passPayload(passId, secret, T0);
  expect(payload.length).toBeLessThanOrEqual(40);
  expect(payload).toMatch(/^[0-9A-Z.]+$/);
  expect(parsePayload(payload)).toEqual({ passId, step: stepAt(T0), code: passCode(secret, stepAt(T0)) });
});

test('window edges: this step and one either side pass, two steps back is expired, the future is invalid', () => {
  const parsed = parsePayload(passPayload(passId, secret, T0));
  if (!parsed) throw new Error('unparsable');
  expect(verifyPass(secret, parsed, T0)).toBe('valid');
  expect(verifyPass(secret, parsed, T0 + STEP_MS)).toBe('valid');
  expect(verifyPass(secret, parsed, T0 + 2 * STEP_MS - 1)).toBe('valid');
  expect(verifyPass(secret, parsed, T0 + 2 * STEP_MS)).toBe('expired');
  expect(verifyPass(secret, parsed, T0 - STEP_MS)).toBe('valid');
  expect(verifyPass(secret, parsed, T0 - STEP_MS - 1)).toBe('invalid');
});

test("a code made with one registration's secret never verifies with another's", () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 20, maxLength: 20 }),
      fc.integer({ min: 0, max: 2 ** 40 }),
      (other, step) => {
        const otherSecret = Buffer.from(other).toString('hex');
        fc.pre(otherSecret !== secret);
        const parsed = { passId, step, code: passCode(otherSecret, step) };
        expect(verifyPass(secret, parsed, step * STEP_MS)).toBe('invalid');
      },
    ),
  );
});

test('100,000 random, truncated and bit-flipped codes are accepted 0 times', () => {
  const genuine = passPayload(passId, secret, T0);
  const flip = (s: string, index: number, bit: number) =>
    s.slice(0, index) + String.fromCharCode(s.charCodeAt(index) ^ (1 << bit)) + s.slice(index + 1);
  const forged = fc.oneof(
    fc.string({ maxLength: 64 }),
    fc
      .string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ.'), maxLength: 40 })
      .map((s) => `LL1.${s}`),
    fc.nat(genuine.length - 1).map((n) => genuine.slice(0, n)),
    fc.tuple(fc.nat(genuine.length - 1), fc.nat(6)).map(([i, bit]) => flip(genuine, i, bit)),
    fc
      .tuple(
        fc.string({
          unit: fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'),
          minLength: 10,
          maxLength: 10,
        }),
      )
      .map(([code]) => `${genuine.slice(0, genuine.lastIndexOf('.') + 1)}${code}`),
  );
  let accepted = 0;
  fc.assert(
    fc.property(forged, (payload) => {
      fc.pre(payload !== genuine);
      const parsed = parsePayload(payload);
      if (parsed && parsed.passId === passId && verifyPass(secret, parsed, T0) === 'valid') {
        // Lower-case letters parse to the same pass, so only a payload equal to the genuine one up to case may pass.
        if (payload.toUpperCase() !== genuine) accepted++;
      }
    }),
    { numRuns: 100_000 },
  );
  expect(accepted).toBe(0);
});
