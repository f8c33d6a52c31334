/**
 * The database thread hands aggregations to reader threads with their own read-only connections. Through the
 * real SDK: an aggregation sees every write acknowledged before it, collections and array-holding indexed paths
 * created after the readers started, and bad pipelines get the same error replies as before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDatabase } from '../../emulator/client';
import { openDatabaseThread, type ThreadedDatabase } from '../../emulator/database/threaded';

jest.setTimeout(60_000);

let dir: string;
let thread: ThreadedDatabase;
let db: ReturnType<typeof localDatabase>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-readers-'));
  thread = await openDatabaseThread({
    file: join(dir, 'database.sqlite'),
    indexes: { tickets: [{ name: 'tag', keys: { tag: 1 } }] },
  });
  db = localDatabase(thread.url);
});

afterAll(async () => {
  await thread?.closed();
  rmSync(dir, { recursive: true, force: true });
});

const countOf = async (collection: string, match: object = {}) => {
  const res = (await db
    .collection(collection)
    .aggregate()
    .match(match)
    .group({ _id: null, n: db.command.aggregate.sum(1) })
    .limit(1)
    .end()) as { data: { n: number }[] };
  return res.data[0]?.n ?? 0;
};

test('each aggregation sees every write acknowledged before it, in a collection made after the readers started', async () => {
  await db.createCollection('tickets');
  for (let i = 1; i <= 30; i++) {
    await db.collection('tickets').add({ _id: `t${i}`, tag: i % 2 ? 'odd' : 'even' });
    expect(await countOf('tickets')).toBe(i);
  }
});

test('writes and aggregations at once: the last aggregation counts them all', async () => {
  await db.createCollection('crowd');
  const writes = Array.from({ length: 200 }, (_, i) => db.collection('crowd').add({ _id: `c${i}`, n: i }));
  const reads = Array.from({ length: 20 }, () => countOf('crowd'));
  await Promise.all([...writes, ...reads]);
  for (const n of await Promise.all(reads)) expect(n).toBeLessThanOrEqual(200);
  expect(await countOf('crowd')).toBe(200);
});

test('an indexed path that starts holding arrays is still matched element-wise by a reader', async () => {
  await db.collection('tickets').add({ _id: 'arr', tag: ['odd', 'special'] });
  expect(await countOf('tickets', { tag: 'special' })).toBe(1);
  expect(await countOf('tickets', { tag: 'odd' })).toBe(16);
});

test('errors come back as CloudBase replies: a missing collection, an unknown stage', async () => {
  await expect(db.collection('nowhere').aggregate().limit(1).end()).rejects.toMatchObject({
    code: 'DATABASE_COLLECTION_NOT_EXIST',
  });
  await expect(
    db
      .collection('tickets')
      .aggregate()
      .addFields({ x: { $nope: 1 } })
      .end(),
  ).rejects.toBeTruthy();
});
