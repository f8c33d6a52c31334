/**
 * Typed calls for tests: the event is built from the shared contract, the reply typed with it. For deliberately
 * malformed events use `stack.call` directly.
 */
import { localDatabase } from '../../emulator/client';
import { ALL_COLLECTIONS } from '../../shared/collections';
import type { ActionName, FunctionName, InputOf, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { Stack } from './stack';

export type Caller = <F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A> & { requestId?: string },
) => Promise<Result<OutputOf<F, A>>>;

export async function callerFor(stack: Stack, personaOrOpenid: string): Promise<Caller> {
  const token = await stack.session(personaOrOpenid);
  return async (fn, action, input) => (await stack.call(fn, { ...input, action }, token)) as Result<never>;
}

/** The data of a successful result, or a thrown error showing what came back instead. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.data;
}

/** Direct database access for fixtures that only time could produce (a deadline passing, an invite expiring). */
export function fixtureDatabase(stack: Stack) {
  return localDatabase(`${stack.url}/admin`);
}

/** Everything a call could have written: the document count of every collection. */
export async function collectionCounts(stack: Stack): Promise<Record<string, number>> {
  const db = fixtureDatabase(stack);
  const counts: Record<string, number> = {};
  for (const name of ALL_COLLECTIONS)
    counts[name] = ((await db.collection(name).count()) as { total?: number }).total ?? -1;
  return counts;
}
