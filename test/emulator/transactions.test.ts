/** Transactions through the real SDK: commit, rollback, throw, isolation, conflicts, no lost update, expiry. */
import { codeOf, type Emulator, startEmulator, type TransactionHandle } from './support';

let emulator: Emulator;
let db: ReturnType<Emulator['app']['database']>;
let collections = 0;

async function freshCollection(docs: object[]): Promise<string> {
  collections += 1;
  const name = `t${collections}`;
  await db.createCollection(name);
  if (docs.length > 0) await db.collection(name).add(docs);
  return name;
}

async function all(collection: string): Promise<unknown[]> {
  return (await db.collection(collection).orderBy('_id', 'asc').get()).data;
}

beforeAll(async () => {
  emulator = await startEmulator();
  db = emulator.app.database();
});
afterAll(() => emulator.close());

test('runTransaction commits every write together and returns the callback result', async () => {
  const name = await freshCollection([{ _id: 'counter', n: 1 }]);
  const _ = db.command;
  const result = await db.runTransaction(async (transaction: TransactionHandle) => {
    const counters = transaction.collection(name);
    await counters.doc('counter').update({ n: _.inc(1) });
    const seen = await counters.doc('counter').get();
    await counters.add({ _id: 'log', saw: (seen.data as { n: number }).n });
    await counters.doc('created').set({ by: 'set' });
    return 'done';
  });
  expect(result).toBe('done');
  expect(await all(name)).toEqual([
    { _id: 'counter', n: 2 },
    { _id: 'created', by: 'set' },
    { _id: 'log', saw: 2 },
  ]);
});

test('writes stay invisible outside until commit', async () => {
  const name = await freshCollection([{ _id: 'd', v: 'old' }]);
  const transaction = await db.startTransaction();
  await transaction.collection(name).doc('d').update({ v: 'new' });
  await transaction.collection(name).doc('gone').remove();
  expect(await all(name)).toEqual([{ _id: 'd', v: 'old' }]);
  await transaction.commit();
  expect(await all(name)).toEqual([{ _id: 'd', v: 'new' }]);
});

test('rollback leaves nothing behind and rejects with the rollback reason', async () => {
  const name = await freshCollection([{ _id: 'd', v: 1 }]);
  const outcome = db.runTransaction(async (transaction: TransactionHandle) => {
    await transaction.collection(name).doc('d').update({ v: 2 });
    await transaction.collection(name).add({ _id: 'new' });
    await transaction.collection(name).doc('d').remove();
    await transaction.rollback('changed my mind');
  });
  await expect(outcome).rejects.toBe('changed my mind');
  expect(await all(name)).toEqual([{ _id: 'd', v: 1 }]);
});

test('a throw inside runTransaction leaves nothing behind', async () => {
  const name = await freshCollection([{ _id: 'd', v: 1 }]);
  const outcome = db.runTransaction(async (transaction: TransactionHandle) => {
    await transaction.collection(name).doc('d').update({ v: 2 });
    await transaction.collection(name).add({ _id: 'new' });
    throw new Error('boom');
  });
  await expect(outcome).rejects.toThrow('boom');
  expect(await all(name)).toEqual([{ _id: 'd', v: 1 }]);
});

test('two overlapping read-then-write increments both land (no lost update)', async () => {
  const name = await freshCollection([{ _id: 'counter', n: 0 }]);
  // Both first attempts read before either writes, so they truly overlap; retries pass the gate at once.
  let readers = 0;
  let release = () => {};
  const bothRead = new Promise<void>((resolve) => {
    release = resolve;
  });
  const increment = () =>
    db.runTransaction(async (transaction: TransactionHandle) => {
      const { data } = await transaction.collection(name).doc('counter').get();
      readers += 1;
      if (readers === 2) release();
      await bothRead;
      await transaction
        .collection(name)
        .doc('counter')
        .update({ n: (data as { n: number }).n + 1 });
    });
  const conflictsBefore = emulator.errorCodes.filter(
    (code) => code === 'DATABASE_TRANSACTION_CONFLICT',
  ).length;
  await Promise.all([increment(), increment()]);
  expect(await all(name)).toEqual([{ _id: 'counter', n: 2 }]);
  // The loser saw a conflict and the SDK ran it again.
  const conflicts = emulator.errorCodes.filter((code) => code === 'DATABASE_TRANSACTION_CONFLICT').length;
  expect(conflicts).toBe(conflictsBefore + 1);
  expect(readers).toBe(3);
});

test('two open transactions writing one document: the first commit wins, the second conflicts', async () => {
  const name = await freshCollection([{ _id: 'd', v: 0 }]);
  const first = await db.startTransaction();
  const second = await db.startTransaction();
  await first.collection(name).doc('d').update({ v: 1 });
  await second.collection(name).doc('d').update({ v: 2 });
  await first.commit();
  const error = await second.commit().catch((e: unknown) => e);
  expect(codeOf(error)).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await all(name)).toEqual([{ _id: 'd', v: 1 }]);
});

test('a commit after someone else changed what the transaction read is a conflict, and writes nothing', async () => {
  const name = await freshCollection([{ _id: 'd', v: 0 }]);
  const transaction = await db.startTransaction();
  await transaction.collection(name).doc('d').get();
  await transaction.collection(name).add({ _id: 'side' });
  await db.collection(name).doc('d').update({ v: 5 });
  const error = await transaction.commit().catch((e: unknown) => e);
  expect(codeOf(error)).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(await all(name)).toEqual([{ _id: 'd', v: 5 }]);
});

test('a duplicate insert inside a transaction fails', async () => {
  const name = await freshCollection([{ _id: 'd' }]);
  const error = await db
    .runTransaction(async (transaction: TransactionHandle) => {
      await transaction.collection(name).add({ _id: 'd' });
    })
    .catch((e: unknown) => e);
  expect(codeOf(error)).toBe('DATABASE_DUPLICATE_WRITE');
});

test('only single-document operations by _id are allowed inside', async () => {
  const name = await freshCollection([{ _id: 'd', v: 1 }]);
  const transaction = await db.startTransaction();
  const error = await transaction
    .collection(name)
    .where({ v: 1 })
    .get()
    .catch((e: unknown) => e);
  expect(codeOf(error)).toBe('DATABASE_TRANSACTION_FAIL');
  await transaction.rollback();
});

test('a transaction nobody commits expires after 30 s and its writes are dropped', async () => {
  const name = await freshCollection([{ _id: 'd', v: 1 }]);
  const transaction = await db.startTransaction();
  await transaction.collection(name).doc('d').update({ v: 2 });
  const realNow = Date.now;
  const start = realNow();
  Date.now = () => start + 31_000;
  try {
    const error = await transaction.commit().catch((e: unknown) => e);
    expect(codeOf(error)).toBe('DATABASE_TRANSACTION_FAIL');
  } finally {
    Date.now = realNow;
  }
  expect(await all(name)).toEqual([{ _id: 'd', v: 1 }]);
});
