/** The city-scale generator: the network's size, determinism, and records shaped as the functions write them. */
import { feedbackRecordSchema } from '../../cloudfunctions/feedback/records';
import { centerRecordSchema, regionRecordSchema } from '../../cloudfunctions/kit/places';
import { activityRecordSchema, registrationRecordSchema } from '../../cloudfunctions/records/activities';
import { needRecordSchema } from '../../cloudfunctions/records/needs';
import { cityPlaces } from '../../scripts/seed/city-places';
import { CITY_TARGETS, generateMonth, planYear, type YearCenter } from '../../scripts/seed/city-year';
import { type Doc, placeDocs } from '../../scripts/seed/index';
import { Random } from '../../scripts/seed/random';

const now = new Date('2026-11-20T04:00:00Z');

test('the same seed gives the same sequence', () => {
  const a = new Random(42);
  const b = new Random(42);
  expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  expect(new Random(43).next()).not.toBe(new Random(42).next());
});

test('the network has the city’s size and shape', () => {
  const places = cityPlaces(new Random(1));
  expect(places.districts.map((d) => d.name)).toEqual(['吴兴区', '南浔区', '德清县', '长兴县', '安吉县']);
  expect(places.centers).toHaveLength(152);
  expect(places.centers.filter((c) => c.status === 'operating')).toHaveLength(129);
  expect(places.operators).toHaveLength(57);
  expect(new Set(places.centers.map((c) => c.id)).size).toBe(152);
  const operating = places.centers.filter((c) => c.status === 'operating');
  const certifiedEnough = operating.filter(
    (c) => c.staff.filter((s) => s.certified).length * 2 >= c.staff.length,
  );
  expect(certifiedEnough.length).toBeGreaterThan(operating.length * 0.8);
  expect(certifiedEnough.length).toBeLessThan(operating.length);
  const { regions, centers } = placeDocs(places, now);
  for (const r of regions) regionRecordSchema.parse(r);
  for (const c of centers) centerRecordSchema.parse(c);
});

test('a month of records parses with the functions’ own schemas, and the year is calibrated', async () => {
  const random = new Random(7);
  const places = cityPlaces(random);
  const year: YearCenter[] = places.centers
    .filter((c) => c.status === 'operating')
    .map((c, i) => ({
      id: c.id,
      name: c.name,
      streetId: c.streetId,
      staff: { openid: `staff-${i}`, displayName: '社工' },
      quality: i % 10 === 0 ? 0.2 : 0.8,
      size: 1,
      rating: 1,
      residents: Array.from({ length: 600 }, (_, n) => ({
        openid: `${c.id}-r${n}`,
        displayName: '居民',
        family: n % 8 === 0 ? { id: `fm-${c.id}-r${n}`, displayName: '家人' } : null,
      })),
    }));
  const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
  const plan = planYear(
    random,
    year,
    [...months, '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
    now,
  );
  expect([...plan.byMonth.values()].reduce((n, list) => n + list.length, 0)).toBe(CITY_TARGETS.activities);

  const records = new Map<string, Doc[]>();
  await generateMonth(random, plan, '2026-11', now, async (collection, doc) => {
    const list = records.get(collection) ?? [];
    list.push(doc);
    records.set(collection, list);
  });
  const of = (name: string) => records.get(name) ?? [];
  for (const a of of('activities')) activityRecordSchema.parse(a);
  for (const r of of('registrations')) registrationRecordSchema.parse(r);
  for (const f of of('feedback')) feedbackRecordSchema.parse(f);
  for (const n of of('needs')) needRecordSchema.parse(n);
  expect(of('visitors').length).toBeGreaterThan(0);

  // An activity's rating counters equal its feedback; registration ids follow the functions' rule.
  const ratings = new Map<string, { n: number; sum: number }>();
  for (const f of of('feedback')) {
    const r = ratings.get(String(f.activityId)) ?? { n: 0, sum: 0 };
    ratings.set(String(f.activityId), { n: r.n + 1, sum: r.sum + Number(f.rating) });
  }
  for (const a of of('activities')) {
    expect({ n: a.ratings, sum: a.ratingSum }).toEqual(ratings.get(a._id) ?? { n: 0, sum: 0 });
  }
  for (const r of of('registrations')) expect(r._id).toBe(`${r.activityId}-${r.forMemberId ?? r.openid}`);
  const statuses = new Set(of('registrations').map((r) => r.status));
  for (const s of ['attended', 'confirmed', 'cancelled']) expect(statuses).toContain(s);
});
