/**
 * The SDK's side of the wire: reading request fields and EJSON payloads, writing EJSON documents back.
 * Queries, updates and stages arrive as canonical EJSON strings; they are parsed relaxed so that Int32 wrappers
 * become plain numbers (mingo's `$inc` misbehaves on wrappers) and `$date` becomes a Date.
 */
import { parseRelaxed, stringifyRelaxed } from './ejson';
import { invalidParam } from './errors';

export type Doc = Record<string, unknown>;
/** A document `_id`: CloudBase accepts strings and numbers (`doc(id: string | number)`). */
export type DocId = string | number;

/**
 * True for `{...}` literals only: Dates, arrays and BSON value classes are values, not sub-documents. The test is
 * realm-independent (a root prototype of any realm) because better-sqlite3 builds its row objects in the main
 * realm, which differs from the one code runs in under jest.
 */
export function isPlainObject(value: unknown): value is Doc {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export const isDocId = (value: unknown): value is DocId =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/** Parses one EJSON string field of the request; `undefined` when absent or empty. */
export function ejsonField(body: Doc, name: string): unknown {
  const raw = body[name];
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') throw invalidParam(`${name} must be an EJSON string`);
  try {
    return resolveServerDates(parseRelaxed(raw), Date.now());
  } catch (error) {
    throw invalidParam(
      `${name} is not valid EJSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function objectField(body: Doc, name: string): Doc | undefined {
  const value = ejsonField(body, name);
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw invalidParam(`${name} must be an object`);
  return value;
}

export function stringField(body: Doc, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalidParam(`${name} must be a string`);
  return value;
}

export function requiredString(body: Doc, name: string): string {
  const value = stringField(body, name);
  if (value === undefined) throw invalidParam(`${name} is required`);
  return value;
}

export function booleanField(body: Doc, name: string, fallback: boolean): boolean {
  const value = body[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw invalidParam(`${name} must be a boolean`);
  return value;
}

export function integerField(body: Doc, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalidParam(`${name} must be a non-negative integer`);
  }
  return value;
}

/**
 * `db.serverDate({ offset })` travels as `{ $tcb_server_date: { offset } }` wherever a value may appear; the server
 * replaces it with its own clock (read once per payload) plus the offset in milliseconds. The value is a freshly
 * parsed payload, so it is changed in place (copying every document of a bulk `add` would cost more than the rest).
 */
export function resolveServerDates(value: unknown, now: number): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = resolveServerDates(value[i], now);
    return value;
  }
  if (!isPlainObject(value)) return value;
  const marker = value.$tcb_server_date;
  if (marker !== undefined && Object.keys(value).length === 1) {
    const offset = isPlainObject(marker) && typeof marker.offset === 'number' ? marker.offset : 0;
    return new Date(now + offset);
  }
  for (const key of Object.keys(value)) value[key] = resolveServerDates(value[key], now);
  return value;
}

/**
 * Documents are stored and returned as relaxed EJSON text: plain JSON numbers, and `{"$date": ...}` for Dates,
 * which the SDK's `EJSON.parse` turns back into Date objects.
 */
export const encodeDoc = (doc: Doc): string => stringifyRelaxed(doc);

export const decodeDoc = (text: string): Doc => {
  const value = parseRelaxed(text);
  if (!isPlainObject(value)) throw new Error('stored document is not an object');
  return value;
};
