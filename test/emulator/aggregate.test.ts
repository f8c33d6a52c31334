/** aggregate() through the real SDK: every stage the project uses, expected values by hand. */
import { codeOf, type Emulator, startEmulator } from './support';

let emulator: Emulator;
let db: ReturnType<Emulator['app']['database']>;

beforeAll(async () => {
  emulator = await startEmulator();
  db = emulator.app.database();
  await db.createCollection('sales');
  await db.createCollection('centers');
  await db.collection('sales').add([
    { _id: 's1', center: 'A', month: '2024-05', amount: 10, items: ['x', 'y'] },
    { _id: 's2', center: 'A', month: '2024-06', amount: 20, items: ['y'] },
    { _id: 's3', center: 'B', month: '2024-05', amount: 5, items: [] },
    { _id: 's4', center: 'B', month: '2024-05', amount: 15, items: ['z'] },
  ]);
  await db.collection('centers').add([
    { _id: 'A', name: '仁皇山邻里中心' },
    { _id: 'B', name: '龙溪邻里中心' },
  ]);
});
afterAll(() => emulator.close());

const sales = () => db.collection('sales').aggregate();

test('group with every accumulator, then sort', async () => {
  const $ = db.command.aggregate;
  const { data } = await sales()
    .group({
      _id: '$center',
      total: $.sum('$amount'),
      n: $.sum(1),
      mean: $.avg('$amount'),
      least: $.min('$amount'),
      most: $.max('$amount'),
      firstAmount: $.first('$amount'),
      lastAmount: $.last('$amount'),
      amounts: $.push('$amount'),
      months: $.addToSet('$month'),
    })
    .sort({ _id: 1 })
    .end();
  const rows = data as { months: string[] }[];
  for (const row of rows) row.months.sort();
  expect(rows).toEqual([
    {
      _id: 'A',
      total: 30,
      n: 2,
      mean: 15,
      least: 10,
      most: 20,
      firstAmount: 10,
      lastAmount: 20,
      amounts: [10, 20],
      months: ['2024-05', '2024-06'],
    },
    {
      _id: 'B',
      total: 20,
      n: 2,
      mean: 10,
      least: 5,
      most: 15,
      firstAmount: 5,
      lastAmount: 15,
      amounts: [5, 15],
      months: ['2024-05'],
    },
  ]);
});

test('match with query commands, project, addFields', async () => {
  const _ = db.command;
  const $ = db.command.aggregate;
  const { data } = await sales()
    .match({ amount: _.gte(10), month: '2024-05' })
    .project({ center: 1, amount: 1 })
    .addFields({ double: $.multiply(['$amount', 2]) })
    .end();
  expect(data).toEqual([
    { _id: 's1', center: 'A', amount: 10, double: 20 },
    { _id: 's4', center: 'B', amount: 15, double: 30 },
  ]);
});

test('sort, skip, limit', async () => {
  const { data } = await sales().sort({ amount: -1 }).skip(1).limit(2).project({ _id: 1 }).end();
  expect(data).toEqual([{ _id: 's4' }, { _id: 's1' }]);
});

test('unwind then count', async () => {
  const { data } = await sales().unwind('$items').count('rows').end();
  expect(data).toEqual([{ rows: 4 }]);
  const perItem = await sales().unwind('$items').match({ items: 'y' }).project({ _id: 1 }).end();
  expect(perItem.data).toEqual([{ _id: 's1' }, { _id: 's2' }]);
});

test('lookup joins another collection', async () => {
  const { data } = await sales()
    .match({ month: '2024-06' })
    .lookup({ from: 'centers', localField: 'center', foreignField: '_id', as: 'centerDoc' })
    .project({ _id: 1, centerDoc: 1 })
    .end();
  expect(data).toEqual([{ _id: 's2', centerDoc: [{ _id: 'A', name: '仁皇山邻里中心' }] }]);
});

test('dates survive a pipeline', async () => {
  await db.createCollection('events');
  await db.collection('events').add([
    { _id: 'e1', at: new Date('2024-05-01T02:00:00Z') },
    { _id: 'e2', at: new Date('2024-05-03T02:00:00Z') },
  ]);
  const $ = db.command.aggregate;
  const { data } = await db
    .collection('events')
    .aggregate()
    .group({ _id: null, last: $.max('$at') })
    .end();
  expect(data).toEqual([{ _id: null, last: new Date('2024-05-03T02:00:00Z') }]);
});

test('a missing collection and a forbidden stage fail like CloudBase', async () => {
  const error = await db
    .collection('missing')
    .aggregate()
    .limit(1)
    .end()
    .catch((e: unknown) => e);
  expect(codeOf(error)).toBe('DATABASE_COLLECTION_NOT_EXIST');
  const reply = await emulator.database.handle({
    action: 'database.aggregateDocuments',
    collectionName: 'sales',
    stages: [{ stageKey: '$out', stageValue: '"elsewhere"' }],
  });
  expect(reply.code).toBe('DATABASE_INVALID_OPERRATOR');
});
