/**
 * The QR the app draws is a real QR code: the module matrix (the one both the weapp grid and the h5 canvas
 * paint) decodes with jsQR back to exactly the payload, pass payloads and arbitrary text alike.
 */
import fc from 'fast-check';
import { darkRuns, QUIET_ZONE, qrMatrix } from '../../miniprogram/src/qr/matrix';
import { PASS_STEP_SECONDS, passIdFrom, passPayload } from '../../shared/rules/pass';
import { decodeModules } from './qrImage';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const hex = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => Buffer.from(b).toString('hex'));
const passId = fc.uint8Array({ minLength: 8, maxLength: 8 }).map(passIdFrom);
// From 2020 to 2100: the step grows to 7 base-32 digits, the payload stays short.
const when = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2100, 0, 1) });

test('real pass payloads decode back exactly', () => {
  fc.assert(
    fc.property(passId, hex, when, (id, secret, now) => {
      const payload = passPayload(id, secret, now);
      expect(decodeModules(qrMatrix(payload).rows)).toBe(payload);
    }),
    { numRuns: 50 },
  );
});

test('any text decodes back exactly: the alphanumeric set, ASCII and Chinese', () => {
  const alphanumeric = fc.string({
    unit: fc.constantFrom(...`${CROCKFORD}IOLU $%*+-./:`),
    minLength: 1,
    maxLength: 60,
  });
  const ascii = fc.string({
    unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 60,
  });
  const chinese = fc.string({
    unit: fc.constantFrom(...'幸福邻里签到码王秀英朝阳中心'),
    minLength: 1,
    maxLength: 20,
  });
  fc.assert(
    fc.property(fc.oneof(alphanumeric, ascii, chinese), (payload) => {
      expect(decodeModules(qrMatrix(payload).rows)).toBe(payload);
    }),
    { numRuns: 50 },
  );
});

test('a pass is a small symbol (version 2, 25 modules) with a 4-module quiet zone on every side', () => {
  const payload = passPayload('ABCDEFGH12', 'ab'.repeat(20), Date.UTC(2026, 10, 28, 6));
  expect(payload.length).toBeLessThanOrEqual(38);
  const { size, rows } = qrMatrix(payload);
  expect(size).toBe(25 + 2 * QUIET_ZONE);
  const border = [...rows.slice(0, QUIET_ZONE), ...rows.slice(-QUIET_ZONE)].flat();
  const sides = rows.flatMap((row) => [...row.slice(0, QUIET_ZONE), ...row.slice(-QUIET_ZONE)]);
  expect([...border, ...sides].some(Boolean)).toBe(false);
});

test('the payload changes with the 30-second step and so does the symbol', () => {
  const t = Date.UTC(2026, 10, 28, 6);
  const a = passPayload('ABCDEFGH12', 'cd'.repeat(20), t);
  const b = passPayload('ABCDEFGH12', 'cd'.repeat(20), t + PASS_STEP_SECONDS * 1000);
  expect(a).not.toBe(b);
  expect(qrMatrix(a).rows).not.toEqual(qrMatrix(b).rows);
});

test('dark runs cover exactly the dark modules of a row', () => {
  fc.assert(
    fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (row) => {
      const rebuilt = row.map(() => false);
      for (const run of darkRuns(row)) for (let x = run.x; x < run.x + run.length; x++) rebuilt[x] = true;
      expect(rebuilt).toEqual(row);
    }),
  );
});
