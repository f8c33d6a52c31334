/**
 * Which top-level fields a pipeline can see. When every stage up to the first one that builds new documents
 * (`$group`, `$count`, `$sortByCount`, `$bucket`, `$bucketAuto`) names the fields it reads, only those fields need
 * to come out of SQLite: a recount over a month of registrations then reads a handful of values per row instead
 * of parsing whole documents. Anything that could read a field not named in the pipeline (`$$ROOT`, `$getField`,
 * an exclusion projection, a stage not listed here) makes the answer `undefined`: read whole documents.
 *
 * `$project` and `$replaceRoot` are not accepted as the building stage because their output keeps the input's
 * key order, which a partial document would not reproduce.
 */
import { isPlainObject } from './wire';

const BUILDS_NEW_DOCUMENTS = new Set(['$group', '$count', '$sortByCount', '$bucket', '$bucketAuto']);
/** Operators that take field names as plain strings or keys, which the walk below would not see as fields. */
const NAMES_FIELDS_AS_STRINGS = new Set([
  '$getField',
  '$setField',
  '$unsetField',
  '$function',
  '$accumulator',
  '$top',
  '$topN',
  '$bottom',
  '$bottomN',
]);
/**
 * Reading a few fields through SQLite beats parsing whole documents; past a dozen (the recount of `stats` sums
 * about 75) each `->` costs more than one JSON parse of the row.
 */
export const MAX_NARROW_FIELDS = 12;

/** A name SQLite's `$.name` path reads without quoting. */
const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Unknown extends Error {}

/** The top-level fields (besides `_id`) a query reads, or `undefined` when it may read any. */
export function fieldsQueried(filter: Record<string, unknown>): string[] | undefined {
  return fieldsRead([{ $match: filter }, { $count: 'n' }]);
}

/** The top-level fields (besides `_id`) the pipeline reads, or `undefined` when it may read any. */
export function fieldsRead(pipeline: readonly Record<string, unknown>[]): string[] | undefined {
  const fields = new Set<string>();
  try {
    for (const stage of pipeline) {
      const [name, value] = Object.entries(stage)[0] ?? [];
      if (name === undefined) return undefined;
      if (BUILDS_NEW_DOCUMENTS.has(name)) {
        // $count's value is the output field's name, not an expression.
        if (name !== '$count') expression(value, fields);
        fields.delete('_id');
        return [...fields].every((f) => SIMPLE_NAME.test(f)) ? [...fields] : undefined;
      }
      passThroughStage(name, value, fields);
    }
  } catch (error) {
    if (error instanceof Unknown) return undefined;
    throw error;
  }
  // The documents themselves come out at the end: they must be whole.
  return undefined;
}

/** Stages that keep the documents (adding to them at most) before the building stage. */
function passThroughStage(name: string, value: unknown, fields: Set<string>): void {
  switch (name) {
    case '$match':
      if (!isPlainObject(value)) throw new Unknown();
      query(value, fields);
      return;
    case '$sort':
      if (!isPlainObject(value)) throw new Unknown();
      for (const [key, direction] of Object.entries(value)) {
        if (typeof direction !== 'number') throw new Unknown();
        addPath(key, fields);
      }
      return;
    case '$skip':
    case '$limit':
      return;
    case '$addFields':
      if (!isPlainObject(value)) throw new Unknown();
      // A dotted key sets a field inside an existing one: that one must then be read whole.
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('.')) addPath(key, fields);
        expression(item, fields);
      }
      return;
    case '$unwind': {
      const path = isPlainObject(value) ? value.path : value;
      if (typeof path !== 'string' || !path.startsWith('$')) throw new Unknown();
      addPath(path.slice(1), fields);
      return;
    }
    default:
      throw new Unknown();
  }
}

function query(value: Record<string, unknown>, fields: Set<string>): void {
  for (const [key, condition] of Object.entries(value)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(condition)) throw new Unknown();
      for (const part of condition) {
        if (!isPlainObject(part)) throw new Unknown();
        query(part, fields);
      }
    } else if (key === '$expr') {
      expression(condition, fields);
    } else if (key === '$comment') {
      // a note, reads nothing
    } else if (key.startsWith('$')) {
      throw new Unknown();
    } else {
      // A field's condition compares with constants; only `$expr` can name other fields.
      addPath(key, fields);
    }
  }
}

function expression(value: unknown, fields: Set<string>): void {
  if (typeof value === 'string') {
    if (value.startsWith('$$')) {
      const variable = value.slice(2).split('.')[0];
      if (variable === 'ROOT' || variable === 'CURRENT') throw new Unknown();
    } else if (value.startsWith('$')) {
      addPath(value.slice(1), fields);
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) expression(item, fields);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (NAMES_FIELDS_AS_STRINGS.has(key)) throw new Unknown();
    // mingo's `$push: null` (and the accumulators built on it) collects the whole documents.
    if (key.startsWith('$') && (item === null || item === undefined)) throw new Unknown();
    if (key === '$literal') continue;
    expression(item, fields);
  }
}

function addPath(path: string, fields: Set<string>): void {
  const [root] = path.split('.');
  if (!root) throw new Unknown();
  fields.add(root);
}
