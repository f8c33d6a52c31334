/**
 * `npm run seed -- --scale city`: the whole network at the city's size, written through the real SDK. Replaces
 * whatever the database held. The demo personas are part of it (on their own centers), so signing in works
 * as in the demo world; every generated center has one staff account and every street its office.
 */
import { localDatabase } from '../../emulator/client';
import { ALL_COLLECTIONS, COLLECTIONS } from '../../shared/collections';
import { local, monthRange, shiftMonth } from '../../shared/rules/time';
import { BulkWriter } from './bulk';
import { cityPlaces, cityStaffPersona } from './city-places';
import { generateMonth, planYear, type Resident, type YearCenter } from './city-year';
import { CouncilYear } from './councils';
import { type CityMap, type Doc, isAlreadyExists, personaMembers, placeDocs } from './index';
import { communityOrganizations, operatorRecords, runByOrganization } from './organizations';
import { Random } from './random';
import { personaOpenid } from './world';

export interface CitySeedOptions {
  /** The CloudBase database endpoint, e.g. `http://127.0.0.1:8787/admin`. */
  serviceUrl: string;
  /** The year ends with this instant's month (default: now). */
  now?: Date;
  /** Same seed, same city. */
  seed?: number;
  log?: (line: string) => void;
  /** Fills the counters (`stats`) from the records once they are written. */
  countStats: (db: Database) => Promise<{ centerMonths: number }>;
}

export type Database = ReturnType<typeof localDatabase>;

export interface CitySeedResult {
  counts: Record<string, number>;
  centers: { built: number; operating: number };
  attendances: number;
  seconds: { total: number; write: number; stats: number };
}

const MONTHS = 12;
/** The city's figures: community organizations incubated so far, council topics proposed (some from needs). */
export const CITY_ORGANIZATIONS = 474;
const CITY_PROPOSALS = 1_150;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡沈钱韩郑冯蒋潘丁姚邱费俞闵施严';
const GIVEN = '秀英桂兰建国志强玉珍国华美玲德明丽华永康春梅海燕金凤阿毛小芳根宝';
const RELATIONS = ['母亲', '父亲', '奶奶', '爷爷', '外婆'];

export async function seedCity(options: CitySeedOptions): Promise<CitySeedResult> {
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const started = performance.now();
  const db = localDatabase(options.serviceUrl);

  await emptyAll(db, log);
  const seed = options.seed ?? 20_160_701;
  const random = new Random(seed);
  // Organizations and councils draw from their own sequence, so the rest of the city stays as it was.
  const civic = new Random(seed + 1);
  const places = cityPlaces(random);
  for (const center of places.centers) {
    // Demo centers without a staff account get one, like every generated center.
    const [first] = center.staff;
    if (first && !center.staff.some((s) => s.persona)) first.persona = cityStaffPersona(center.id);
  }
  // An activity carries its seat list (a few KB): fewer per request keeps each under the 6 MB limit.
  const writer = new BulkWriter(db, { [COLLECTIONS.activities]: 200 });
  const { regions, centers } = placeDocs(places, now);
  const members = personaMembers(places, now);
  for (const doc of regions) await writer.add(COLLECTIONS.regions, doc);
  for (const doc of centers) await writer.add(COLLECTIONS.centers, doc);
  for (const doc of members) await writer.add(COLLECTIONS.members, doc);

  const year: YearCenter[] = [];
  for (const center of places.centers.filter((c) => c.status === 'operating')) {
    const staff = center.staff.find((s) => s.persona);
    const weak = random.chance(0.1);
    const yc: YearCenter = {
      id: center.id,
      name: center.name,
      streetId: center.streetId,
      staff: {
        openid: personaOpenid(staff?.persona ?? cityStaffPersona(center.id)),
        displayName: staff?.name ?? '',
      },
      quality: weak ? random.around(0.2, 0.3, 0, 0.4) : random.around(0.75, 0.5, 0.45, 1),
      size: random.around(1, 0.9, 0.55, 1.6),
      rating: random.around(1, 0.7, 0.5, 1.5),
      residents: [],
    };
    yc.residents = residentsOf(random, yc);
    for (const r of yc.residents) await writer.add(COLLECTIONS.members, residentDoc(random, r, yc, now));
    year.push(yc);
  }
  log(
    `地点与人：${regions.length} 个区域，${centers.length} 个中心，${members.length + countResidents(year)} 位成员`,
  );

  const thisMonth = local(now).format('YYYY-MM');
  const months = Array.from({ length: MONTHS }, (_, i) => shiftMonth(thisMonth, i - MONTHS + 1));
  const plan = planYear(random, year, months, now);

  const organizations = cityOrganizations(civic, places, year, months, now);
  for (const doc of organizations) await writer.add(COLLECTIONS.organizations, doc);
  const incubated = new Map<string, Doc[]>();
  for (const o of organizations) {
    if (typeof o.centerId === 'string') incubated.set(o.centerId, [...(incubated.get(o.centerId) ?? []), o]);
  }
  const councils = new CouncilYear(civic, now);
  const proposals = civic.spread(
    CITY_PROPOSALS,
    months.flatMap(() => year.map((c) => 0.4 + c.quality * c.size)),
  );
  const centerOf = new Map(year.map((c) => [c.id, c]));

  let attendances = 0;
  for (const [i, month] of months.entries()) {
    const { start, end } = monthRange(month);
    for (const [k, center] of year.entries())
      councils.propose(center, start, end, proposals[i * year.length + k] ?? 0);
    const inMonth = new Map<string, number>();
    await generateMonth(random, plan, month, now, (collection, doc) => {
      const center = centerOf.get(String(doc.centerId));
      if (center && collection === COLLECTIONS.needs) councils.raise(center, doc);
      if (center && collection === COLLECTIONS.activities) {
        runByOrganization(civic, doc, incubated.get(center.id) ?? []);
        councils.meet(center, doc);
      }
      inMonth.set(collection, (inMonth.get(collection) ?? 0) + 1);
      if (collection === 'registrations' && doc.status === 'attended') attendances += 1;
      return writer.add(collection, doc);
    });
    const n = (name: string) => (inMonth.get(name) ?? 0).toLocaleString();
    log(
      `${month}（${i + 1}/${MONTHS}）活动 ${n(COLLECTIONS.activities)}，报名 ${n(COLLECTIONS.registrations)}，` +
        `评价 ${n(COLLECTIONS.feedback)}，需求 ${n(COLLECTIONS.needs)}；已写入 ${writer.total().toLocaleString()} 条，${seconds(started)} s`,
    );
  }
  const topics = councils.topics();
  for (const doc of topics) await writer.add(COLLECTIONS.topics, doc);
  const inStatus = (status: string) => topics.filter((t) => t.status === status).length;
  log(
    `议事会议题 ${topics.length}（征集中 ${inStatus('open')}，待议事 ${inStatus('scheduled')}，` +
      `落实中 ${inStatus('resolved')}，已办结 ${inStatus('done')}），` +
      `社区组织 ${organizations.filter((o) => o.kind === 'community').length}，运营方 ${places.operators.length}`,
  );
  await writer.flush();
  const written = performance.now();
  log(`记录写完：${writer.total().toLocaleString()} 条，${seconds(started)} s；开始计算统计计数…`);
  const { centerMonths } = await options.countStats(db);
  const counts = Object.fromEntries(writer.written);
  counts[COLLECTIONS.stats] = centerMonths;
  return {
    counts,
    centers: {
      built: places.centers.length,
      operating: places.centers.filter((c) => c.status === 'operating').length,
    },
    attendances,
    seconds: {
      total: (performance.now() - started) / 1000,
      write: (written - started) / 1000,
      stats: (performance.now() - written) / 1000,
    },
  };
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const countResidents = (year: YearCenter[]) => year.reduce((n, c) => n + c.residents.length, 0);

/**
 * The operators of every center, and the city's community organizations spread over the operating centers
 * (bigger, better run neighbourhoods incubate more), registered during the seeded months.
 */
export function cityOrganizations(
  random: Random,
  places: CityMap,
  year: YearCenter[],
  months: string[],
  now: Date,
): Doc[] {
  const docs = operatorRecords(random, places.operators, places.centers, now);
  const counts = random.spread(
    CITY_ORGANIZATIONS,
    year.map((c) => c.size * (0.5 + c.quality)),
  );
  const ranges = months.map(monthRange);
  for (const [i, yc] of year.entries()) {
    const center = places.centers.find((c) => c.id === yc.id);
    if (center) docs.push(...communityOrganizations(random, center, counts[i] ?? 0, ranges, now));
  }
  return docs;
}

/** Creates every collection and removes every document: the city replaces whatever was there. */
async function emptyAll(db: Database, log: (line: string) => void): Promise<void> {
  for (const name of ALL_COLLECTIONS) {
    try {
      await db.createCollection(name);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
    const res: { deleted?: number } = await db
      .collection(name)
      .where({ _id: db.command.exists(true) })
      .remove();
    if (res.deleted) log(`清空 ${name}: ${res.deleted.toLocaleString()}`);
  }
}

/** The people around a center; a bigger neighbourhood has more. Some have a relative without a phone. */
function residentsOf(random: Random, center: YearCenter): Resident[] {
  const count = Math.round(600 * center.size);
  const key = center.id.slice(2);
  return Array.from({ length: count }, (_, i) => {
    const openid = `city-${key}-${String(i + 1).padStart(4, '0')}`;
    return {
      openid,
      displayName: personName(random),
      family: random.chance(0.12) ? { id: `fm-${openid}`, displayName: personName(random) } : null,
    };
  });
}

function personName(random: Random): string {
  const given = random.int(0, GIVEN.length / 2 - 1) * 2;
  return `${random.pick([...SURNAMES])}${GIVEN.slice(given, given + 2)}`;
}

/** A resident's `members` document, as `account` keeps it. */
function residentDoc(random: Random, r: Resident, center: YearCenter, now: Date): Doc {
  const joined = new Date(now.getTime() - random.int(30, 700) * 24 * 3600_000);
  return {
    _id: r.openid,
    role: 'resident',
    displayName: r.displayName,
    homeCenterId: center.id,
    centerId: null,
    streetId: null,
    elderlyMode: random.chance(0.4),
    phone: random.chance(0.8)
      ? `1${random.pick(['3', '5', '8'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`
      : null,
    family: r.family ? [{ ...r.family, relation: random.pick(RELATIONS) }] : [],
    createdAt: joined,
    updatedAt: joined,
  };
}
