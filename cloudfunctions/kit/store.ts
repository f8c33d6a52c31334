import * as z from 'zod';
import type { Database } from './cloud';

/** Reads one document by id and parses it; a document that does not match the schema is a bug, not a miss. */
export async function readDoc<S extends z.ZodType>(
  db: Database,
  collection: string,
  id: string,
  schema: S,
): Promise<z.output<S> | null> {
  const res: { data?: unknown[] } = await db.collection(collection).doc(id).get();
  const doc = res.data?.[0];
  return doc === undefined ? null : schema.parse(doc);
}

/** Reads every document matching `query` (up to the platform's 1000-per-call cap) and parses each. */
export async function readMany<S extends z.ZodType>(
  db: Database,
  collection: string,
  query: object,
  schema: S,
  limit = 1000,
): Promise<z.output<S>[]> {
  const res: { data?: unknown[] } = await db.collection(collection).where(query).limit(limit).get();
  return (res.data ?? []).map((doc) => schema.parse(doc));
}

/** `updated` of a conditional update: 1 when the condition held and the write happened, else 0. */
export async function updateWhere(
  db: Database,
  collection: string,
  query: object,
  patch: object,
): Promise<number> {
  const res: { updated?: number } = await db.collection(collection).where(query).update(patch);
  return res.updated ?? 0;
}

/**
 * Inserts a document with a chosen `_id` unless one with that id exists. Returns whether this call inserted it.
 * An insert that fails for any other reason is re-thrown.
 */
export async function insertOnce<T extends { _id: string }>(
  db: Database,
  collection: string,
  doc: T,
): Promise<boolean> {
  try {
    await db.collection(collection).add(doc);
    return true;
  } catch (error) {
    const res: { data?: unknown[] } = await db.collection(collection).doc(doc._id).get();
    if (res.data?.length) return false;
    throw error;
  }
}

const idOnly = z.object({ _id: z.string() });

/**
 * Inserts those of `docs` (at most 1000) whose ids are not there yet: one read and one batch insert. If another
 * writer inserted one of them meanwhile, the batch fails and each is inserted on its own. Returns how many this
 * call inserted (a batch that failed part-way may leave some of them uncounted, never counted twice).
 */
export async function insertMissing(
  db: Database,
  collection: string,
  docs: { _id: string }[],
): Promise<number> {
  if (!docs.length) return 0;
  const there = await readMany(
    db,
    collection,
    { _id: db.command.in(docs.map((d) => d._id)) },
    idOnly,
    docs.length,
  );
  const have = new Set(there.map((d) => d._id));
  const missing = docs.filter((d) => !have.has(d._id));
  if (!missing.length) return 0;
  try {
    await db.collection(collection).add(missing);
    return missing.length;
  } catch {
    let inserted = 0;
    for (const doc of missing) if (await insertOnce(db, collection, doc)) inserted++;
    return inserted;
  }
}
