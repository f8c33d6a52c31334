/**
 * aggregate() reads only the fields a pipeline names when it can (emulator/database/fields.ts). Results must be
 * exactly those of running the pipeline over whole documents: checked here against mingo on the whole stored
 * documents, for hand-picked pipelines and for random ones over random documents.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Aggregator } from 'mingo';
import { aggregate, DEFAULT_AGGREGATE_ROWS, MAX_AGGREGATE_ROWS } from '../../emulator/database/aggregate';
import { fieldsRead } from '../../emulator/database/fields';
import { MINGO_OPTIONS } from '../../emulator/database/query';
import { Store } from '../../emulator/database/store';
import { type Doc, encodeDoc } from '../../emulator/database/wire';

let dir: string;
let store: Store;
let collections = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-fields-'));
  store = new Store(join(dir, 'db.sqlite'), { regs: [{ name: 'month', keys: { month: 1 } }] });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh collection holding `docs` (ids added where missing). */
function collectionOf(docs: Doc[]): string {
  const name = `c${++collections}`;
  store.createCollection(name);
  store.transaction(() => {
    for (const [i, doc] of docs.entries())
      store.insert(name, String(doc._id ?? i), { _id: String(i), ...doc });
  });
  return name;
}

/** The pipeline run by mingo over whole documents, capped as CloudBase caps it. */
function overWholeDocuments(collection: string, pipeline: Doc[]): string[] {
  const docs = store.scan(collection, { clauses: [], params: [] }).map((row) => row.doc);
  const rows = pipeline.some((stage) => '$limit' in stage) ? MAX_AGGREGATE_ROWS : DEFAULT_AGGREGATE_ROWS;
  return new Aggregator(pipeline, MINGO_OPTIONS).run<Doc>(docs).slice(0, rows).map(encodeDoc);
}

/** Rows, or the error a pipeline fails with (mingo refuses e.g. `$in` over a non-array). */
function outcome(run: () => string[]): { rows: string[] } | { error: string } {
  try {
    return { rows: run() };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('which fields a pipeline reads', () => {
  test('the fields named up to the first stage that builds new documents', () => {
    expect(
      fieldsRead([
        { $match: { month: '2026-03', $or: [{ status: 'attended' }, { 'check.method': 'scan' }] } },
        { $addFields: { who: { $ifNull: ['$forMemberId', '$openid'] } } },
        {
          $group: {
            _id: { c: '$centerId', p: '$who' },
            n: { $sum: 1 },
            t: { $sum: { $literal: '$notAField' } },
          },
        },
        { $group: { _id: '$_id.c', people: { $sum: 1 }, anything: { $push: '$$ROOT' } } },
      ])?.sort(),
    ).toEqual(['centerId', 'check', 'forMemberId', 'month', 'openid', 'status', 'who']);
    expect(fieldsRead([{ $match: { month: '2026-03' } }, { $count: 'n' }])).toEqual(['month']);
  });

  test('whole documents when the pipeline could read anything', () => {
    for (const pipeline of [
      [{ $match: { a: 1 } }],
      [{ $project: { a: 1 } }],
      [{ $group: { _id: null, all: { $push: '$$ROOT' } } }],
      [{ $group: { _id: { $getField: 'a' } } }],
      [{ $lookup: { from: 'x', localField: 'a', foreignField: '_id', as: 'y' } }, { $count: 'n' }],
      [{ $match: { $where: 'true' } }, { $count: 'n' }],
      [{ $group: { _id: '$a b' } }],
    ]) {
      expect(fieldsRead(pipeline)).toBeUndefined();
    }
  });
});

test('results equal those over whole documents, for the recount pipelines', () => {
  const people = ['o1', 'o2', 'o3', 'o4'];
  const docs: Doc[] = Array.from({ length: 120 }, (_, i) => ({
    _id: `r${i}`,
    centerId: `c${i % 3}`,
    month: i % 4 === 0 ? '2026-02' : '2026-03',
    openid: people[i % 4],
    ...(i % 5 === 0 ? {} : { forMemberId: i % 7 === 0 ? `fm${i % 2}` : null }),
    status: ['attended', 'no_show', 'cancelled', 'attended', 'waitlisted'][i % 5],
    checkInMethod: i % 5 === 0 || i % 5 === 3 ? ['scan', 'manual'][i % 2] : null,
    tags: i % 3 === 0 ? ['内容实用', '组织有序'] : [],
    rating: (i % 5) + 1,
    at: new Date(Date.UTC(2026, 2, 1 + (i % 28))),
    nested: { seats: i % 9, list: [{ k: i % 2 }] },
  }));
  const name = collectionOf(docs);
  const is = (field: string, value: unknown) => ({ $cond: [{ $eq: [`$${field}`, value] }, 1, 0] });
  const pipelines: Doc[][] = [
    [
      { $match: { month: '2026-03' } },
      {
        $group: {
          _id: { c: '$centerId', p: { $ifNull: ['$forMemberId', '$openid'] } },
          n: { $sum: 1 },
          attended: { $sum: is('status', 'attended') },
          scanned: {
            $sum: {
              $cond: [
                { $and: [{ $eq: ['$status', 'attended'] }, { $eq: ['$checkInMethod', 'scan'] }] },
                1,
                0,
              ],
            },
          },
        },
      },
      {
        $group: {
          _id: '$_id.c',
          people: { $sum: { $cond: [{ $gt: ['$attended', 0] }, 1, 0] } },
          n: { $sum: '$n' },
        },
      },
      { $sort: { _id: 1 } },
      { $skip: 0 },
      { $limit: 10_000 },
    ],
    [
      { $match: { month: '2026-03', status: { $in: ['attended', 'no_show'] } } },
      {
        $group: {
          _id: '$centerId',
          firstAt: { $min: '$at' },
          tagged: { $sum: { $cond: [{ $in: ['内容实用', '$tags'] }, 1, 0] } },
          seats: { $push: '$nested.seats' },
          kinds: { $addToSet: '$nested.list.k' },
          missing: { $push: '$noSuchField' },
          forWhom: { $push: '$forMemberId' },
        },
      },
      { $sort: { _id: -1 } },
    ],
    [{ $unwind: '$tags' }, { $sortByCount: '$tags' }],
    [{ $match: { $expr: { $gt: ['$rating', 3] } } }, { $count: 'good' }],
    [{ $group: { _id: '$openid', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
    [{ $bucket: { groupBy: '$rating', boundaries: [1, 3, 6], output: { n: { $sum: 1 } } } }],
  ];
  for (const pipeline of pipelines) {
    expect(fieldsRead(pipeline)).toBeDefined();
    expect(aggregate(store, name, pipeline)).toEqual(overWholeDocuments(name, pipeline));
  }
});

test('rows are capped at 20 without $limit and at 10,000 with it, as on CloudBase', () => {
  const name = collectionOf(Array.from({ length: 30 }, (_, i) => ({ n: i })));
  expect(aggregate(store, name, [{ $group: { _id: '$n' } }])).toHaveLength(DEFAULT_AGGREGATE_ROWS);
  expect(aggregate(store, name, [{ $group: { _id: '$n' } }, { $limit: 25 }])).toHaveLength(25);
  expect(aggregate(store, name, [{ $match: { n: { $gte: 0 } } }])).toHaveLength(DEFAULT_AGGREGATE_ROWS);
});

describe('random pipelines over random documents', () => {
  const field = fc.constantFrom('a', 'b', 'c', 'd', 'month');
  const path = fc.oneof(field, fc.constantFrom('c.x', 'c.y', 'd.x', 'b.0', 'c.x.y'));
  const scalar = fc.oneof(
    fc.integer({ min: -3, max: 3 }),
    fc.double({ min: -10, max: 10, noNaN: true }),
    fc.constantFrom('x', 'y', '', null, true, false, 'say "hi"', 'two\nlines', '\\', '湖州'),
    fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }),
  );
  const value = fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 3 }),
    fc.record({ x: scalar, y: fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })) }, { requiredKeys: [] }),
    fc.array(fc.record({ x: scalar }), { maxLength: 2 }),
  );
  const doc = fc.record(
    { a: value, b: value, c: value, d: value, e: value, month: fc.constantFrom('2026-01', '2026-02') },
    { requiredKeys: [] },
  );
  const fieldRef = path.map((p) => `$${p}`);
  const match = fc.oneof(
    fc.record({ month: fc.constantFrom('2026-01', '2026-02') }),
    fc.tuple(path, scalar).map(([p, v]) => ({ [p]: v })),
    fc.tuple(path, fc.integer({ min: -3, max: 3 })).map(([p, v]) => ({ [p]: { $gte: v } })),
    fc.tuple(fieldRef, fieldRef).map(([x, y]) => ({ $expr: { $lt: [x, y] } })),
    fc.tuple(path, path).map(([x, y]) => ({ $or: [{ [x]: { $exists: true } }, { [y]: null }] })),
  );
  // Expressions of the kinds a recount uses, which group.ts compiles (or refuses at run time).
  const { condition } = fc.letrec((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small' },
      fc
        .tuple(
          fc.constantFrom('$eq', '$ne', '$gt', '$gte', '$lt', '$lte'),
          fieldRef,
          fc.oneof(scalar, fieldRef),
        )
        .map(([op, x, y]) => ({ [op]: [x, y] })),
      fc.tuple(scalar, fieldRef).map(([x, list]) => ({ $in: [x, { $ifNull: [list, []] }] })),
      fc
        .tuple(fc.constantFrom('$and', '$or'), fc.array(tie('condition'), { maxLength: 3 }))
        .map(([op, parts]) => ({ [op]: parts })),
      fieldRef,
    ),
  }));
  const input = fc.oneof(
    fieldRef,
    scalar,
    fc
      .tuple(condition, fc.oneof(fieldRef, scalar), fc.oneof(fieldRef, scalar))
      .map(([c, x, y]) => ({ $cond: [c, x, y] })),
    // biome-ignore lint/suspicious/noThenProperty: MongoDB's $cond names its branches if/then/else.
    fc.tuple(condition, fieldRef).map(([c, x]) => ({ $cond: { if: c, then: 1, else: x } })),
    fc.tuple(fieldRef, fieldRef, scalar).map(([x, y, z]) => ({ $ifNull: [x, y, z] })),
  );
  const accumulator = fc.oneof(
    fc.constant({ $sum: 1 }),
    fc.constantFrom(2, 0.5, Number.NaN, null).map((n) => ({ $sum: n })),
    input.map((x) => ({ $sum: x })),
    input.map((x) => ({ $push: x })),
    input.map((x) => ({ $first: x })),
    input.map((x) => ({ $last: x })),
    fieldRef.map((f) => ({ $max: f })),
    fieldRef.map((f) => ({ $addToSet: f })),
  );
  const group = fc.record({
    _id: fc.oneof(
      fc.constant(null),
      fieldRef,
      input,
      fc.tuple(fieldRef, input).map(([x, y]) => ({ x, y })),
    ),
    r1: accumulator,
    r2: accumulator,
  });
  const before = fc.array(
    fc.oneof(
      match.map((m) => ({ $match: m })),
      fc.constantFrom({ $unwind: '$b' }, { $unwind: { path: '$a', preserveNullAndEmptyArrays: true } }),
      fc.tuple(fieldRef, fieldRef).map(([x, y]) => ({ $addFields: { e: { $ifNull: [x, y] } } })),
      path.map((p) => ({ $sort: { [p]: 1 } })),
      fc.integer({ min: 0, max: 5 }).map((n) => ({ $skip: n })),
    ),
    { maxLength: 3 },
  );
  const last = fc.oneof(
    group.map((g) => [{ $group: g }]),
    fc.tuple(group, group).map(([g, h]) => [{ $group: g }, { $group: { ...h, _id: '$_id.x' } }]),
    fc.constant([{ $count: 'n' }]),
    fieldRef.map((f) => [{ $sortByCount: f }]),
  );
  const pipeline = fc
    .tuple(before, last, fc.boolean())
    .map(([head, tail, limited]) => [...head, ...tail, ...(limited ? [{ $limit: 10_000 }] : [])]);

  test('give what mingo gives over whole documents', () => {
    fc.assert(
      fc.property(
        fc.array(doc, { maxLength: 25 }),
        fc.array(pipeline, { minLength: 1, maxLength: 4 }),
        (docs, pipelines) => {
          const name = collectionOf(docs);
          for (const p of pipelines) {
            expect(outcome(() => aggregate(store, name, structuredClone(p)))).toEqual(
              outcome(() => overWholeDocuments(name, structuredClone(p))),
            );
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
