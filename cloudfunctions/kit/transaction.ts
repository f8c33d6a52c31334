import type { z } from 'zod';
import type { Database } from './cloud';

/** The single-document operations CloudBase allows inside a transaction, as the SDK exposes them. */
export interface TxDocument {
  get(): Promise<{ data: unknown }>;
  set(data: object): Promise<unknown>;
  update(data: object): Promise<{ updated?: number }>;
  remove(): Promise<unknown>;
}
export interface Transaction {
  collection(name: string): { doc(id: string): TxDocument; add(data: object): Promise<unknown> };
}

/**
 * Thrown inside a transaction when something read before it has moved on: the transaction rolls back and the
 * caller reads again and retries the whole step (see `retryStep`).
 */
export class StaleRead extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StaleRead';
  }
}

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
const isConflict = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === CONFLICT;

const backOff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));

/** Runs a read-then-transact step again while its transaction reports a stale read. */
export async function retryStep<T>(step: () => Promise<T>, attempts = 40): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof StaleRead) || attempt >= attempts) throw error;
      await backOff(attempt);
    }
  }
}

/**
 * Runs `work` in a CloudBase transaction and retries it on conflict with a short jittered back-off. The SDK's
 * own retry is immediate and gives up after a few tries; under a crowd at the door a conflict is the normal
 * case, not an error, so we back off and try again (a few dozen times at most).
 */
export async function inTransaction<T>(
  db: Database,
  work: (tx: Transaction) => Promise<T>,
  attempts = 40,
): Promise<T> {
  const run = db.runTransaction as (callback: (tx: Transaction) => Promise<T>, times: number) => Promise<T>;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run.call(db, work, 0);
    } catch (error) {
      if (!isConflict(error) || attempt >= attempts) throw error;
      await backOff(attempt);
    }
  }
}

/** Reads one document inside a transaction and parses it; null when it does not exist. */
export async function txRead<S extends z.ZodType>(
  tx: Transaction,
  collection: string,
  id: string,
  schema: S,
): Promise<z.output<S> | null> {
  const { data } = await tx.collection(collection).doc(id).get();
  return data === null || data === undefined ? null : schema.parse(data);
}
