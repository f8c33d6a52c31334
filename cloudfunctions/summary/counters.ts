import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import {
  type Counters,
  emptyCounters,
  STAT_FIELDS,
  type StatField,
  toCounters,
} from '../../shared/rules/stats';
import { type Database, readMany } from '../kit';

/** CloudBase returns at most this many rows from one aggregate call, and only with an explicit `limit`. */
export const AGGREGATE_ROWS = 10_000;

const statsDocSchema = z.looseObject({ _id: z.string(), centerId: z.string(), month: z.string() });

/** The stored counters of these centers in these months, keyed `centerId_month`. */
export async function countersOf(
  db: Database,
  centerIds: readonly string[],
  months: readonly string[],
): Promise<Map<string, Counters>> {
  const out = new Map<string, Counters>();
  if (!centerIds.length || !months.length) return out;
  const _ = db.command;
  // A street holds a few dozen centers at most: centers × months stays far below one page.
  const docs = await readMany(
    db,
    COLLECTIONS.stats,
    { centerId: _.in([...centerIds]), month: _.in([...months]) },
    statsDocSchema,
  );
  for (const doc of docs) out.set(`${doc.centerId}_${doc.month}`, toCounters(doc));
  return out;
}

export const counterKey = (centerId: string, month: string) => `${centerId}_${month}`;

/**
 * Counters of the given months summed in the database, grouped by `centerId` or by `month`: the city's
 * summary reads one row per center (or month) instead of every center's every month.
 */
export async function sumCountersBy(
  db: Database,
  by: 'centerId' | 'month',
  months: readonly string[],
  fields: readonly StatField[] = STAT_FIELDS,
): Promise<Map<string, Counters>> {
  const _ = db.command;
  const $ = _.aggregate;
  const sums = Object.fromEntries(fields.map((f) => [f, $.sum(`$${f}`)]));
  const match = { month: _.in([...months]) };
  const res: { data?: Record<string, unknown>[] } = await db
    .collection(COLLECTIONS.stats)
    .aggregate()
    .match(match)
    .group({ _id: `$${by}`, ...sums })
    .limit(AGGREGATE_ROWS)
    .end();
  const out = new Map<string, Counters>();
  for (const row of res.data ?? []) out.set(String(row._id), toCounters(row));
  return out;
}

export const countersAt = (map: Map<string, Counters>, key: string): Counters =>
  map.get(key) ?? emptyCounters();
