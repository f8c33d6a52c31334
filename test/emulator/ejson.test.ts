/** The emulator's relaxed EJSON gives exactly what bson's EJSON gives, for any value the SDK can send. */
import { EJSON, Long, ObjectId } from 'bson';
import fc from 'fast-check';
import { parseRelaxed, stringifyRelaxed } from '../../emulator/database/ejson';

const key = fc.oneof(
  fc.constantFrom(
    '_id',
    'a',
    'b',
    '$tcb_server_date',
    '$gt',
    '$date',
    '$numberInt',
    '__proto__',
    'x\0y',
    '1',
  ),
  fc.string({ maxLength: 6 }),
);
const date = fc.oneof(
  fc.date({ noInvalidDate: true }),
  fc.constantFrom(new Date(0), new Date(-1), new Date(253402300799999), new Date(253402300800000)),
);
const scalar = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5e300, Number.NaN, Number.POSITIVE_INFINITY),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  date,
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
}));

/**
 * An answer as canonical EJSON text (exact: keeps -0, NaN, invalid Dates and key order, which deep equality
 * would blur), or the error thrown.
 */
const bson = (run: () => unknown) => {
  try {
    return { ok: EJSON.stringify(run(), { relaxed: false }) };
  } catch (error) {
    return { error: String(error) };
  }
};

test('parsing canonical EJSON (what the SDK sends) matches bson', () => {
  fc.assert(
    fc.property(value, (v) => {
      const text = EJSON.stringify(v, { relaxed: false });
      expect(bson(() => parseRelaxed(text))).toEqual(bson(() => EJSON.parse(text, { relaxed: true })));
    }),
    { numRuns: 500 },
  );
});

test('parsing relaxed EJSON (what the store holds) matches bson', () => {
  fc.assert(
    fc.property(value, (v) => {
      const text = EJSON.stringify(v, { relaxed: true });
      expect(bson(() => parseRelaxed(text))).toEqual(bson(() => EJSON.parse(text, { relaxed: true })));
    }),
    { numRuns: 500 },
  );
});

test('writing relaxed EJSON matches bson, text for text', () => {
  fc.assert(
    fc.property(value, (v) => {
      expect(bson(() => stringifyRelaxed(v))).toEqual(bson(() => EJSON.stringify(v, { relaxed: true })));
    }),
    { numRuns: 500 },
  );
});

test('values bson gives a meaning to go through bson', () => {
  const id = new ObjectId('65f000000000000000000001');
  const doc = { id, big: Long.fromString('9007199254740993'), when: new Date('2026-03-01T08:00:00.120Z') };
  const text = EJSON.stringify(doc, { relaxed: false });
  expect(parseRelaxed(text)).toEqual(EJSON.parse(text, { relaxed: true }));
  expect(stringifyRelaxed(doc)).toBe(EJSON.stringify(doc, { relaxed: true }));
  expect(stringifyRelaxed({ undefinedValue: undefined, list: [undefined] })).toBe(
    EJSON.stringify({ undefinedValue: undefined, list: [undefined] }, { relaxed: true }),
  );
});
