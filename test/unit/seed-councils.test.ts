/**
 * Organizations and council topics in both seeded worlds: shaped by the functions' own record schemas, pointing
 * at records that exist (operators at their centers, meetings that are council activities of the same center
 * and list their topics, people who live there, needs that name their topic), and the same on every run.
 */

import { isIdle, isOverdue, topicRecordSchema } from '../../cloudfunctions/councils/records';
import { activityRecordSchema } from '../../cloudfunctions/records/activities';
import { needRecordSchema } from '../../cloudfunctions/records/needs';
import { organizationRecordSchema } from '../../cloudfunctions/records/organizations';
import { CITY_ORGANIZATIONS, cityOrganizations } from '../../scripts/seed/city';
import { cityPlaces } from '../../scripts/seed/city-places';
import { generateMonth, planYear, type YearCenter } from '../../scripts/seed/city-year';
import { CouncilYear } from '../../scripts/seed/councils';
import { type Doc, demoWorld, placeDocs } from '../../scripts/seed/index';
import { runByOrganization } from '../../scripts/seed/organizations';
import { Random } from '../../scripts/seed/random';
import { COUNCIL_ROLES, TOPIC_STATUSES } from '../../shared/contract/councils';
import { ORGANIZATION_TYPES } from '../../shared/contract/organizations';
import { monthOf, monthRange, shiftMonth } from '../../shared/rules/time';
import { wholeDays } from '../../shared/rules/topics';

const now = new Date('2026-11-20T04:00:00Z');
const DAY = 24 * 3600_000;

interface World {
  centers: { _id: string; streetId: string; status: string; operator: { id: string } }[];
  /** Openids of the residents around each center. */
  residents: Map<string, Set<string>>;
  organizations: Doc[];
  activities: Doc[];
  needs: Doc[];
  topics: Doc[];
}

const time = (v: unknown) => (v as Date).getTime();

/** Operators at their centers; community organizations at operating centers, with a role and a known type. */
function checkOrganizations(world: World): void {
  const orgs = world.organizations.map((o) => organizationRecordSchema.parse(o));
  const operators = orgs.filter((o) => o.kind === 'operator');
  expect(operators.map((o) => o._id).sort()).toEqual(
    [...new Set(world.centers.map((c) => c.operator.id))].sort(),
  );
  for (const o of operators) {
    expect(o.runs.map((r) => r.centerId).sort()).toEqual(
      world.centers
        .filter((c) => c.operator.id === o._id)
        .map((c) => c._id)
        .sort(),
    );
    for (const r of o.runs) expect(r.since.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(o.month).toBe(monthOf(new Date(Math.min(...o.runs.map((r) => r.since.getTime())))));
    expect([o.type, o.status, o.contactRole, o.centerId, o.streetId]).toEqual([null, null, null, null, null]);
  }
  const operating = new Map(world.centers.filter((c) => c.status === 'operating').map((c) => [c._id, c]));
  const names = new Set<string>();
  for (const o of orgs.filter((x) => x.kind === 'community')) {
    const center = operating.get(o.centerId ?? '');
    expect(center?.streetId).toBe(o.streetId);
    expect(ORGANIZATION_TYPES).toContain(o.type);
    expect(['incubating', 'registered']).toContain(o.status);
    expect(o.contactRole).toMatch(/^(会长|队长|组长|社长|站长|团长|秘书长|联络员)$/);
    expect(o.runs).toEqual([]);
    expect(o.month).toBe(monthOf(o.createdAt));
    expect(o.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(names.has(`${o.centerId} ${o.name}`)).toBe(false);
    names.add(`${o.centerId} ${o.name}`);
  }
  const community = new Map(orgs.filter((o) => o.kind === 'community').map((o) => [o._id, o]));
  for (const a of world.activities.map((x) => activityRecordSchema.parse(x))) {
    if (a.organizationId === null) continue;
    const o = community.get(a.organizationId);
    expect([o?.centerId, o?.name]).toEqual([a.centerId, a.organizationName]);
  }
}

/** Every topic as the functions would have left it, and its meeting, people and need as they are. */
function checkTopics(world: World): void {
  const activities = new Map(world.activities.map((a) => [a._id, activityRecordSchema.parse(a)]));
  const needs = new Map(world.needs.map((n) => [n._id, needRecordSchema.parse(n)]));
  const topics = world.topics.map((t) => topicRecordSchema.parse(t));
  expect(new Set(topics.map((t) => t._id)).size).toBe(topics.length);
  for (const t of topics) {
    const people = world.residents.get(t.centerId) ?? new Set();
    expect(people.has(t.proposer)).toBe(true);
    for (const s of t.supporters) expect(people.has(s)).toBe(true);
    expect(new Set([t.proposer, ...t.supporters]).size).toBe(t.supporters.length + 1);
    expect(t.supportCount).toBe(t.supporters.length);
    expect(t.month).toBe(monthOf(t.createdAt));
    expect(t.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());

    expect(t.meeting === null).toBe(t.status === 'open');
    expect(t.resolution !== null).toBe(t.status === 'resolved' || t.status === 'done');
    expect(t.doneAt !== null).toBe(t.status === 'done');
    if (t.meeting) {
      const meeting = activities.get(t.meeting.activityId);
      expect(meeting?.category).toBe('micro_governance');
      expect(meeting?.centerId).toBe(t.centerId);
      expect(meeting?.topicIds).toContain(t._id);
      expect(meeting?.startAt.getTime()).toBe(t.meeting.startAt.getTime());
      expect([meeting?.title, meeting?.place]).toEqual([t.meeting.title, t.meeting.place]);
      expect(t.meeting.startAt.getTime()).toBeGreaterThan(t.createdAt.getTime());
      for (const role of meeting?.councilRoles ?? []) expect(COUNCIL_ROLES).toContain(role);
    }
    const steps = [t.createdAt, ...t.progress.map((p) => p.at)];
    if (t.resolution) {
      expect(t.meeting?.startAt.getTime()).toBeLessThanOrEqual(t.resolution.recordedAt.getTime());
      expect(t.resolution.recordedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(t.resolution.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      steps.push(t.resolution.recordedAt);
      for (const p of t.progress)
        expect(p.at.getTime()).toBeGreaterThanOrEqual(t.resolution.recordedAt.getTime());
    } else {
      expect(t.progress).toEqual([]);
    }
    if (t.doneAt) {
      expect(t.doneDays).toBe(wholeDays(t.createdAt, t.doneAt));
      expect(t.progress.at(-1)?.at.getTime()).toBe(t.doneAt.getTime());
      expect(t.doneAt.getTime()).toBeLessThanOrEqual(now.getTime());
    } else {
      expect([t.doneDays, t.raters, t.ratingCount, t.ratingSum]).toEqual([null, [], 0, 0]);
    }
    for (const r of t.raters) expect([t.proposer, ...t.supporters]).toContain(r);
    expect(t.ratingCount).toBe(t.raters.length);
    expect(t.ratingSum).toBeGreaterThanOrEqual(t.ratingCount);
    expect(t.ratingSum).toBeLessThanOrEqual(5 * t.ratingCount);
    expect(t.lastActionAt.getTime()).toBeGreaterThanOrEqual(Math.max(...steps.map((s) => s.getTime())));
    expect(t.lastActionAt.getTime()).toBeLessThanOrEqual(now.getTime());
    if (t.status === 'open') expect(t.lastActionAt).toEqual(t.createdAt);

    if (t.needId) {
      expect(t._id).toBe(`t-${t.needId}`);
      const need = needs.get(t.needId);
      expect([need?.topicId, need?.centerId, need?.reporter]).toEqual([t._id, t.centerId, t.proposer]);
      expect(t.createdAt.getTime()).toBeGreaterThan(need?.createdAt.getTime() ?? Number.POSITIVE_INFINITY);
    }
  }
  const byId = new Map(topics.map((t) => [t._id, t]));
  for (const n of needs.values()) if (n.topicId) expect(byId.get(n.topicId)?.needId).toBe(n._id);
  for (const a of activities.values()) {
    for (const id of a.topicIds) expect(byId.get(id)?.meeting?.activityId).toBe(a._id);
    if (a.minutes !== null) expect(a.startAt.getTime()).toBeLessThan(now.getTime());
  }
}

describe('the demo world', () => {
  let world: World;
  let docs: Map<string, Doc[]>;
  beforeAll(async () => {
    docs = new Map(await demoWorld(now));
    const of = (name: string) => docs.get(name) ?? [];
    const residents = new Map<string, Set<string>>();
    for (const m of of('members')) {
      if (m.role !== 'resident' || typeof m.homeCenterId !== 'string') continue;
      residents.set(m.homeCenterId, (residents.get(m.homeCenterId) ?? new Set()).add(m._id));
    }
    world = {
      centers: of('centers') as unknown as World['centers'],
      residents,
      organizations: of('organizations'),
      activities: of('activities'),
      needs: of('needs'),
      topics: of('topics'),
    };
  });

  test('has operators and one to three community organizations at each operating center', () => {
    checkOrganizations(world);
    for (const c of world.centers.filter((x) => x.status === 'operating')) {
      const n = world.organizations.filter((o) => o.centerId === c._id).length;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(3);
    }
    expect(world.activities.some((a) => a.centerId === 'c-chaoyang' && a.organizationId)).toBe(true);
  });

  test('has council topics in every section at every operating center, each consistent with its records', () => {
    checkTopics(world);
    const topics = world.topics.map((t) => topicRecordSchema.parse(t));
    for (const c of world.centers.filter((x) => x.status === 'operating')) {
      expect(new Set(topics.filter((t) => t.centerId === c._id).map((t) => t.status))).toEqual(
        new Set(TOPIC_STATUSES),
      );
    }
    const chaoyang = topics.filter((t) => t.centerId === 'c-chaoyang');
    expect(chaoyang.filter((t) => isOverdue(t, now))).toHaveLength(1);
    expect(chaoyang.filter((t) => isIdle(t, now) && t.status === 'open')).toHaveLength(1);
    expect(topics.some((t) => t.needId !== null)).toBe(true);
    expect(topics.some((t) => t.ratingCount > 0)).toBe(true);
  });

  test('has past months with attendances, ratings and needs for the trend charts', () => {
    const months = [3, 4, 5].map((n) => shiftMonth(monthOf(now), -n));
    for (const month of months) {
      expect((docs.get('feedback') ?? []).some((f) => f.month === month)).toBe(true);
      expect((docs.get('needs') ?? []).some((n) => n.month === month)).toBe(true);
      expect(
        (docs.get('registrations') ?? []).some((r) => r.month === month && r.status === 'attended'),
      ).toBe(true);
    }
  });

  test('is the same on every run', async () => {
    expect(JSON.stringify(await demoWorld(now))).toBe(JSON.stringify([...docs]));
  });
});

/** A few months of a small city, with its organizations and councils, as `seedCity` writes them. */
async function smallCity(seed: number): Promise<{ world: World; count: number }> {
  const random = new Random(seed);
  const civic = new Random(seed + 1);
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
      residents: Array.from({ length: 40 }, (_, n) => ({
        openid: `${c.id}-r${n}`,
        displayName: '居民',
        family: null,
      })),
    }));
  const months = ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
  const plan = planYear(random, year, months, now, {
    activities: 3000,
    attendances: 60_000,
    ratings: 20_000,
  });
  const organizations = cityOrganizations(civic, places, year, months, now);
  const councils = new CouncilYear(civic, now);
  const activities: Doc[] = [];
  const needs: Doc[] = [];
  for (const month of months) {
    const { start, end } = monthRange(month);
    for (const center of year) councils.propose(center, start, end, civic.int(0, 2));
    await generateMonth(random, plan, month, now, async (collection, doc) => {
      const center = year.find((c) => c.id === doc.centerId);
      if (!center) return;
      if (collection === 'needs') {
        councils.raise(center, doc);
        needs.push(doc);
      }
      if (collection === 'activities') {
        runByOrganization(civic, doc, organizations);
        councils.meet(center, doc);
        activities.push(doc);
      }
    });
  }
  const { centers } = placeDocs(places, now);
  const world: World = {
    centers: centers as unknown as World['centers'],
    residents: new Map(year.map((c) => [c.id, new Set(c.residents.map((r) => r.openid))])),
    organizations,
    activities,
    needs,
    topics: councils.topics(),
  };
  return { world, count: organizations.filter((o) => o.kind === 'community').length };
}

describe('the city-scale world', () => {
  test('has its 57 operators and 474 community organizations, and topics in every state', async () => {
    const { world, count } = await smallCity(11);
    expect(count).toBe(CITY_ORGANIZATIONS);
    expect(world.organizations.filter((o) => o.kind === 'operator')).toHaveLength(57);
    checkOrganizations(world);
    checkTopics(world);
    const statuses = new Map<string, number>();
    for (const t of world.topics) statuses.set(String(t.status), (statuses.get(String(t.status)) ?? 0) + 1);
    for (const s of TOPIC_STATUSES) expect(statuses.get(s)).toBeGreaterThan(0);
    expect(world.topics.some((t) => t.needId)).toBe(true);
    expect(world.activities.filter((a) => a.organizationId).length).toBeGreaterThan(100);
    const overdueOrIdle = world.topics.map((t) => topicRecordSchema.parse(t)).filter((t) => isIdle(t, now));
    expect(overdueOrIdle.length).toBeLessThan(world.topics.length / 3);
    expect(world.topics.every((t) => time(t.createdAt) > now.getTime() - 200 * DAY)).toBe(true);
  }, 60_000);

  test('is the same on every run', async () => {
    const a = await smallCity(5);
    const b = await smallCity(5);
    expect(JSON.stringify(b.world.topics)).toBe(JSON.stringify(a.world.topics));
    expect(JSON.stringify(b.world.organizations)).toBe(JSON.stringify(a.world.organizations));
  }, 60_000);
});
