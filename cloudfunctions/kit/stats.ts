import { COLLECTIONS } from '../../shared/collections';
import type { Database } from './cloud';
import { insertOnce } from './store';

/**
 * Adds to a center's counters for a month (`stats`, _id = center_month), so summaries read O(centers)
 * documents instead of scanning records. Each call is one atomic `inc`; the document is created on first use.
 * Callers bump only after the conditional write that earns it succeeded, so a retry never counts twice.
 */
export async function bumpStats(
  db: Database,
  centerId: string,
  month: string,
  increments: Record<string, number>,
): Promise<void> {
  const changes = Object.entries(increments).filter(([, n]) => n !== 0);
  if (!changes.length) return;
  const _id = `${centerId}_${month}`;
  const patch = Object.fromEntries(changes.map(([field, n]) => [field, db.command.inc(n)]));
  const res: { updated?: number } = await db.collection(COLLECTIONS.stats).doc(_id).update(patch);
  if (res.updated === 1) return;
  await insertOnce(db, COLLECTIONS.stats, { _id, centerId, month });
  await db.collection(COLLECTIONS.stats).doc(_id).update(patch);
}
