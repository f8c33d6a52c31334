/**
 * Relaxed EJSON without bson's per-value overhead, for the shapes documents here are made of. bson's `EJSON.parse`
 * runs a reviver over every value and `EJSON.stringify` copies every value through a generic serializer; on a
 * bulk `add` or a full scan that is most of the time spent. These do the same for plain JSON values, Dates and
 * the number wrappers the SDK sends (`$numberInt`, `$numberDouble`, `$numberLong`, `$date`), and hand anything
 * else to bson itself, so the result is always exactly bson's (test/emulator/ejson.test.ts compares them).
 */
import { EJSON } from 'bson';

/** Keys bson gives a meaning to; an object holding one of them is decoded by bson unless handled below. */
const EJSON_KEYS = new Set([
  '$oid',
  '$binary',
  '$uuid',
  '$symbol',
  '$numberInt',
  '$numberDecimal',
  '$numberDouble',
  '$numberLong',
  '$minKey',
  '$maxKey',
  '$regex',
  '$regularExpression',
  '$timestamp',
  '$date',
  '$code',
  '$scope',
  '$ref',
  '$id',
  '$db',
  '$dbPointer',
  '$undefined',
]);

/** Up to 15 digits: always an exact double, so `Number` agrees with bson's `Long.fromString(...).toNumber()`. */
const SAFE_INTEGER_TEXT = /^-?\d{1,15}$/;

/** Thrown inside the fast walk when a value needs bson; never escapes this module. */
const NEEDS_BSON = Symbol('needs bson');

/** `EJSON.parse(text, { relaxed: true })`. */
export function parseRelaxed(text: string): unknown {
  const raw: unknown = JSON.parse(text);
  try {
    return revive(raw);
  } catch (error) {
    if (error === NEEDS_BSON) return EJSON.parse(text, { relaxed: true });
    throw error;
  }
}

function revive(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  const object = value as Record<string, unknown>;
  let wrapped = false;
  for (const key in object) {
    // bson refuses NUL in names; `__proto__` must stay an own property, which plain assignment would not keep.
    if (key.includes('\0') || key === '__proto__') throw NEEDS_BSON;
    if (key.charCodeAt(0) === 36 /* $ */ && EJSON_KEYS.has(key)) wrapped = true;
    else object[key] = revive(object[key]);
  }
  return wrapped ? unwrap(object) : object;
}

/** The single-key wrappers the SDK and the store produce; anything else goes to bson. */
function unwrap(object: Record<string, unknown>): unknown {
  const keys = Object.keys(object);
  const [key] = keys;
  if (keys.length !== 1 || key === undefined) throw NEEDS_BSON;
  const inner = object[key];
  if (key === '$numberInt' && typeof inner === 'string') return Number.parseInt(inner, 10);
  if (key === '$numberDouble' && typeof inner === 'string') return Number.parseFloat(inner);
  if (key === '$numberLong' && typeof inner === 'string' && SAFE_INTEGER_TEXT.test(inner))
    return Number(inner);
  if (key === '$date') {
    if (typeof inner === 'string') return new Date(Date.parse(inner));
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) {
      const long = (inner as Record<string, unknown>).$numberLong;
      if (Object.keys(inner).length === 1 && typeof long === 'string' && SAFE_INTEGER_TEXT.test(long)) {
        return new Date(Number(long));
      }
    }
  }
  throw NEEDS_BSON;
}

/** `EJSON.stringify(value, { relaxed: true })`. */
export function stringifyRelaxed(value: unknown): string {
  try {
    return JSON.stringify(toRelaxed(value));
  } catch (error) {
    if (error === NEEDS_BSON) return EJSON.stringify(value, { relaxed: true });
    throw error;
  }
}

/** Years 1970 to 9999 are written as ISO text, others as milliseconds (bson's rule). */
const LAST_ISO_DATE = 253402300800000;

function toRelaxed(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $numberDouble: String(value) };
  if (value === undefined) return null;
  if (typeof value !== 'object') throw NEEDS_BSON;
  if (Array.isArray(value)) return value.map(toRelaxed);
  if (value instanceof Date) {
    const ms = value.getTime();
    if (!(ms > -1 && ms < LAST_ISO_DATE)) return { $date: { $numberLong: String(ms) } };
    const iso = value.toISOString();
    return { $date: value.getUTCMilliseconds() !== 0 ? iso : `${iso.slice(0, -5)}Z` };
  }
  const proto: unknown = Object.getPrototypeOf(value);
  // Plain objects of any realm only: Maps, RegExps, bson values and class instances are bson's business.
  if (proto !== null && Object.getPrototypeOf(proto) !== null) throw NEEDS_BSON;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') throw NEEDS_BSON;
    out[key] = toRelaxed((value as Record<string, unknown>)[key]);
  }
  return out;
}
