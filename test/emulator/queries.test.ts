/** Reads through the real SDK: every query operator, ordering, paging, projection and count, expected by hand. */
import { codeOf, type Emulator, startEmulator } from './support';

let emulator: Emulator;
let db: ReturnType<Emulator['app']['database']>;

const people = [
  {
    _id: 'p1',
    name: 'Ann',
    age: 30,
    tags: ['a', 'b'],
    address: { city: 'Huzhou', zip: 313000 },
    scores: [
      { s: 5, k: 'x' },
      { s: 9, k: 'y' },
    ],
    born: new Date('1990-01-01T00:00:00Z'),
  },
  {
    _id: 'p2',
    name: 'Bob',
    age: 25,
    tags: ['b'],
    address: { city: 'Hangzhou', zip: 310000 },
    scores: [{ s: 3, k: 'x' }],
    born: new Date('1995-06-01T00:00:00Z'),
  },
  {
    _id: 'p3',
    name: 'Cai',
    age: 35,
    tags: [],
    address: { city: 'Huzhou', zip: 313100 },
    nick: 'C',
    born: new Date('1985-03-01T00:00:00Z'),
  },
  {
    _id: 'p4',
    name: 'Dai',
    age: 25,
    tags: ['a', 'c', 'd'],
    address: { city: 'Ningbo', zip: 315000 },
    nick: null,
  },
];

beforeAll(async () => {
  emulator = await startEmulator();
  db = emulator.app.database();
  await db.createCollection('people');
  await db.collection('people').add(people);
});
afterAll(() => emulator.close());

async function ids(query: object): Promise<string[]> {
  const { data } = await db.collection('people').where(query).get();
  return (data as { _id: string }[]).map((doc) => doc._id);
}

describe('comparison operators', () => {
  test('eq, neq, gt, gte, lt, lte', async () => {
    const _ = db.command;
    expect(await ids({ age: 25 })).toEqual(['p2', 'p4']);
    expect(await ids({ age: _.eq(25) })).toEqual(['p2', 'p4']);
    expect(await ids({ age: _.neq(25) })).toEqual(['p1', 'p3']);
    expect(await ids({ age: _.gt(25) })).toEqual(['p1', 'p3']);
    expect(await ids({ age: _.gte(30) })).toEqual(['p1', 'p3']);
    expect(await ids({ age: _.lt(30) })).toEqual(['p2', 'p4']);
    expect(await ids({ age: _.lte(25) })).toEqual(['p2', 'p4']);
  });

  test('in and nin', async () => {
    const _ = db.command;
    expect(await ids({ name: _.in(['Ann', 'Dai']) })).toEqual(['p1', 'p4']);
    expect(await ids({ age: _.nin([25, 35]) })).toEqual(['p1']);
  });

  test('dates compare as dates and come back as Date objects', async () => {
    const _ = db.command;
    expect(await ids({ born: _.gte(new Date('1990-01-01T00:00:00Z')) })).toEqual(['p1', 'p2']);
    const { data } = await db.collection('people').doc('p2').get();
    const born: unknown = data[0].born;
    expect(born).toBeInstanceOf(Date);
    expect((born as Date).toISOString()).toBe('1995-06-01T00:00:00.000Z');
  });
});

describe('logical operators', () => {
  test('and, both as a command and chained on a field', async () => {
    const _ = db.command;
    expect(await ids(_.and([{ age: _.gte(25) }, { age: _.lt(35) }]))).toEqual(['p1', 'p2', 'p4']);
    expect(await ids({ age: _.gt(20).and(_.lt(30)) })).toEqual(['p2', 'p4']);
  });

  test('or, both across fields and on one field', async () => {
    const _ = db.command;
    expect(await ids(_.or([{ age: 35 }, { name: 'Bob' }]))).toEqual(['p2', 'p3']);
    expect(await ids({ age: _.eq(25).or(_.eq(35)) })).toEqual(['p2', 'p3', 'p4']);
  });

  test('nor', async () => {
    const _ = db.command;
    expect(await ids(_.nor([{ age: 25 }, { name: 'Ann' }]))).toEqual(['p3']);
  });
});

describe('element and array operators', () => {
  test('exists treats null as present', async () => {
    const _ = db.command;
    expect(await ids({ nick: _.exists(true) })).toEqual(['p3', 'p4']);
    expect(await ids({ nick: _.exists(false) })).toEqual(['p1', 'p2']);
  });

  test('array membership, all, elemMatch, size', async () => {
    const _ = db.command;
    expect(await ids({ tags: 'a' })).toEqual(['p1', 'p4']);
    expect(await ids({ tags: _.all(['a', 'b']) })).toEqual(['p1']);
    expect(await ids({ scores: _.elemMatch({ s: _.gt(4), k: 'y' }) })).toEqual(['p1']);
    expect(await ids({ scores: _.elemMatch({ s: _.gt(4), k: 'x' }) })).toEqual(['p1']);
    expect(await ids({ 'scores.k': 'x' })).toEqual(['p1', 'p2']);
    expect(await ids({ tags: _.size(1) })).toEqual(['p2']);
    expect(await ids({ tags: _.size(0) })).toEqual(['p3']);
  });

  test('dotted paths and nested objects', async () => {
    const _ = db.command;
    expect(await ids({ 'address.city': 'Huzhou' })).toEqual(['p1', 'p3']);
    expect(await ids({ address: { city: 'Huzhou' } })).toEqual(['p1', 'p3']);
    expect(await ids({ 'address.zip': _.gte(313000) })).toEqual(['p1', 'p3', 'p4']);
  });
});

describe('ordering, paging, projection, count', () => {
  test('orderBy on several keys', async () => {
    const { data } = await db.collection('people').orderBy('age', 'asc').orderBy('name', 'desc').get();
    expect((data as { _id: string }[]).map((doc) => doc._id)).toEqual(['p4', 'p2', 'p1', 'p3']);
  });

  test('skip and limit page after sorting', async () => {
    const { data } = await db
      .collection('people')
      .orderBy('age', 'asc')
      .orderBy('name', 'asc')
      .skip(1)
      .limit(2)
      .get();
    expect((data as { _id: string }[]).map((doc) => doc._id)).toEqual(['p4', 'p1']);
  });

  test('skip and limit without sorting page the matches in insertion order, with or without field()', async () => {
    const _ = db.command;
    const adults = db.collection('people').where({ age: _.gte(25) });
    const page = await adults.skip(1).limit(2).get();
    expect(page.data.map((d: { _id: string }) => d._id)).toEqual(['p2', 'p3']);
    const named = await adults.skip(2).limit(5).field({ name: true }).get();
    expect(named.data).toEqual([
      { _id: 'p3', name: 'Cai' },
      { _id: 'p4', name: 'Dai' },
    ]);
    expect((await adults.skip(4).get()).data).toEqual([]);
  });

  test('field includes or excludes', async () => {
    const included = await db.collection('people').doc('p1').field({ name: true }).get();
    expect(included.data).toEqual([{ _id: 'p1', name: 'Ann' }]);
    const excluded = await db
      .collection('people')
      .where({ _id: 'p4' })
      .field({ tags: false, address: false, nick: false })
      .get();
    expect(excluded.data).toEqual([{ _id: 'p4', name: 'Dai', age: 25 }]);
  });

  test('count with and without a condition', async () => {
    const _ = db.command;
    expect((await db.collection('people').count()).total).toBe(4);
    expect(
      (
        await db
          .collection('people')
          .where({ age: _.gte(30) })
          .count()
      ).total,
    ).toBe(2);
  });

  test('count agrees with get() whatever the condition reads, db.RegExp included', async () => {
    const _ = db.command;
    const conditions: [object, string[]][] = [
      [{ 'address.city': 'Huzhou' }, ['p1', 'p3']],
      [{ age: _.gte(30).and(_.lt(40)) }, ['p1', 'p3']],
      [_.or([{ name: 'Ann' }, { 'address.zip': _.gt(314000) }]), ['p1', 'p4']],
      [{ nick: _.exists(false) }, ['p1', 'p2']],
      [{ name: db.RegExp({ regexp: '^[AB]' }) }, ['p1', 'p2']],
      [{ name: db.RegExp({ regexp: '^a', options: 'i' }) }, ['p1']],
      [{ tags: _.all(['a']) }, ['p1', 'p4']],
    ];
    for (const [condition, ids] of conditions) {
      const found = await db.collection('people').where(condition).get();
      expect(found.data.map((d: { _id: string }) => d._id)).toEqual(ids);
      expect((await db.collection('people').where(condition).count()).total).toBe(ids.length);
    }
  });

  test('doc().get() of a missing id is an empty list', async () => {
    expect((await db.collection('people').doc('nobody').get()).data).toEqual([]);
  });

  test('limit defaults to 100 and is clamped to 1000 on the server', async () => {
    await db.createCollection('many');
    const batch = Array.from({ length: 1200 }, (_, i) => ({ i }));
    await db.collection('many').add(batch);
    expect((await db.collection('many').get()).data).toHaveLength(100);
    expect((await db.collection('many').limit(250).get()).data).toHaveLength(250);
    const raw = await emulator.database.handle({
      action: 'database.getDocument',
      collectionName: 'many',
      queryType: 'WHERE',
      limit: 5000,
    });
    expect((raw.data as { list: unknown[] }).list).toHaveLength(1000);
  });

  test('reading a collection that does not exist fails like CloudBase', async () => {
    await expect(db.collection('missing').get()).rejects.toHaveProperty(
      'code',
      'DATABASE_COLLECTION_NOT_EXIST',
    );
    const error = await db
      .collection('missing')
      .count()
      .catch((e: unknown) => e);
    expect(codeOf(error)).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });
});
