/**
 * `summary` through /fn on the seeded world: who may read what, bad input, figures against a recount from the raw
 * records, the workbook, the locked star snapshots and `rebuild` finding and repairing drift.
 */
import ExcelJS from 'exceljs';
import { COLLECTIONS } from '../../shared/collections';
import { monthOf, shiftMonth } from '../../shared/rules/time';
import { type Caller, callerFor, fixtureDatabase, unwrap } from '../support/client';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
let city: Caller;
let office: Caller;
let staff: Caller;
let resident: Caller;
const month = monthOf(new Date());
const from = shiftMonth(month, -2);
const STREET_CENTERS = ['c-chaoyang', 'c-qinghe'];

beforeAll(async () => {
  stack = await startStack({
    seed: true,
    log: (fn, level, text) => {
      if (level === 'error') process.stderr.write(`[${fn}] ${text}\n`);
    },
  });
  [city, office, staff, resident] = await Promise.all([
    callerFor(stack, 'city'),
    callerFor(stack, 'office-chaoyang'),
    callerFor(stack, 'staff-chaoyang'),
    callerFor(stack, 'resident-wang'),
  ]);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'OK' : res.error?.code);

describe('scope', () => {
  test('residents read no summary at all', async () => {
    expect(codeOf(await resident('summary', 'center', { centerId: 'c-chaoyang' }))).toBe('FORBIDDEN');
    expect(codeOf(await resident('summary', 'street', { from, to: month }))).toBe('FORBIDDEN');
    expect(codeOf(await resident('summary', 'stars', { year: 2026 }))).toBe('FORBIDDEN');
  });

  test('staff read their own center only', async () => {
    expect(codeOf(await staff('summary', 'center', {}))).toBe('OK');
    expect(codeOf(await staff('summary', 'center', { centerId: 'c-feiying' }))).toBe('FORBIDDEN');
    expect(codeOf(await staff('summary', 'street', { from, to: month }))).toBe('FORBIDDEN');
    expect(codeOf(await staff('summary', 'city', { from, to: month }))).toBe('FORBIDDEN');
  });

  test('a street office reads the centers of its street, and no other', async () => {
    expect(codeOf(await office('summary', 'center', { centerId: 'c-qinghe' }))).toBe('OK');
    expect(codeOf(await office('summary', 'center', { centerId: 'c-feiying' }))).toBe('FORBIDDEN');
    expect(codeOf(await office('summary', 'city', { from, to: month }))).toBe('FORBIDDEN');
    expect(codeOf(await office('summary', 'rebuild', {}))).toBe('FORBIDDEN');
    const street = unwrap(await office('summary', 'street', { from, to: month }));
    expect(street.centers.map((c) => c.center.id).sort()).toEqual(STREET_CENTERS);
    const stars = unwrap(await office('summary', 'stars', { year: Number(month.slice(0, 4)) }));
    expect(stars.centers.map((c) => c.center.id).sort()).toEqual(STREET_CENTERS);
  });
});

describe('bad input names the field and reads nothing', () => {
  test.each([
    [{ from: '2026-13', to: '2026-01' }, 'from'],
    [{ from: month, to: shiftMonth(month, -1) }, 'to'],
    [{ from: '2020-01', to: '2026-01' }, 'to'],
    [{ from }, 'to'],
  ])('%j', async (input, field) => {
    const res = await office('summary', 'street', input as never);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('VALIDATION');
    expect(res.error.issues?.map((i) => i.field)).toContain(field);
    expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  test('a quarter outside 1..4 or a year that is no number', async () => {
    for (const input of [{ year: 2026, quarter: 5 }, { year: '2026' }, {}]) {
      const res = await city('summary', 'stars', input as never);
      expect(codeOf(res)).toBe('VALIDATION');
    }
  });
});

test("the street's figures equal a recount of the raw records", async () => {
  const db = fixtureDatabase(stack);
  const _ = db.command;
  const months = [from, shiftMonth(from, 1), month];
  const regs = (
    await db
      .collection(COLLECTIONS.registrations)
      .where({ centerId: _.in(STREET_CENTERS), month: _.in(months) })
      .limit(1000)
      .get()
  ).data as { status: string; openid: string; centerId: string; month: string }[];
  const acts = (
    await db
      .collection(COLLECTIONS.activities)
      .where({ centerId: _.in(STREET_CENTERS), month: _.in(months) })
      .limit(1000)
      .get()
  ).data as { status: string }[];
  const attended = regs.filter((r) => r.status === 'attended');
  const street = unwrap(await office('summary', 'street', { from, to: month }));
  expect(street.months).toEqual(months);
  expect(street.totals.registrations).toBe(regs.length);
  expect(street.totals.attendances).toBe(attended.length);
  expect(street.totals.uniqueResidents).toBe(
    new Set(attended.map((r) => `${r.centerId}_${r.month}_${r.openid}`)).size,
  );
  expect(street.totals.activitiesHeld).toBe(acts.filter((a) => a.status === 'closed').length);
  expect(street.totals.attendances).toBeGreaterThan(0);
  expect(street.trend.reduce((s, t) => s + t.attendances, 0)).toBe(attended.length);
  expect(street.centers.reduce((s, c) => s + c.figures.attendances, 0)).toBe(attended.length);
});

test('the workbook holds the street summary and no personal data', async () => {
  const out = unwrap(await office('summary', 'export', { from, to: month }));
  expect(out.filename).toMatch(/\.xlsx$/);
  const bytes = Buffer.from(out.base64, 'base64');
  expect(bytes.length).toBe(out.bytes);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('各中心对比');
  if (!sheet) throw new Error('no sheet 各中心对比');
  const text: string[] = [];
  book.eachSheet((s) =>
    s.eachRow((row) => {
      row.eachCell((cell) => {
        text.push(String(cell.value));
      });
    }),
  );
  const all = text.join('\n');
  expect(all).toContain('朝阳幸福邻里中心');
  const street = unwrap(await office('summary', 'street', { from, to: month }));
  const attendanceColumn = (sheet.getRow(1).values as unknown[]).indexOf('参与人次');
  expect(Number(sheet.getRow(2).getCell(attendanceColumn).value)).toBe(
    street.centers[0]?.figures.attendances,
  );
  // Nothing that identifies a person: no openid, no member name, no phone number.
  const members = (await fixtureDatabase(stack).collection(COLLECTIONS.members).limit(1000).get()).data as {
    _id: string;
    displayName: string;
    phone: string | null;
  }[];
  const summaryText = JSON.stringify(street);
  for (const m of members) {
    for (const blob of [all, summaryText]) {
      expect(blob.includes(m._id)).toBe(false);
      if (m.phone) expect(blob.includes(m.phone)).toBe(false);
      if (m.displayName.length >= 2 && !m.displayName.includes('邻里')) {
        expect([m.displayName, blob.includes(m.displayName)]).toEqual([m.displayName, false]);
      }
    }
  }
});

test('an assessment of a finished year is locked by the city and never recomputed', async () => {
  const year = Number(month.slice(0, 4)) - 1;
  const provisional = unwrap(await office('summary', 'stars', { year }));
  expect(provisional.locked).toBe(false);
  const first = unwrap(await city('summary', 'stars', { year }));
  expect(first.locked).toBe(true);
  expect(first.centers.length).toBe(13);
  for (const c of first.centers) {
    expect(c.stars).toBeGreaterThanOrEqual(0);
    expect(c.reasons.length).toBeGreaterThan(0);
    if (!c.certifiedOk) expect(c.stars).toBe(0);
  }
  // Counters change afterwards; the locked snapshot does not.
  await fixtureDatabase(stack)
    .collection(COLLECTIONS.stats)
    .add({ _id: `c-chaoyang_${year}-06`, centerId: 'c-chaoyang', month: `${year}-06`, activitiesHeld: 40 });
  const again = unwrap(await city('summary', 'stars', { year }));
  expect(again.lockedAt).toBe(first.lockedAt);
  expect(again.centers).toEqual(first.centers);
  const viewed = unwrap(await office('summary', 'stars', { year }));
  expect(viewed.locked).toBe(true);
  await fixtureDatabase(stack).collection(COLLECTIONS.stats).doc(`c-chaoyang_${year}-06`).remove();
});

test('rebuild finds tampered counters, repairs them and then reports no drift', async () => {
  const clean = unwrap(await city('summary', 'rebuild', {}));
  expect(clean.drift).toEqual([]);
  expect(clean.centerMonths).toBeGreaterThan(0);
  const db = fixtureDatabase(stack);
  const id = `c-chaoyang_${month}`;
  const before = ((await db.collection(COLLECTIONS.stats).doc(id).get()).data as Record<string, number>[])[0];
  await db
    .collection(COLLECTIONS.stats)
    .doc(id)
    .update({ attendances: db.command.inc(5), needsOverdue: db.command.inc(-1) });
  const found = unwrap(await city('summary', 'rebuild', {}));
  expect(found.drift).toEqual(
    expect.arrayContaining([
      {
        collection: 'stats',
        id,
        field: 'attendances',
        stored: (before?.attendances ?? 0) + 5,
        recounted: before?.attendances ?? 0,
      },
      expect.objectContaining({ collection: 'stats', id, field: 'needsOverdue' }),
    ]),
  );
  expect(found.driftCount).toBe(2);
  expect(unwrap(await city('summary', 'rebuild', {})).drift).toEqual([]);
});
