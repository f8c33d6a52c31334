/**
 * aggregate(): pipeline stages run by mingo; a leading `$match` is served by the SQL pre-filter, so it can use an
 * index, and when the pipeline names every field it reads (fields.ts) only those fields are read from SQLite.
 */
import { Aggregator } from 'mingo';
import type { Options } from 'mingo/types';
import { parseRelaxed } from './ejson';
import { DatabaseError, ERROR_CODES, invalidParam } from './errors';
import { fieldsRead, MAX_NARROW_FIELDS } from './fields';
import { compileGroup, NotCompiled } from './group';
import { MINGO_OPTIONS, matching, matchingFields, nativeRegExps } from './query';
import type { Store } from './store';
import { type Doc, encodeDoc, isPlainObject, resolveServerDates } from './wire';

/** The SDK's stage builders, minus `$geoNear` (no geo support here). `$out`/`$merge` would write: not offered. */
const STAGES = new Set([
  '$match',
  '$group',
  '$project',
  '$addFields',
  '$sort',
  '$skip',
  '$limit',
  '$unwind',
  '$count',
  '$lookup',
  '$replaceRoot',
  '$sortByCount',
  '$sample',
  '$bucket',
  '$bucketAuto',
]);

/** Stages arrive as `[{ stageKey: "$match", stageValue: "<EJSON or JSON>" }]`. */
export function parseStages(input: unknown, now: number): Doc[] {
  if (!Array.isArray(input)) throw invalidParam('stages must be an array');
  return input.map((stage: unknown) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string' || typeof stage.stageValue !== 'string') {
      throw invalidParam('each stage needs stageKey and stageValue strings');
    }
    if (!STAGES.has(stage.stageKey)) {
      throw new DatabaseError(ERROR_CODES.invalidOperator, `unsupported aggregation stage ${stage.stageKey}`);
    }
    let value: unknown;
    try {
      value = resolveServerDates(parseRelaxed(stage.stageValue), now);
    } catch (error) {
      throw invalidParam(`stage ${stage.stageKey} is not valid EJSON: ${String(error)}`);
    }
    return { [stage.stageKey]: value };
  });
}

/**
 * CloudBase answers at most 20 rows from a pipeline without a `$limit` stage and at most 10,000 from one with it;
 * callers that need more page with `$skip`/`$limit`.
 */
export const DEFAULT_AGGREGATE_ROWS = 20;
export const MAX_AGGREGATE_ROWS = 10_000;

export function aggregate(store: Store, collection: string, pipeline: Doc[]): string[] {
  const [first, ...rest] = pipeline;
  const leadingMatch = first !== undefined && isPlainObject(first.$match) ? first.$match : undefined;
  const named = fieldsRead(pipeline);
  const fields = named !== undefined && named.length <= MAX_NARROW_FIELDS ? named : undefined;
  const input =
    fields === undefined
      ? matching(store, collection, leadingMatch).map((row) => row.doc)
      : matchingFields(store, collection, leadingMatch, fields);
  const stages = leadingMatch === undefined ? pipeline : rest;
  // $lookup reads the other collection whole; a missing one joins nothing, as in MongoDB.
  const collectionResolver = (name: string): Doc[] =>
    store.hasCollection(name) ? store.scan(name, { clauses: [], params: [] }).map((row) => row.doc) : [];
  const rows = pipeline.some((stage) => '$limit' in stage) ? MAX_AGGREGATE_ROWS : DEFAULT_AGGREGATE_ROWS;
  return runStages(input, nativeRegExps(stages), { ...MINGO_OPTIONS, collectionResolver })
    .slice(0, rows)
    .map(encodeDoc);
}

/** Runs the stages in order: `$group` stages compiled where group.ts covers them, everything else by mingo. */
function runStages(input: Doc[], stages: Doc[], options: Partial<Options>): Doc[] {
  let docs = input;
  let pending: Doc[] = [];
  const runPending = () => {
    if (pending.length > 0) docs = new Aggregator(pending, options).run<Doc>(docs);
    pending = [];
  };
  for (const stage of stages) {
    const group = '$group' in stage ? compileGroup(stage.$group) : undefined;
    if (group === undefined) {
      pending.push(stage);
      continue;
    }
    runPending();
    try {
      docs = group(docs);
    } catch (error) {
      if (!(error instanceof NotCompiled)) throw error;
      pending.push(stage);
    }
  }
  runPending();
  return docs;
}
