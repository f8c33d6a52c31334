/** The manifest's indexes exist in SQLite and the hot queries use them; pushdown never changes results. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readIndexManifest } from '../../emulator/database';
import { planFilter } from '../../emulator/database/query';
import { Store } from '../../emulator/database/store';
import { type Emulator, startEmulator } from './support';

const manifest = readIndexManifest(join(__dirname, '../../database/indexes.json'));
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-idx-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function planOf(store: Store, collection: string, query: Record<string, unknown>): string {
  return store.explain(collection, planFilter(query, store.indexedFields(collection))).join('\n');
}

test('hot queries are answered through an index', () => {
  const store = new Store(join(dir, 'db.sqlite'), manifest);
  try {
    store.createCollection('activities');
    store.createCollection('registrations');
    for (let i = 0; i < 50; i += 1) {
      store.insert('activities', `a${i}`, {
        _id: `a${i}`,
        centerId: `c${i % 5}`,
        month: '2024-05',
        status: 'published',
      });
      store.insert('registrations', `r${i}`, { _id: `r${i}`, activityId: `a${i % 7}`, status: 'confirmed' });
    }
    expect(planOf(store, 'activities', { centerId: 'c1', month: '2024-05', status: 'published' })).toMatch(
      /SEARCH .* USING INDEX idx_activities__center_month \(<expr>=\? AND <expr>=\? AND <expr>=\?\)/,
    );
    expect(planOf(store, 'activities', { centerId: 'c1', month: { $in: ['2024-05', '2024-06'] } })).toMatch(
      /USING INDEX idx_activities__center_month/,
    );
    expect(planOf(store, 'registrations', { activityId: 'a3' })).toMatch(
      /SEARCH .* USING INDEX idx_registrations__activity_status \(<expr>=\?\)/,
    );
    expect(planOf(store, 'registrations', { _id: 'r3' })).toMatch(/SEARCH .* USING INDEX sqlite_autoindex_/);
    // An unindexed field cannot be pushed down: a full scan, refined by mingo.
    expect(planOf(store, 'registrations', { note: 'x' })).toMatch(/^SCAN /);
  } finally {
    store.close();
  }
});

test('indexes follow the manifest on reopen: new ones are built, retired ones dropped', () => {
  const file = join(dir, 'db.sqlite');
  const first = new Store(file, { things: [{ name: 'old', keys: { a: 1 } }] });
  first.createCollection('things');
  first.close();
  const second = new Store(file, { things: [{ name: 'new', keys: { b: 1, c: -1 } }] });
  second.close();
  const raw = new Database(file, { readonly: true });
  const indexes = raw
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'coll_things' AND sql IS NOT NULL",
    )
    .all();
  raw.close();
  expect(indexes).toEqual([
    {
      name: 'idx_things__new',
      sql: `CREATE INDEX "idx_things__new" ON "coll_things" (json_extract(doc, '$.b'), json_extract(doc, '$.c') DESC)`,
    },
  ]);
});

describe('an indexed field that holds arrays', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    const byTag = [{ name: 'tag', keys: { tag: 1 as const } }];
    emulator = await startEmulator({ indexes: { things: byTag, flags: byTag } });
  });
  afterAll(() => emulator.close());

  test('still matches array members once arrays appear (pushdown switches off for that path)', async () => {
    const db = emulator.app.database();
    await db.createCollection('things');
    await db.collection('things').add([
      { _id: 'scalar', tag: 'x' },
      { _id: 'other', tag: 'y' },
    ]);
    const before = await db.collection('things').where({ tag: 'x' }).get();
    expect(before.data).toEqual([{ _id: 'scalar', tag: 'x' }]);
    await db.collection('things').add({ _id: 'list', tag: ['x', 'z'] });
    const after = await db.collection('things').where({ tag: 'x' }).get();
    expect(after.data).toEqual([
      { _id: 'scalar', tag: 'x' },
      { _id: 'list', tag: ['x', 'z'] },
    ]);
  });

  test('booleans and numbers pushed down still compare exactly', async () => {
    const db = emulator.app.database();
    await db.createCollection('flags');
    await db.collection('flags').add([
      { _id: 'yes', tag: true },
      { _id: 'one', tag: 1 },
      { _id: 'text', tag: '1' },
    ]);
    expect((await db.collection('flags').where({ tag: true }).get()).data).toEqual([
      { _id: 'yes', tag: true },
    ]);
    expect((await db.collection('flags').where({ tag: 1 }).get()).data).toEqual([{ _id: 'one', tag: 1 }]);
  });
});
