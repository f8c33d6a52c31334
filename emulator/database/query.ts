/**
 * Reads: a SQL pre-filter narrows the candidates through an index where that is provably safe, then mingo decides
 * exactly (MongoDB semantics), sorts, pages and projects.
 */
import { Query } from 'mingo';
import type { Options } from 'mingo/types';
import { invalidParam } from './errors';
import { fieldsQueried, MAX_NARROW_FIELDS } from './fields';
import type { FieldIndexInfo, SqlFilter, SqlValue, Store, StoredDoc } from './store';
import { fieldExpr } from './store';
import { type Doc, encodeDoc, isPlainObject } from './wire';

/** `$where`/`$function` would run code sent by a caller; CloudBase does not offer them either. */
export const MINGO_OPTIONS: Partial<Options> = { scriptEnabled: false };

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

interface FindOptions {
  order?: Doc;
  offset?: number;
  limit?: number;
  projection?: Doc;
}

/**
 * Collects conjuncts of the form `field = scalar` / `field IN (scalars)` on `_id` and on indexed paths, at the top
 * level or under `$and`. The result is a superset of the true matches (e.g. `true` also hits numeric 1), never a
 * subset: paths that ever held arrays are skipped, as are null, dates and other non-scalars.
 */
export function planFilter(query: Doc, fields: readonly FieldIndexInfo[]): SqlFilter {
  const plan: SqlFilter = { clauses: [], params: [] };
  const pushable = new Set(fields.filter((field) => !field.multikey).map((field) => field.path));
  collect(query, pushable, plan);
  return plan;
}

function collect(query: Doc, pushable: ReadonlySet<string>, plan: SqlFilter): void {
  for (const [key, condition] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const part of condition) if (isPlainObject(part)) collect(part, pushable, plan);
      continue;
    }
    const column = key === '_id' ? 'id' : pushable.has(key) ? fieldExpr(key) : undefined;
    if (column === undefined) continue;
    const equal = sqlScalar(condition, key === '_id');
    if (equal !== undefined) {
      plan.clauses.push(`${column} = ?`);
      plan.params.push(equal);
      continue;
    }
    if (!isPlainObject(condition)) continue;
    const eq = sqlScalar(condition.$eq, key === '_id');
    if (eq !== undefined) {
      plan.clauses.push(`${column} = ?`);
      plan.params.push(eq);
    }
    const list = condition.$in;
    if (Array.isArray(list) && list.length > 0) {
      const values = list.map((item) => sqlScalar(item, key === '_id'));
      if (values.every((value): value is SqlValue => value !== undefined)) {
        plan.clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
        plan.params.push(...values);
      }
    }
  }
}

/** The SQL value a JSON scalar compares equal to (`json_extract` yields 1/0 for true/false); `_id` is never boolean. */
function sqlScalar(value: unknown, isId: boolean): SqlValue | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'boolean' && !isId) return value ? 1 : 0;
  return undefined;
}

/** JavaScript's flags for those of `db.RegExp`'s options that CloudBase accepts. */
const REGEXP_OPTIONS = /^[imsu]*$/;

/**
 * The query or stages with every `db.RegExp` condition as a JavaScript RegExp. The SDK sends them as EJSON
 * `$regularExpression`, which bson decodes to its own BSONRegExp class, and mingo matches only RegExps.
 */
export function nativeRegExps<T>(value: T): T {
  if (Array.isArray(value)) return value.map(nativeRegExps) as T;
  if (typeof value !== 'object' || value === null) return value;
  const bson = value as { _bsontype?: unknown; pattern?: unknown; options?: unknown };
  if (bson._bsontype === 'BSONRegExp') {
    const { pattern, options } = bson as { pattern: string; options: string };
    if (!REGEXP_OPTIONS.test(options))
      throw invalidParam(`regular expression options "${options}": use i, m, s, u`);
    try {
      return new RegExp(pattern, options) as T;
    } catch (error) {
      throw invalidParam(`regular expression /${pattern}/ is not valid: ${(error as Error).message}`);
    }
  }
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, nativeRegExps(item)])) as T;
}

/** Documents matching `query`, exactly, in insertion order. */
export function matching(store: Store, collection: string, query: Doc | undefined): StoredDoc[] {
  const candidates = store.scan(collection, planFilter(query ?? {}, store.indexedFields(collection)));
  if (query === undefined || Object.keys(query).length === 0) return candidates;
  const matcher = new Query(nativeRegExps(query), MINGO_OPTIONS);
  return candidates.filter((candidate) => matcher.test(candidate.doc));
}

/** Matching documents holding only `_id` and `fields`, which must include every field `query` reads. */
export function matchingFields(
  store: Store,
  collection: string,
  query: Doc | undefined,
  fields: readonly string[],
): Doc[] {
  const candidates = store.scanFields(
    collection,
    planFilter(query ?? {}, store.indexedFields(collection)),
    fields,
  );
  if (query === undefined || Object.keys(query).length === 0) return candidates;
  const matcher = new Query(nativeRegExps(query), MINGO_OPTIONS);
  return candidates.filter((candidate) => matcher.test(candidate));
}

/** A get(): the page of matching documents as reply strings. */
export function find(
  store: Store,
  collection: string,
  query: Doc | undefined,
  options: FindOptions,
): string[] {
  const offset = options.offset ?? 0;
  // Like the SDK: a missing or zero limit means the default page, never everything.
  const limit = Math.min(options.limit || DEFAULT_LIMIT, MAX_LIMIT);
  // In insertion order the page is the first matches: stop reading there (a limit(1) on a million rows).
  const rows =
    options.order === undefined
      ? firstMatching(store, collection, query, offset + limit).slice(offset)
      : matching(store, collection, query);
  if (options.order === undefined && options.projection === undefined) return rows.map((row) => row.text);
  const textOf = new Map<Doc, string>(rows.map((row) => [row.doc, row.text]));
  const cursor = new Query({}, MINGO_OPTIONS).find<Doc>(
    rows.map((row) => row.doc),
    options.projection ?? {},
  );
  if (options.order !== undefined) cursor.sort(options.order).skip(offset).limit(limit);
  // Without a projection mingo hands back the same objects, so their stored text can be reused.
  return cursor.all().map((doc) => textOf.get(doc) ?? encodeDoc(doc));
}

/** The first `wanted` documents matching `query`, in insertion order, reading no further than needed. */
function firstMatching(
  store: Store,
  collection: string,
  query: Doc | undefined,
  wanted: number,
): StoredDoc[] {
  const plan = planFilter(query ?? {}, store.indexedFields(collection));
  const matcher =
    query === undefined || Object.keys(query).length === 0
      ? undefined
      : new Query(nativeRegExps(query), MINGO_OPTIONS);
  const found: StoredDoc[] = [];
  if (wanted <= 0) return found;
  for (const row of store.scanEach(collection, plan)) {
    if (matcher !== undefined && !matcher.test(row.doc)) continue;
    found.push(row);
    if (found.length >= wanted) break;
  }
  return found;
}

export function count(store: Store, collection: string, query: Doc | undefined): number {
  if (query === undefined || Object.keys(query).length === 0) return store.count(collection);
  // Counting needs only the fields the query reads, not whole documents parsed.
  const fields = fieldsQueried(query);
  return fields !== undefined && fields.length <= MAX_NARROW_FIELDS
    ? matchingFields(store, collection, query, fields).length
    : matching(store, collection, query).length;
}
