/** Writes through the real SDK: add, set, update operators, multi updates and removes, errors, atomicity. */
import { codeOf, type Emulator, startEmulator } from './support';

let emulator: Emulator;
let db: ReturnType<Emulator['app']['database']>;
let collections = 0;

/** A fresh collection per test keeps tests independent. */
async function freshCollection(): Promise<string> {
  collections += 1;
  const name = `w${collections}`;
  await db.createCollection(name);
  return name;
}

async function read(collection: string, id: string): Promise<unknown> {
  const { data } = await db.collection(collection).doc(id).get();
  return data[0];
}

beforeAll(async () => {
  emulator = await startEmulator();
  db = emulator.app.database();
});
afterAll(() => emulator.close());

describe('add', () => {
  test('one document gets a generated id; many keep theirs', async () => {
    const name = await freshCollection();
    const one = await db.collection(name).add({ title: '太极拳' });
    expect(one.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await read(name, one.id as string)).toEqual({ _id: one.id, title: '太极拳' });
    const many = await db.collection(name).add([{ _id: 'k1', n: 1 }, { n: 2 }]);
    expect(many.ids).toHaveLength(2);
    expect(many.ids?.[0]).toBe('k1');
    expect((await db.collection(name).count()).total).toBe(3);
  });

  test('serverDate becomes the server clock plus the offset, stored and returned as a Date', async () => {
    const name = await freshCollection();
    const before = Date.now();
    const { id } = await db
      .collection(name)
      .add({ at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) });
    const after = Date.now();
    const doc = (await read(name, id as string)) as { at: Date; later: Date };
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(doc.at.getTime()).toBeLessThanOrEqual(after);
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000);
  });

  test('a duplicate _id fails with DATABASE_DUPLICATE_WRITE and the whole batch is left out', async () => {
    const name = await freshCollection();
    await db.collection(name).add({ _id: 'taken', n: 1 });
    const error = await db
      .collection(name)
      .add([{ _id: 'fresh' }, { _id: 'taken' }])
      .catch((e: unknown) => e);
    expect(codeOf(error)).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await db.collection(name).count()).total).toBe(1);
    expect(await read(name, 'taken')).toEqual({ _id: 'taken', n: 1 });
  });
});

describe('doc().set()', () => {
  test('replaces the whole document, or creates it', async () => {
    const name = await freshCollection();
    await db.collection(name).add({ _id: 'a', x: 1, y: 2 });
    const replaced = await db.collection(name).doc('a').set({ z: 3 });
    expect(replaced.updated).toBe(1);
    expect(await read(name, 'a')).toEqual({ _id: 'a', z: 3 });
    const created = await db
      .collection(name)
      .doc('b')
      .set({ z: 4, at: new Date('2024-05-01T08:00:00Z') });
    expect(created.upsertedId).toBe('b');
    expect(await read(name, 'b')).toEqual({ _id: 'b', z: 4, at: new Date('2024-05-01T08:00:00Z') });
  });
});

describe('update operators', () => {
  test('set, inc, mul, min, max, remove, nested merge', async () => {
    const name = await freshCollection();
    await db.collection(name).add({
      _id: 'd',
      n: 5,
      price: 3,
      low: 10,
      high: 10,
      gone: true,
      profile: { nick: 'A', city: 'Huzhou' },
    });
    const _ = db.command;
    const result = await db
      .collection(name)
      .doc('d')
      .update({
        n: _.inc(2),
        price: _.mul(4),
        low: _.min(7),
        high: _.max(8),
        gone: _.remove(),
        profile: { nick: 'B' },
        'meta.source': 'app',
        replaced: _.set({ only: 1 }),
      });
    expect(result.updated).toBe(1);
    expect(await read(name, 'd')).toEqual({
      _id: 'd',
      n: 7,
      price: 12,
      low: 7,
      high: 10,
      profile: { nick: 'B', city: 'Huzhou' },
      meta: { source: 'app' },
      replaced: { only: 1 },
    });
  });

  test('push (one and each), pull (value and condition), addToSet (one and $each)', async () => {
    const name = await freshCollection();
    await db.collection(name).add({
      _id: 'd',
      list: [1],
      many: [],
      drop: [1, 2, 3, 2],
      items: [{ q: 1 }, { q: 5 }],
      set: ['a'],
    });
    const _ = db.command;
    await db
      .collection(name)
      .doc('d')
      .update({
        list: _.push(2),
        many: _.push({ each: [3, 4] }),
        drop: _.pull(2),
        items: _.pull({ q: _.gt(2) }),
        set: _.addToSet('a'),
      });
    await db
      .collection(name)
      .doc('d')
      .update({ set: _.addToSet({ $each: ['b', 'a', 'c'] }) });
    expect(await read(name, 'd')).toEqual({
      _id: 'd',
      list: [1, 2],
      many: [3, 4],
      drop: [1, 3],
      items: [{ q: 1 }],
      set: ['a', 'b', 'c'],
    });
  });

  test('serverDate inside an update', async () => {
    const name = await freshCollection();
    await db.collection(name).add({ _id: 'd' });
    const before = Date.now();
    await db.collection(name).doc('d').update({ seenAt: db.serverDate() });
    const doc = (await read(name, 'd')) as { seenAt: Date };
    expect(doc.seenAt).toBeInstanceOf(Date);
    expect(doc.seenAt.getTime()).toBeGreaterThanOrEqual(before);
  });

  test('an update that changes nothing reports updated: 0; a missing doc too', async () => {
    const name = await freshCollection();
    await db.collection(name).add({ _id: 'd', status: 'open' });
    expect((await db.collection(name).doc('d').update({ status: 'open' })).updated).toBe(0);
    expect((await db.collection(name).doc('nobody').update({ status: 'x' })).updated).toBe(0);
  });
});

describe('where() writes', () => {
  test('update and remove touch every match', async () => {
    const name = await freshCollection();
    const _ = db.command;
    await db.collection(name).add([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
      { _id: 'c', n: 3 },
    ]);
    expect(
      (
        await db
          .collection(name)
          .where({ n: _.gte(2) })
          .update({ flag: true })
      ).updated,
    ).toBe(2);
    expect(await read(name, 'c')).toEqual({ _id: 'c', n: 3, flag: true });
    expect(await read(name, 'a')).toEqual({ _id: 'a', n: 1 });
    expect((await db.collection(name).where({ flag: true }).remove()).deleted).toBe(2);
    expect((await db.collection(name).doc('a').remove()).deleted).toBe(1);
    expect((await db.collection(name).doc('a').remove()).deleted).toBe(0);
    expect((await db.collection(name).count()).total).toBe(0);
  });

  test('200 concurrent conditional increments stop exactly at the bound', async () => {
    const name = await freshCollection();
    const _ = db.command;
    await db.collection(name).add({ _id: 'seat', n: 0 });
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        db
          .collection(name)
          .where({ _id: 'seat', n: _.lt(30) })
          .update({ n: _.inc(1) }),
      ),
    );
    expect(results.filter((result) => result.updated === 1)).toHaveLength(30);
    expect(results.filter((result) => result.updated === 0)).toHaveLength(170);
    expect(await read(name, 'seat')).toEqual({ _id: 'seat', n: 30 });
  });
});

describe('concurrent writes', () => {
  test('writes arriving together commit together, but a failing one fails alone', async () => {
    const name = await freshCollection();
    await db.collection(name).add({ _id: 'taken' });
    const attempts = ['a', 'taken', 'b', 'taken', 'c'].map((id) =>
      db
        .collection(name)
        .add({ _id: id })
        .then(
          () => 'ok',
          (error: unknown) => codeOf(error),
        ),
    );
    expect(await Promise.all(attempts)).toEqual([
      'ok',
      'DATABASE_DUPLICATE_WRITE',
      'ok',
      'DATABASE_DUPLICATE_WRITE',
      'ok',
    ]);
    expect((await db.collection(name).orderBy('_id', 'asc').get()).data).toEqual([
      { _id: 'a' },
      { _id: 'b' },
      { _id: 'c' },
      { _id: 'taken' },
    ]);
    // Submitted in one tick, these three certainly share one commit.
    const insert = (id: string) =>
      emulator.database.handle({
        action: 'database.insertDocument',
        collectionName: name,
        data: [JSON.stringify({ _id: id })],
      });
    const replies = await Promise.all([insert('d'), insert('a'), insert('e')]);
    expect(replies.map((reply) => reply.code)).toEqual([undefined, 'DATABASE_DUPLICATE_WRITE', undefined]);
    expect((await db.collection(name).count()).total).toBe(6);
  });
});

describe('where().updateAndReturn()', () => {
  test('returns the document as the update left it: fifty increments at once hand out fifty distinct tickets', async () => {
    const name = await freshCollection();
    await db.collection(name).add({ _id: 'line', ticketSeq: 0, open: true });
    const _ = db.command;
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        db
          .collection(name)
          .where({ _id: 'line', open: true })
          .updateAndReturn({ ticketSeq: _.inc(1) }),
      ),
    );
    expect(replies.every((reply) => reply.updated === 1)).toBe(true);
    const tickets = replies.map((reply) => (reply.doc as { ticketSeq: number }).ticketSeq);
    expect([...tickets].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await read(name, 'line')).toEqual({ _id: 'line', ticketSeq: 50, open: true });
  });

  test('a condition that no longer holds updates nothing and returns no document', async () => {
    const name = await freshCollection();
    await db.collection(name).add({ _id: 'line', ticketSeq: 3, open: false });
    const reply = await db
      .collection(name)
      .where({ _id: 'line', open: true })
      .updateAndReturn({ ticketSeq: db.command.inc(1) });
    expect(reply.updated).toBe(0);
    expect(reply.doc ?? null).toBeNull();
    expect(await read(name, 'line')).toEqual({ _id: 'line', ticketSeq: 3, open: false });
  });
});

describe('collections and errors', () => {
  test('writes to a missing collection fail with DATABASE_COLLECTION_NOT_EXIST', async () => {
    const missing = db.collection('nowhere');
    for (const attempt of [
      () => missing.add({ a: 1 }),
      () => missing.doc('x').set({ a: 1 }),
      () => missing.doc('x').update({ a: 1 }),
      () => missing.where({ a: 1 }).remove(),
    ]) {
      expect(codeOf(await attempt().catch((e: unknown) => e))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    }
  });

  test('creating an existing collection fails with DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    const name = await freshCollection();
    const error = await db.createCollection(name).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  });

  test('listCollections names every collection', async () => {
    const name = await freshCollection();
    const reply = await emulator.database.handle({ action: 'database.listCollections' });
    expect((reply.data as { collections: { name: string }[] }).collections).toContainEqual({ name });
  });

  test('unknown operators, actions and malformed bodies get CloudBase-shaped errors', async () => {
    const name = await freshCollection();
    const badQuery = await db
      .collection(name)
      .where({ a: { $nonsense: 1 } })
      .get()
      .catch((e: unknown) => e);
    expect(codeOf(badQuery)).toBe('DATABASE_REQUEST_FAILED');
    const unsupported = await emulator.app.callFunction({ name: 'x', data: {} }).catch((e: unknown) => e);
    expect(codeOf(unsupported)).toBe('INVALID_PARAM');
    for (const body of [null, 'text', [], { action: 42 }, { action: 'database.getDocument' }]) {
      const reply = await emulator.database.handle(body);
      expect(reply).toEqual({
        requestId: expect.any(String),
        code: 'INVALID_PARAM',
        message: expect.any(String),
      });
    }
    const notEjson = await emulator.database.handle({
      action: 'database.getDocument',
      collectionName: name,
      query: '{not json',
    });
    expect(notEjson.code).toBe('INVALID_PARAM');
  });
});
