/**
 * `$group` compiled to plain functions for the common case: group keys and accumulator inputs built from field
 * paths, constants, `$cond`, `$ifNull`, `$and`, `$or`, `$eq`, `$ne`, `$gt`, `$gte`, `$lt`, `$lte`, `$in`, and the
 * accumulators `$sum`, `$first`, `$last`, `$push`. mingo evaluates every expression through its generic
 * operator machinery, about a microsecond and a half each; a recount evaluates tens of millions of them.
 *
 * The functions follow mingo's rules exactly (test/emulator/aggregate-fields.test.ts compares them on random
 * documents). Whatever they do not cover exactly is refused: at compile time (`compileGroup` returns
 * `undefined`) or, for values only seen at run time (arrays inside paths, objects or Dates compared, a missing
 * value inside a compound key), by throwing `NotCompiled`; the stage is then run by mingo instead.
 */
import { isPlainObject } from './wire';

type Doc = Record<string, unknown>;
type Expression = (doc: Doc) => unknown;

export class NotCompiled extends Error {}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names Object.prototype answers to (`constructor`, `toString`, ...): mingo reads only own fields by them. */
const reserved = (name: string) => name in Object.prototype || name === 'prototype';

const isNil = (v: unknown): v is null | undefined => v === null || v === undefined;
const isPrimitive = (v: unknown) => v === null || (typeof v !== 'object' && typeof v !== 'function');
/** mingo's truthiness in strict mode: the empty string counts as true. */
const truthy = (v: unknown) => !!v || v === '';
const isNumber = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

/** Compiles a `$group` stage's value, or `undefined` when it uses anything not covered here. */
export function compileGroup(spec: unknown): ((docs: Doc[]) => Doc[]) | undefined {
  if (!isPlainObject(spec) || !('_id' in spec)) return undefined;
  const key = expression(spec._id, true);
  const accumulators: [string, Accumulator][] = [];
  for (const [name, value] of Object.entries(spec)) {
    if (name === '_id') continue;
    const accumulator = compileAccumulator(value);
    if (key === undefined || accumulator === undefined) return undefined;
    accumulators.push([name, accumulator]);
  }
  if (key === undefined) return undefined;
  return (docs) => {
    const groups = new Map<unknown, { id: unknown; states: unknown[] }>();
    for (const doc of docs) {
      const id = key(doc) ?? null;
      const hash = hashKey(id);
      let group = groups.get(hash);
      if (group === undefined) {
        group = { id, states: accumulators.map(([, a]) => a.start()) };
        groups.set(hash, group);
      }
      for (let i = 0; i < accumulators.length; i++) {
        const accumulator = accumulators[i]?.[1];
        if (accumulator && group) group.states[i] = accumulator.add(group.states[i], doc);
      }
    }
    return [...groups.values()].map(({ id, states }) => {
      const out: Doc = { _id: id };
      accumulators.forEach(([name, a], i) => {
        out[name] = a.finish(states[i]);
      });
      return out;
    });
  };
}

/** Keys compare as mingo's hash map does: primitives by SameValueZero, compound keys member by member. */
function hashKey(id: unknown): unknown {
  if (isPrimitive(id)) return id;
  if (!isPlainObject(id)) throw new NotCompiled();
  const parts: unknown[] = [];
  for (const value of Object.values(id)) {
    // JSON tells 1 from "1" and true from "true"; NaN, infinities and missing values it would blur.
    if (
      value === undefined ||
      !isPrimitive(value) ||
      (typeof value === 'number' && !Number.isFinite(value))
    ) {
      throw new NotCompiled();
    }
    parts.push(value);
  }
  return `\0${JSON.stringify(parts)}`;
}

interface Accumulator {
  start(): unknown;
  add(state: unknown, doc: Doc): unknown;
  finish(state: unknown): unknown;
}

function compileAccumulator(value: unknown): Accumulator | undefined {
  if (!isPlainObject(value)) return undefined;
  const entries = Object.entries(value);
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined) return undefined;
  const [operator, argument] = entry;
  if (operator === '$sum' && isNumber(argument)) {
    const n = argument;
    return {
      start: () => 0,
      add: (count) => (count as number) + 1,
      finish: (count) => (count as number) * n,
    };
  }
  // `$push: null` pushes whole documents in mingo; not covered here.
  const input = isNil(argument) ? undefined : expression(argument, false);
  if (input === undefined) return undefined;
  switch (operator) {
    case '$sum':
      return {
        start: () => 0,
        add: (sum, doc) => {
          const v = input(doc);
          return isNumber(v) ? (sum as number) + v : sum;
        },
        finish: (sum) => sum,
      };
    case '$first':
      return {
        start: () => FIRST_UNSET,
        add: (first, doc) => (first === FIRST_UNSET ? (input(doc) ?? null) : first),
        finish: (first) => first,
      };
    case '$last':
      return { start: () => null, add: (_last, doc) => input(doc) ?? null, finish: (last) => last };
    case '$push':
      return {
        start: () => [],
        add: (list, doc) => {
          (list as unknown[]).push(input(doc) ?? null);
          return list;
        },
        finish: (list) => list,
      };
    default:
      return undefined;
  }
}

const FIRST_UNSET = Symbol('no first value yet');

/**
 * An expression as a function of the document. `asKey`: the group key may be a compound object of
 * expressions; elsewhere object literals are not compiled.
 */
function expression(value: unknown, asKey: boolean): Expression | undefined {
  if (typeof value === 'string') {
    if (value.startsWith('$$')) return undefined;
    if (value.startsWith('$')) return path(value.slice(1));
    return () => value;
  }
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return () => value;
  if (Array.isArray(value)) {
    const items = value.map((item) => expression(item, false));
    if (items.some((item) => item === undefined)) return undefined;
    return (doc) => items.map((item) => item?.(doc));
  }
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  const [first] = keys;
  if (first === undefined) return undefined;
  if (!first.startsWith('$')) {
    if (!asKey || keys.some((k) => k.startsWith('$') || !NAME.test(k) || reserved(k))) return undefined;
    const members = keys.map((k) => [k, expression(value[k], false)] as const);
    if (members.some(([, m]) => m === undefined)) return undefined;
    return (doc) => {
      const out: Doc = {};
      for (const [k, m] of members) out[k] = m?.(doc);
      return out;
    };
  }
  if (keys.length !== 1) return undefined;
  return operator(first, value[first]);
}

function operator(name: string, argument: unknown): Expression | undefined {
  if (name === '$literal') return isPrimitive(argument) ? () => argument : undefined;
  if (name === '$cond') {
    const parts = Array.isArray(argument)
      ? argument
      : isPlainObject(argument)
        ? [argument.if, argument.then, argument.else]
        : [];
    if (parts.length !== 3) return undefined;
    const [test, then, otherwise] = parts.map((p) => expression(p, false));
    if (!test || !then || !otherwise) return undefined;
    return (doc) => (truthy(test(doc)) ? then(doc) : otherwise(doc));
  }
  if (!Array.isArray(argument)) return undefined;
  const args = argument.map((a) => expression(a, false));
  if (args.some((a) => a === undefined)) return undefined;
  const fns = args as Expression[];
  const [a, b] = fns;
  switch (name) {
    case '$ifNull':
      return (doc) => {
        let value: unknown;
        for (const fn of fns) {
          value = fn(doc);
          if (!isNil(value)) return value;
        }
        return value;
      };
    case '$and':
      return (doc) => fns.every((fn) => truthy(fn(doc)));
    case '$or':
      return (doc) => fns.some((fn) => truthy(fn(doc)));
  }
  if (fns.length !== 2 || !a || !b) return undefined;
  switch (name) {
    case '$eq':
      return (doc) => equal(a(doc), b(doc));
    case '$ne':
      return (doc) => !equal(a(doc), b(doc));
    case '$gt':
      return (doc) => order(a(doc), b(doc), (x, y) => x > y, false);
    case '$gte':
      return (doc) => order(a(doc), b(doc), (x, y) => x >= y, true);
    case '$lt':
      return (doc) => order(a(doc), b(doc), (x, y) => x < y, false);
    case '$lte':
      return (doc) => order(a(doc), b(doc), (x, y) => x <= y, true);
    case '$in':
      return (doc) => {
        const item = b(doc);
        const needle = a(doc);
        if (!Array.isArray(item) || !isPrimitive(needle)) throw new NotCompiled();
        for (const v of item) {
          if (!isPrimitive(v)) throw new NotCompiled();
          if (same(v, needle)) return true;
        }
        return false;
      };
    default:
      return undefined;
  }
}

/** mingo's `isEqual` on primitives (NaN equals NaN), with null and missing equal to each other. */
function same(x: unknown, y: unknown): boolean {
  return x === y || (Number.isNaN(x) && Number.isNaN(y));
}

function equal(x: unknown, y: unknown): boolean {
  if (!isPrimitive(x) || !isPrimitive(y)) throw new NotCompiled();
  return same(x, y) || (isNil(x) && isNil(y));
}

/** Order comparisons hold only between values of one type; numbers and nothing-at-all are covered here. */
function order(
  x: unknown,
  y: unknown,
  compare: (x: number, y: number) => boolean,
  orEqual: boolean,
): boolean {
  if (isNumber(x) && isNumber(y)) return compare(x, y);
  if (!isPrimitive(x) || !isPrimitive(y) || Number.isNaN(x) || Number.isNaN(y)) throw new NotCompiled();
  if (x === null || x === undefined) return x === y && orEqual;
  if (typeof x === typeof y) throw new NotCompiled();
  return false;
}

function path(selector: string): Expression | undefined {
  const parts = selector.split('.');
  if (parts.some((p) => !NAME.test(p) || reserved(p))) return undefined;
  const [head, ...rest] = parts;
  if (head === undefined) return undefined;
  if (rest.length === 0) return (doc) => doc[head];
  return (doc) => {
    let value: unknown = doc[head];
    for (const part of rest) {
      if (isNil(value)) return undefined;
      if (!isPlainObject(value)) throw new NotCompiled();
      value = value[part];
    }
    return value;
  };
}
