/**
 * The registry of organizations as the `organizations` function keeps it: each operator (the social
 * organization contracted to run centers: which, since when) and the community organizations operating centers
 * incubate (type, status, a contact role, never a person). Some activities of a center are run by one of them.
 */
import { ORGANIZATION_TYPES } from '../../shared/contract/organizations';
import { local, monthOf } from '../../shared/rules/time';
import type { Doc } from './index';
import type { Random } from './random';

type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

const DAY = 24 * 3600_000;

/** Names of community organizations by type (the center's place goes in front), with the role to contact. */
const NAMES: Record<OrganizationType, [name: string, role: string][]> = {
  扶老: [
    ['银龄互助队', '队长'],
    ['夕阳红助老服务队', '队长'],
    ['老伙伴互助会', '会长'],
    ['爱心助餐队', '联络员'],
  ],
  助残: [
    ['阳光助残服务队', '队长'],
    ['同行助残互助会', '会长'],
    ['助残志愿者小组', '联络员'],
  ],
  救孤: [
    ['春苗关爱小组', '组长'],
    ['护苗守护队', '队长'],
    ['童心关爱社', '社长'],
  ],
  帮困: [
    ['邻里暖心帮困队', '队长'],
    ['爱心帮扶会', '会长'],
    ['慈善帮扶站', '站长'],
  ],
  文体: [
    ['越剧社', '社长'],
    ['太极拳协会', '会长'],
    ['广场舞队', '队长'],
    ['书画社', '社长'],
    ['合唱团', '团长'],
    ['象棋协会', '秘书长'],
  ],
  志愿服务: [
    ['红色志愿服务队', '队长'],
    ['平安巡防队', '队长'],
    ['文明劝导队', '联络员'],
    ['党员先锋队', '队长'],
  ],
  邻里互助: [
    ['邻里守望互助会', '会长'],
    ['楼道长联谊会', '会长'],
    ['和事佬调解队', '队长'],
    ['邻里帮帮团', '团长'],
  ],
  其他: [
    ['读书会', '联络员'],
    ['环保小卫士队', '队长'],
    ['家长互助会', '会长'],
  ],
};
const TYPE_WEIGHTS = [0.18, 0.08, 0.05, 0.1, 0.26, 0.16, 0.12, 0.05];

/** Which kinds of organization run which kind of activity. */
const RUNS: Record<string, readonly OrganizationType[]> = {
  culture_sports: ['文体', '其他'],
  convenience: ['扶老', '助残', '帮困', '志愿服务'],
  micro_governance: ['志愿服务', '邻里互助'],
};

export interface OrganizationCenter {
  id: string;
  name: string;
  streetId: string;
  operatorId: string;
  status: 'building' | 'operating';
}

/** The place a center is named after: 朝阳幸福邻里中心 → 朝阳. */
const placeOf = (centerName: string) => centerName.replace(/幸福邻里中心$/, '');

/**
 * One `kind: 'operator'` document per operator, `_id` = the operator id the centers carry. Contracts are let in
 * half-yearly rounds: an operator's first center dates from its first round, later ones from the same round or
 * a later one; a center still being built was contracted in the last months.
 */
export function operatorRecords(
  random: Random,
  operators: { id: string; name: string }[],
  centers: OrganizationCenter[],
  now: Date,
): Doc[] {
  const year = now.getUTCFullYear();
  const half = now.getUTCMonth() < 6 ? 0 : 1;
  // Rounds from five years back to the last one, oldest first.
  const rounds = Array.from({ length: 10 }, (_, i) => {
    const n = year * 2 + half - 10 + i;
    return Date.UTC(Math.floor(n / 2), (n % 2) * 6, 1) - 8 * 3600_000;
  });
  return operators.map((operator) => {
    const first = random.int(0, rounds.length - 3);
    const runs = centers
      .filter((c) => c.operatorId === operator.id)
      .map((c, i) => {
        const since =
          c.status === 'building'
            ? local(now).startOf('day').subtract(random.int(20, 150), 'day').valueOf()
            : (rounds[i === 0 ? first : random.int(first, rounds.length - 1)] ?? 0) + random.int(0, 20) * DAY;
        return { centerId: c.id, since: new Date(since) };
      });
    if (runs.length === 0) throw new Error(`operator ${operator.id} runs no center`);
    const earliest = new Date(Math.min(...runs.map((r) => r.since.getTime())));
    return {
      _id: operator.id,
      kind: 'operator',
      name: operator.name,
      type: null,
      status: null,
      contactRole: null,
      centerId: null,
      streetId: null,
      runs,
      month: monthOf(earliest),
      createdAt: earliest,
      updatedAt: earliest,
    };
  });
}

/**
 * `count` community organizations incubated at `center`, each registered on a day of one of `months` (no later
 * than now). Older ones have more often completed their civil-affairs registration.
 */
export function communityOrganizations(
  random: Random,
  center: OrganizationCenter,
  count: number,
  months: { start: Date; end: Date }[],
  now: Date,
): Doc[] {
  const taken = new Set<string>();
  const docs: Doc[] = [];
  while (docs.length < count && taken.size < 30) {
    const type = ORGANIZATION_TYPES[random.weighted(TYPE_WEIGHTS)] ?? '其他';
    const [suffix, role] = random.pick(NAMES[type]);
    const name = `${placeOf(center.name)}${suffix}`;
    if (taken.has(name)) continue;
    taken.add(name);
    const month = random.pick(months);
    const until = Math.min(now.getTime(), month.end.getTime());
    const createdAt = new Date(month.start.getTime() + random.next() * (until - month.start.getTime()));
    const age = (now.getTime() - createdAt.getTime()) / DAY;
    docs.push({
      _id: `org-${random.hex(10)}`,
      kind: 'community',
      name,
      type,
      status: random.chance(age > 180 ? 0.7 : 0.25) ? 'registered' : 'incubating',
      contactRole: random.chance(0.2) ? '联络员' : role,
      centerId: center.id,
      streetId: center.streetId,
      runs: [],
      month: monthOf(createdAt),
      createdAt,
      updatedAt: createdAt,
    });
  }
  return docs;
}

/**
 * Names one of its center's community organizations on some activities, as staff do on `saveDraft`: one of a
 * kind that runs such activities and was registered before the activity was drafted.
 */
export function runByOrganization(random: Random, activity: Doc, organizations: readonly Doc[]): void {
  const kinds = RUNS[String(activity.category)] ?? [];
  const drafted = (activity.createdAt as Date).getTime();
  const fit = organizations.filter(
    (o) =>
      o.centerId === activity.centerId &&
      kinds.includes(o.type as OrganizationType) &&
      (o.createdAt as Date).getTime() <= drafted,
  );
  if (fit.length === 0 || !random.chance(0.35)) return;
  const organization = random.pick(fit);
  activity.organizationId = organization._id;
  activity.organizationName = organization.name;
}
