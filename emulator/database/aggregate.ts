/** aggregate(): pipeline stages run by mingo; a leading `$match` is served by `matching`, so it can use an index. */
import { Aggregator } from 'mingo';
import { parseRelaxed } from './ejson';
import { DatabaseError, ERROR_CODES, invalidParam } from './errors';
import { MINGO_OPTIONS, matching } from './query';
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

export function aggregate(store: Store, collection: string, pipeline: Doc[]): string[] {
  const [first, ...rest] = pipeline;
  const leadingMatch = first !== undefined && isPlainObject(first.$match) ? first.$match : undefined;
  const input = matching(store, collection, leadingMatch).map((row) => row.doc);
  const stages = leadingMatch === undefined ? pipeline : rest;
  // $lookup reads the other collection whole; a missing one joins nothing, as in MongoDB.
  const collectionResolver = (name: string): Doc[] =>
    store.hasCollection(name) ? store.scan(name, { clauses: [], params: [] }).map((row) => row.doc) : [];
  return new Aggregator(stages, { ...MINGO_OPTIONS, collectionResolver }).run<Doc>(input).map(encodeDoc);
}
