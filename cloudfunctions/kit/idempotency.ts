import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import { AppError, type Result } from '../../shared/errors';
import type { Database } from './cloud';
import { insertOnce, readDoc, updateWhere } from './store';

/** How long a claimed request may stay unfinished before a retry may take it over (longer than any timeout). */
const CLAIM_TTL_MS = 120_000;
/** How long a finished result is kept for retries. */
const RESULT_TTL_MS = 7 * 24 * 3600_000;

const requestRecordSchema = z.object({
  _id: z.string(),
  status: z.enum(['pending', 'done']),
  result: z.unknown().optional(),
  expiresAt: z.coerce.date(),
});

export const requestKey = (fn: string, action: string, openid: string, requestId: string) =>
  `${fn}.${action}.${openid}.${requestId}`;

/**
 * Runs `work` at most once per request key and returns the first result to every retry.
 * The claim is an insert with a deterministic _id, so of two racing retries only one runs; a claim left behind by
 * a crash expires and may then be taken over. Results that a retry could change (internal failures) are not kept.
 */
export async function once<T>(
  db: Database,
  key: string,
  now: Date,
  work: () => Promise<Result<T>>,
): Promise<Result<T>> {
  const requests = db.collection(COLLECTIONS.requests);
  const claimed = await insertOnce(db, COLLECTIONS.requests, {
    _id: key,
    status: 'pending',
    expiresAt: new Date(now.getTime() + CLAIM_TTL_MS),
  });
  if (!claimed) {
    const existing = await readDoc(db, COLLECTIONS.requests, key, requestRecordSchema);
    if (!existing) throw new AppError('BUSY');
    if (existing.status === 'done') return existing.result as Result<T>;
    if (existing.expiresAt.getTime() > now.getTime())
      throw new AppError('BUSY', '上一次提交还在处理中，请稍后再试');
    const takenOver = await updateWhere(
      db,
      COLLECTIONS.requests,
      { _id: key, status: 'pending', expiresAt: db.command.lte(existing.expiresAt) },
      { expiresAt: new Date(now.getTime() + CLAIM_TTL_MS) },
    );
    if (takenOver === 0) throw new AppError('BUSY', '上一次提交还在处理中，请稍后再试');
  }

  let result: Result<T>;
  try {
    result = await work();
  } catch (error) {
    await requests.doc(key).remove();
    throw error;
  }
  if (!result.ok && result.error.code === 'INTERNAL') {
    await requests.doc(key).remove();
  } else {
    await requests
      .doc(key)
      .update({ status: 'done', result, expiresAt: new Date(now.getTime() + RESULT_TTL_MS) });
  }
  return result;
}
