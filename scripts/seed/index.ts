import { rebuildCounters } from '../../cloudfunctions/summary/recount';
import { localDatabase } from '../../emulator/client';
import { ALL_COLLECTIONS, COLLECTIONS } from '../../shared/collections';
import { monthOf, monthRange, shiftMonth } from '../../shared/rules/time';
import { demoActivities } from './activities';
import { demoTopics } from './councils';
import { demoHistory, demoYearCenters } from './demo-history';
import { communityOrganizations, operatorRecords, runByOrganization } from './organizations';
import { Random } from './random';
import {
  CENTERS,
  type CenterSeed,
  CITY_PERSONA,
  DISTRICTS,
  type DistrictSeed,
  OPERATORS,
  type OperatorSeed,
  officePersona,
  personaOpenid,
  RESIDENTS,
} from './world';

export interface SeedOptions {
  /** The CloudBase database endpoint, e.g. `http://127.0.0.1:8787/admin`. */
  serviceUrl: string;
  /** Remove every document first and seed again. */
  reset?: boolean;
  log?: (line: string) => void;
}

export type Doc = Record<string, unknown> & { _id: string };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡沈钱沈韩';
const GIVEN = [
  '桂英',
  '建国',
  '秀兰',
  '志强',
  '玉珍',
  '国华',
  '美玲',
  '德明',
  '丽华',
  '永康',
  '春梅',
  '海燕',
];

/** The demo personas (residents, staff with a sign-in, one office per street, the city) as `members`. */
export function personaMembers(places: Pick<CityMap, 'districts' | 'centers'>, now: Date): Doc[] {
  const base = {
    elderlyMode: false,
    phone: null,
    family: [],
    homeCenterId: null,
    createdAt: now,
    updatedAt: now,
  };
  const members: Doc[] = [];
  for (const r of RESIDENTS) {
    members.push({
      ...base,
      _id: personaOpenid(r.persona),
      persona: r.persona,
      role: 'resident',
      displayName: r.displayName,
      homeCenterId: r.homeCenterId,
      elderlyMode: r.elderlyMode,
      phone: r.phone,
      family: r.family,
      centerId: null,
      streetId: null,
    });
  }
  for (const center of places.centers) {
    for (const s of center.staff) {
      if (!s.persona) continue;
      members.push({
        ...base,
        _id: personaOpenid(s.persona),
        persona: s.persona,
        role: 'staff',
        displayName: s.name,
        centerId: center.id,
        streetId: center.streetId,
      });
    }
  }
  for (const district of places.districts) {
    for (const street of district.streets) {
      const persona = officePersona(street.id);
      members.push({
        ...base,
        _id: personaOpenid(persona),
        persona,
        role: 'office',
        displayName: `${street.name}办事处`,
        centerId: null,
        streetId: street.id,
      });
    }
  }
  members.push({
    ...base,
    _id: personaOpenid(CITY_PERSONA.persona),
    persona: CITY_PERSONA.persona,
    role: 'admin',
    displayName: CITY_PERSONA.displayName,
    centerId: null,
    streetId: null,
  });
  return members;
}

/** Everyone the demo world holds: the personas, and ordinary neighbours so rosters and lists are not empty. */
function demoMembers(now: Date): Doc[] {
  const base = { elderlyMode: false, phone: null, family: [], createdAt: now, updatedAt: now };
  const members = personaMembers({ districts: DISTRICTS, centers: CENTERS }, now);
  let n = 0;
  for (const center of CENTERS.filter((c) => c.status === 'operating')) {
    for (let i = 0; i < 6; i++, n++) {
      members.push({
        ...base,
        _id: `demo-neighbour-${center.id.slice(2)}-${i + 1}`,
        role: 'resident',
        displayName: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`,
        homeCenterId: center.id,
        elderlyMode: i % 2 === 0,
        centerId: null,
        streetId: null,
      });
    }
  }
  return members;
}

/** The map a world is built on: districts with their streets, operators, centers with their rosters. */
export interface CityMap {
  districts: DistrictSeed[];
  operators: OperatorSeed[];
  centers: CenterSeed[];
}

/** `regions` and `centers` documents of a map, as the functions read them (kit/places.ts). */
export function placeDocs(places: CityMap, now: Date): { regions: Doc[]; centers: Doc[] } {
  const regions: Doc[] = [];
  for (const d of places.districts) {
    regions.push({ _id: d.id, kind: 'district', name: d.name, parentId: null });
    for (const s of d.streets) regions.push({ _id: s.id, kind: 'street', name: s.name, parentId: d.id });
  }
  const districtOf = new Map(places.districts.flatMap((d) => d.streets.map((s) => [s.id, d.id] as const)));
  const operators = new Map(places.operators.map((o) => [o.id, o]));
  const centers = places.centers.map((c) => ({
    _id: c.id,
    name: c.name,
    streetId: c.streetId,
    districtId: districtOf.get(c.streetId) ?? '',
    address: c.address,
    status: c.status,
    operator: operators.get(c.operatorId) ?? { id: c.operatorId, name: '' },
    staff: c.staff.map((s) => ({
      name: s.name,
      certified: s.certified,
      openid: s.persona ? personaOpenid(s.persona) : null,
    })),
    createdAt: now,
  }));
  return { regions, centers };
}

/**
 * Every document of the demo world at `now`, by collection: places and people, a few past months from the city
 * generator, the month lists of last month, this month and next, the organizations and the councils.
 */
export async function demoWorld(now: Date): Promise<[name: string, docs: Doc[]][]> {
  const { regions, centers } = placeDocs(
    { districts: DISTRICTS, operators: OPERATORS, centers: CENTERS },
    now,
  );
  const members = demoMembers(now);
  const neighbours = new Map<string, { openid: string; displayName: string }[]>();
  for (const m of members) {
    // Only the ordinary neighbours: the demo personas start with an empty 我的报名, as a new user would.
    if (m.role !== 'resident' || m.persona || typeof m.homeCenterId !== 'string') continue;
    neighbours.set(m.homeCenterId, [
      ...(neighbours.get(m.homeCenterId) ?? []),
      { openid: m._id, displayName: String(m.displayName) },
    ]);
  }
  const operating = CENTERS.filter((c) => c.status === 'operating').map((c) => ({
    id: c.id,
    name: c.name,
    streetId: c.streetId,
  }));
  const lists = demoActivities(operating, neighbours, now);
  const random = new Random(20_160_701);
  const year = demoYearCenters(random, CENTERS, neighbours);
  const history = await demoHistory(random, year, now);
  const of = (name: string) => history.get(name) ?? [];
  const activities = [...of(COLLECTIONS.activities), ...lists.activities];
  const organizations = demoOrganizations(random, now);
  for (const a of activities) runByOrganization(random, a, organizations);
  const topics = demoTopics(random, year, activities, of(COLLECTIONS.needs), now);
  return [
    [COLLECTIONS.regions, regions],
    [COLLECTIONS.centers, centers],
    [COLLECTIONS.members, members],
    [COLLECTIONS.organizations, organizations],
    [COLLECTIONS.activities, activities],
    [COLLECTIONS.registrations, [...of(COLLECTIONS.registrations), ...lists.registrations]],
    [COLLECTIONS.feedback, of(COLLECTIONS.feedback)],
    [COLLECTIONS.needs, of(COLLECTIONS.needs)],
    [COLLECTIONS.topics, topics],
  ];
}

/** The demo operators, and one to three community organizations at each operating center, of recent months. */
function demoOrganizations(random: Random, now: Date): Doc[] {
  const docs = operatorRecords(random, OPERATORS, CENTERS, now);
  const months = Array.from({ length: 6 }, (_, i) => monthRange(shiftMonth(monthOf(now), i - 5)));
  for (const center of CENTERS.filter((c) => c.status === 'operating')) {
    docs.push(...communityOrganizations(random, center, random.int(1, 3), months, now));
  }
  return docs;
}

/** CloudBase refuses to create a collection twice; on a second seed that is expected. */
export function isAlreadyExists(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code.includes('ALREADY_EXIST');
}

/**
 * Creates every collection and, on an empty database (or with `reset`), the demo world, through the real SDK.
 * Returns whether anything was seeded.
 */
export async function seed({
  serviceUrl,
  reset = false,
  log = () => {},
}: SeedOptions): Promise<{ created: boolean }> {
  const db = localDatabase(serviceUrl);
  for (const name of ALL_COLLECTIONS) {
    try {
      await db.createCollection(name);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  }
  if (reset) {
    for (const name of ALL_COLLECTIONS) {
      const res: { deleted?: number } = await db
        .collection(name)
        .where({ _id: db.command.exists(true) })
        .remove();
      if (res.deleted) log(`清空 ${name}: ${res.deleted}`);
    }
  } else {
    const existing: { total?: number } = await db
      .collection(COLLECTIONS.members)
      .where({ persona: db.command.exists(true) })
      .count();
    if ((existing.total ?? 0) > 0) {
      log('演示数据已存在，跳过（npm run seed -- --reset 可重新生成）');
      return { created: false };
    }
  }
  for (const [name, docs] of await demoWorld(new Date())) {
    for (let i = 0; i < docs.length; i += 200) await db.collection(name).add(docs.slice(i, i + 200));
    log(`${name}: ${docs.length}`);
  }
  // The counters the summaries read, counted from the records just written, as `summary.rebuild` would.
  const counted = await rebuildCounters(db);
  log(`stats: ${counted.centerMonths}`);
  return { created: true };
}
