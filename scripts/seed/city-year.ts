/**
 * A year of the city's life, generated month by month: the month lists of every operating center (some
 * cancelled after publishing, past ones closed), who signed up and what became of it (attended, no-show,
 * cancelled, waiting), the attendance markers (`visitors`), ratings, and the needs residents reported with the
 * staff's replies. Every record has the shape the cloud functions write, so the summaries, `rebuild` and the app
 * read it as they read real data. Sizes are calibrated to the city's published figures.
 */
import dayjs from 'dayjs';
import type { Category } from '../../shared/contract/activities';
import { NEGATIVE_TAGS, POSITIVE_TAGS } from '../../shared/contract/feedback';
import type { NeedStatus } from '../../shared/contract/needs';
import { passIdFrom } from '../../shared/rules/pass';
import { replyMinutes } from '../../shared/rules/stats';
import { local, TIME_ZONE } from '../../shared/rules/time';
import type { Doc } from './index';
import { Random } from './random';

export interface YearTargets {
  activities: number;
  attendances: number;
  ratings: number;
}

export const CITY_TARGETS: YearTargets = { activities: 7_600, attendances: 866_000, ratings: 300_000 };

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** One operating center as the year sees it: how well it is run, how big it is, who lives around it. */
export interface YearCenter {
  id: string;
  name: string;
  streetId: string;
  staff: { openid: string; displayName: string };
  /** 0 (struggling) to 1 (exemplary): attendance, ratings, cancellations and replies follow it. */
  quality: number;
  /** Relative size of its neighbourhood: capacities and the number of needs follow it. */
  size: number;
  /** How willing its people are to rate (relative). */
  rating: number;
  residents: Resident[];
}

export interface Resident {
  openid: string;
  displayName: string;
  family: { id: string; displayName: string } | null;
}

interface Template {
  title: string;
  place: string;
  capacity: number;
  hour: number;
  tags: string[];
  description: string;
}

const CATALOG: Record<Category, Template[]> = {
  culture_sports: [
    {
      title: '太极拳晨练',
      place: '中心广场',
      capacity: 100,
      hour: 7,
      tags: ['适合老人', '户外'],
      description: '老师带练二十四式太极拳，动作慢，适合中老年朋友。',
    },
    {
      title: '广场舞展演',
      place: '中心广场',
      capacity: 220,
      hour: 19,
      tags: ['户外'],
      description: '各社区舞蹈队轮流展演，欢迎大家来看来跳。',
    },
    {
      title: '书法兴趣班',
      place: '二楼书画室',
      capacity: 40,
      hour: 9,
      tags: ['适合老人'],
      description: '从握笔开始，写春联、写福字。纸墨由中心准备。',
    },
    {
      title: '亲子绘本阅读',
      place: '一楼阅览室',
      capacity: 50,
      hour: 10,
      tags: ['亲子'],
      description: '志愿者老师给孩子讲绘本，家长一起参加。',
    },
    {
      title: '合唱团排练',
      place: '三楼多功能厅',
      capacity: 80,
      hour: 14,
      tags: ['适合老人'],
      description: '排练红歌和湖州民歌，欢迎新朋友加入。',
    },
    {
      title: '邻里文艺汇演',
      place: '文化礼堂',
      capacity: 300,
      hour: 19,
      tags: ['免费'],
      description: '越剧、湖州三跳、小品，邻居们自己排的节目。',
    },
    {
      title: '露天电影',
      place: '中心广场',
      capacity: 250,
      hour: 19,
      tags: ['户外', '亲子'],
      description: '经典老电影，自带小板凳。',
    },
  ],
  convenience: [
    {
      title: '义诊：量血压测血糖',
      place: '一楼服务大厅',
      capacity: 250,
      hour: 9,
      tags: ['适合老人', '免费'],
      description: '社区医院医生坐诊，免费量血压、测血糖，解答用药问题。',
    },
    {
      title: '智能手机课堂',
      place: '二楼电脑室',
      capacity: 60,
      hour: 14,
      tags: ['适合老人'],
      description: '教大家用微信视频、扫码付款、挂号，手把手教。',
    },
    {
      title: '理发进社区',
      place: '一楼服务大厅',
      capacity: 80,
      hour: 9,
      tags: ['适合老人', '免费'],
      description: '理发师志愿者上门服务，行动不便的可以预约上门。',
    },
    {
      title: '防诈骗讲座',
      place: '三楼多功能厅',
      capacity: 200,
      hour: 14,
      tags: ['适合老人'],
      description: '派出所民警讲最新骗局，教大家怎么识别、怎么报警。',
    },
    {
      title: '家电义务维修',
      place: '中心广场',
      capacity: 120,
      hour: 9,
      tags: ['免费'],
      description: '小家电、雨伞、自行车，志愿者师傅现场修。',
    },
  ],
  micro_governance: [
    {
      title: '邻里议事会：小区停车',
      place: '三楼会议室',
      capacity: 40,
      hour: 19,
      tags: [],
      description: '居民代表、物业和业委会一起商量停车位怎么划、怎么管。',
    },
    {
      title: '垃圾分类宣讲',
      place: '中心广场',
      capacity: 200,
      hour: 9,
      tags: ['亲子'],
      description: '讲清楚四分类，现场答题有小礼品。',
    },
    {
      title: '邻里议事会：加装电梯',
      place: '三楼会议室',
      capacity: 50,
      hour: 19,
      tags: [],
      description: '老旧小区加装电梯，听听每层住户的想法。',
    },
    {
      title: '消防安全演练',
      place: '中心广场',
      capacity: 150,
      hour: 15,
      tags: ['户外'],
      description: '教大家用灭火器、怎么疏散，消防站队员现场指导。',
    },
  ],
};
const CATEGORY_WEIGHTS: [Category, number][] = [
  ['culture_sports', 0.45],
  ['convenience', 0.35],
  ['micro_governance', 0.2],
];

const CANCEL_REASONS = ['天气原因，改期举办', '场地维修，暂停一次', '授课老师临时有事', '报名人数太少'];
const COMMENTS = {
  good: ['老师讲得很耐心，下次还来', '组织得很好，谢谢社工', '希望每个月都办', '家门口就能参加，很方便'],
  poor: ['等了很久才开始', '人太多，后面听不清', '通知太晚了', '内容和介绍不太一样'],
};
const NEED_TEXTS: Record<string, string[]> = {
  culture_sports: [
    '希望开个老年人书法班',
    '晚上想有个跳广场舞的地方',
    '孩子暑假希望有托管和兴趣课',
    '想组织一个象棋比赛',
  ],
  convenience: [
    '希望教老年人用智能手机',
    '小区里缺一个修鞋修伞的点',
    '希望每月有一次免费理发',
    '想在中心办理医保业务',
  ],
  micro_governance: [
    '小区停车位太少，晚上乱停车',
    '垃圾桶位置离楼太近，夏天有味道',
    '楼道堆物多，存在消防隐患',
    '希望老小区加装电梯',
  ],
  other: ['中心开门时间能不能早一点', '希望中心有个充电的地方', '想捐一些旧书给阅览室'],
};
const NEED_CATEGORY_WEIGHTS: [string, number][] = [
  ['culture_sports', 0.3],
  ['convenience', 0.35],
  ['micro_governance', 0.25],
  ['other', 0.1],
];
const REPLIES = [
  '已收到，我们会尽快安排',
  '已经和物业沟通，下周给大家答复',
  '已列入下月项目清单',
  '感谢建议，正在找合适的老师',
];
const DECLINE_REASONS = ['不在中心服务范围内，已转交街道', '场地条件暂时不具备', '已有相近活动，欢迎参加'];

/** One activity of the year, planned before any registration is drawn. */
interface PlannedActivity {
  center: YearCenter;
  month: string;
  index: number;
  category: Category;
  template: Template;
  startAt: Date;
  endAt: Date;
  status: 'published' | 'cancelled' | 'closed';
  /** Template capacity times the center's size, before calibration. */
  nominal: number;
}

export interface YearPlan {
  months: string[];
  byMonth: Map<string, PlannedActivity[]>;
  /** Capacity multiplier that makes the year's attendances come out at the target. */
  capacityScale: number;
  /** Base probability that an attendance is rated, calibrated the same way. */
  ratingRate: number;
  /** The month `now` is in: the only one whose attendance markers still matter. */
  thisMonth: string;
  /** Where each month starts, in milliseconds (time-zone arithmetic is slow; done once per month). */
  monthStarts: Map<string, number>;
}

const fillOf = (c: YearCenter) => 0.72 + 0.3 * c.quality;
const showOf = (c: YearCenter) => 0.78 + 0.17 * c.quality;

/**
 * Plans every center's month lists for `months` and calibrates sizes against the targets (at most 10 activities
 * per center and month, so `targets.activities` must fit).
 */
export function planYear(
  random: Random,
  centers: YearCenter[],
  months: string[],
  now: Date,
  targets: YearTargets = CITY_TARGETS,
): YearPlan {
  const slots: { center: YearCenter; month: string; count: number }[] = [];
  for (const month of months) {
    for (const center of centers) {
      const mean = (targets.activities / (months.length * centers.length)) * (0.7 + 0.6 * center.quality);
      slots.push({ center, month, count: Math.round(random.around(mean, 3, 1, 10)) });
    }
  }
  // Nudge single lists up or down until the year holds exactly the target number of activities.
  let total = slots.reduce((sum, s) => sum + s.count, 0);
  while (total !== targets.activities) {
    const slot = random.pick(slots);
    const step = total < targets.activities ? 1 : -1;
    if (slot.count + step < 1 || slot.count + step > 10) continue;
    slot.count += step;
    total += step;
  }

  const byMonth = new Map<string, PlannedActivity[]>(months.map((m) => [m, []]));
  let expectedAttendances = 0;
  let expectedRatings = 0;
  for (const { center, month, count } of slots) {
    const days = pickDays(random, count);
    for (const [index, day] of days.entries()) {
      const category =
        CATEGORY_WEIGHTS[random.weighted(CATEGORY_WEIGHTS.map(([, w]) => w))]?.[0] ?? 'culture_sports';
      const template = random.pick(CATALOG[category]);
      const start = dayjs.tz(`${month}-${String(day).padStart(2, '0')} ${template.hour}:00`, TIME_ZONE);
      const startAt = start.toDate();
      const endAt = start.add(2, 'hour').toDate();
      const cancelled = random.chance(0.015 + 0.06 * (1 - center.quality));
      const status = cancelled ? 'cancelled' : endAt.getTime() + DAY < now.getTime() ? 'closed' : 'published';
      const nominal = template.capacity * center.size;
      if (!cancelled && endAt.getTime() < now.getTime()) {
        const attended = nominal * seatedShare(fillOf(center)) * showOf(center);
        expectedAttendances += attended;
        expectedRatings += attended * center.rating;
      }
      byMonth.get(month)?.push({ center, month, index, category, template, startAt, endAt, status, nominal });
    }
  }
  const capacityScale = targets.attendances / expectedAttendances;
  const ratingRate = targets.ratings / (expectedRatings * capacityScale);
  const monthStarts = new Map(months.map((m) => [m, dayjs.tz(`${m}-01 00:00`, TIME_ZONE).valueOf()]));
  const thisMonth = local(now).format('YYYY-MM');
  return { months, byMonth, capacityScale, ratingRate, thisMonth, monthStarts };
}

/**
 * The expected share of seats taken when demand is `fill` times capacity give or take (as drawn in
 * `activityRecords`) and never more than capacity: computed by sampling with a fixed seed, so the plan stays
 * deterministic and the year's attendances land on the target.
 */
const seatedShares = new Map<number, number>();
function seatedShare(fill: number): number {
  const known = seatedShares.get(fill);
  if (known !== undefined) return known;
  const sampler = new Random(7);
  let sum = 0;
  for (let i = 0; i < 400; i++) sum += Math.min(1, sampler.around(fill, 0.3, 0.3, 1.25));
  seatedShares.set(fill, sum / 400);
  return sum / 400;
}

/** `count` distinct days of a month, spread so every week has something. */
function pickDays(random: Random, count: number): number[] {
  const days = new Set<number>();
  while (days.size < count) days.add(random.int(1, 28));
  return [...days].sort((a, b) => a - b);
}

/** The collections a month of the year writes to. */
export type YearCollection = 'activities' | 'registrations' | 'visitors' | 'feedback' | 'needs';

const activityIdOf = (a: PlannedActivity) =>
  `a-${a.center.id.slice(2)}-${a.month.replace('-', '')}-${a.index + 1}`;

/**
 * The records of one month. `emit` receives each document as soon as it is complete (a month holds about
 * 90,000 registrations, so nothing is kept longer than needed).
 */
export async function generateMonth(
  random: Random,
  plan: YearPlan,
  month: string,
  now: Date,
  emit: (collection: YearCollection, doc: Doc) => Promise<void>,
): Promise<void> {
  const planned = plan.byMonth.get(month) ?? [];
  // Needs come first: some are linked to an activity of the month, whose `needIds` then name them.
  const firstActivity = new Map<YearCenter, PlannedActivity>();
  for (const a of planned)
    if (a.status !== 'cancelled' && !firstActivity.has(a.center)) firstActivity.set(a.center, a);
  const linkedNeeds = new Map<string, string[]>();
  for (const center of new Set(planned.map((a) => a.center))) {
    for (const need of monthNeeds(random, center, month, now, firstActivity.get(center))) {
      const [link] = need.activities as { activityId: string }[];
      if (link) linkedNeeds.set(link.activityId, [...(linkedNeeds.get(link.activityId) ?? []), need._id]);
      await emit('needs', need);
    }
  }
  const seen = new Set<string>();
  for (const a of planned) {
    const { activity, registrations, feedback, visitors } = activityRecords(random, plan, a, now, seen);
    activity.needIds = linkedNeeds.get(activity._id) ?? [];
    for (const doc of registrations) await emit('registrations', doc);
    for (const doc of visitors) await emit('visitors', doc);
    for (const doc of feedback) await emit('feedback', doc);
    await emit('activities', activity);
  }
}

function activityRecords(random: Random, plan: YearPlan, a: PlannedActivity, now: Date, seen: Set<string>) {
  const { center, template } = a;
  const id = activityIdOf(a);
  const capacity = Math.max(10, Math.round((a.nominal * plan.capacityScale) / 5) * 5);
  const monthStart = plan.monthStarts.get(a.month) ?? 0;
  const publishedAt = new Date(monthStart - random.int(3, 10) * DAY + random.int(9, 17) * HOUR);
  const createdAt = new Date(publishedAt.getTime() - random.int(1, 6) * DAY);
  const signupDeadline = new Date(a.startAt.getTime() - 2 * HOUR);
  const ended = a.endAt.getTime() < now.getTime();
  const cancelledAt =
    a.status === 'cancelled'
      ? new Date(Math.min(now.getTime(), a.startAt.getTime() - random.int(1, 48) * HOUR))
      : null;
  const closedAt = a.status === 'closed' ? new Date(a.endAt.getTime() + random.int(1, 20) * HOUR) : null;

  // Sign-ups keep arriving until the deadline: a list further ahead has fewer so far.
  const daysAhead = (a.startAt.getTime() - now.getTime()) / DAY;
  const soFar = daysAhead > 0 ? Math.max(0.2, Math.min(1, 1 - daysAhead / 30)) : 1;
  const demand = Math.round(capacity * random.around(fillOf(center), 0.3, 0.3, 1.25) * soFar);
  const seated = Math.min(capacity, demand);
  const waiting = demand - seated;
  const selfCancelled = Math.round(demand * random.around(0.05, 0.06, 0, 0.12));
  const people = pickPeople(random, center.residents, selfCancelled + seated + waiting);
  const show = showOf(center);
  const quality = random.around(0, 1.4, -0.9, 0.9);

  const registrations: Doc[] = [];
  const feedback: Doc[] = [];
  const visitors: Doc[] = [];
  const seats: string[] = [];
  const queue: string[] = [];
  let ratings = 0;
  let ratingSum = 0;
  for (const [n, person] of people.entries()) {
    const forFamily = person.family !== null && random.chance(0.5) ? person.family : null;
    const regId = `${id}-${forFamily?.id ?? person.openid}`;
    const signedUpAt = new Date(
      publishedAt.getTime() +
        random.next() *
          Math.max(HOUR, Math.min(now.getTime(), signupDeadline.getTime()) - publishedAt.getTime()),
    );
    let status: string;
    let cancelledBy: string | null = null;
    if (n < selfCancelled) {
      status = 'cancelled';
      cancelledBy = 'self';
    } else if (a.status === 'cancelled') {
      status = 'cancelled';
      cancelledBy = 'center';
    } else if (n < selfCancelled + seated) {
      status = ended
        ? random.chance(show)
          ? 'attended'
          : a.status === 'closed'
            ? 'no_show'
            : 'confirmed'
        : 'confirmed';
      seats.push(regId);
    } else {
      status = 'waitlisted';
      queue.push(regId);
    }
    const attended = status === 'attended';
    const method = attended
      ? random.chance(0.04)
        ? 'walk_in'
        : random.chance(forFamily ? 0.4 : 0.12)
          ? 'manual'
          : 'scan'
      : null;
    const hasPass = method === 'scan' || ((status === 'confirmed' || attended) && random.chance(0.3));
    const checkedInAt = attended
      ? new Date(
          a.startAt.getTime() + (method === 'walk_in' ? random.int(0, 30) : -random.int(0, 40)) * 60_000,
        )
      : null;
    const reg: Doc = {
      _id: regId,
      activityId: id,
      centerId: center.id,
      month: a.month,
      openid: person.openid,
      forMemberId: forFamily?.id ?? null,
      displayName: forFamily?.displayName ?? person.displayName,
      status,
      cancelledBy,
      round: 1,
      title: template.title,
      place: template.place,
      startAt: a.startAt,
      endAt: a.endAt,
      createdAt: signedUpAt,
      passId: hasPass ? passIdFrom(random.bytes(8)) : null,
      passSecret: hasPass ? random.hex(40) : null,
      checkedInAt,
      checkedInBy: attended ? center.staff.openid : null,
      checkInMethod: method,
    };
    if (hasPass) reg.passIssuedAt = new Date(signedUpAt.getTime() + random.int(1, 72) * HOUR);
    if (status === 'cancelled') reg.cancelledAt = cancelledBy === 'center' ? cancelledAt : signedUpAt;
    if (status === 'no_show') reg.closedAt = closedAt;
    registrations.push(reg);

    if (!attended || checkedInAt === null) continue;
    const visitor = `${center.id}_${a.month}_${forFamily?.id ?? person.openid}`;
    // Markers only matter while someone can still check in this month; earlier months never consult them.
    if (a.month === plan.thisMonth && !seen.has(visitor)) {
      seen.add(visitor);
      visitors.push({ _id: visitor, centerId: center.id, month: a.month, at: checkedInAt });
    }
    const rated = rating(random, plan, a, reg, center, quality, now);
    if (rated) {
      feedback.push(rated);
      ratings += 1;
      ratingSum += Number(rated.rating);
    }
  }

  const activity: Doc = {
    _id: id,
    centerId: center.id,
    streetId: center.streetId,
    centerName: center.name,
    month: a.month,
    category: a.category,
    title: template.title,
    description: template.description,
    place: template.place,
    startAt: a.startAt,
    endAt: a.endAt,
    signupDeadline,
    capacity,
    tags: template.tags,
    needIds: [],
    status: a.status,
    confirmed: seats.length,
    waitlisted: queue.length,
    seats,
    queue,
    seatsVersion: seats.length + selfCancelled,
    cancelReason: a.status === 'cancelled' ? random.pick(CANCEL_REASONS) : null,
    publishedAt,
    ratings,
    ratingSum,
    createdBy: center.staff.openid,
    createdAt,
    updatedAt: closedAt ?? cancelledAt ?? publishedAt,
  };
  if (cancelledAt) activity.cancelledAt = cancelledAt;
  if (closedAt) {
    activity.closedAt = closedAt;
    activity.closedBy = center.staff.openid;
  }
  return { activity, registrations, feedback, visitors };
}

/**
 * `count` distinct residents. Regulars (the first third of the list) come far more often than the rest, as in
 * any neighbourhood, so a month has fewer distinct people than attendances.
 */
function pickPeople(random: Random, residents: Resident[], count: number): Resident[] {
  const n = Math.min(count, residents.length);
  const regulars = Math.max(1, Math.floor(residents.length / 3));
  const taken = new Set<number>();
  const out: Resident[] = [];
  let tries = 0;
  while (out.length < n) {
    // Drawing at random slows down as the list fills up; after a while the rest are taken in order.
    const index =
      tries++ < 4 * n
        ? random.chance(0.55)
          ? random.int(0, regulars - 1)
          : random.int(0, residents.length - 1)
        : tries % residents.length;
    if (taken.has(index)) continue;
    taken.add(index);
    const person = residents[index];
    if (person) out.push(person);
  }
  return out;
}

/** A rating for one attendance, or null when the person did not rate (most people do not). */
function rating(
  random: Random,
  plan: YearPlan,
  a: PlannedActivity,
  reg: Doc,
  center: YearCenter,
  activityQuality: number,
  now: Date,
): Doc | null {
  const since = now.getTime() - a.endAt.getTime();
  // The 7-day window is still open for recent activities: fewer have rated so far.
  const windowSoFar = Math.min(1, since / (3 * DAY));
  if (!random.chance(plan.ratingRate * center.rating * windowSoFar)) return null;
  const mean = 2.9 + 1.9 * center.quality + activityQuality;
  const value = Math.min(5, Math.max(1, Math.round(mean + (random.next() - 0.5) * 2.6)));
  const tagCount = random.weighted([0.35, 0.35, 0.2, 0.1]);
  const pool: readonly string[] =
    value >= 4 ? POSITIVE_TAGS : value <= 2 ? NEGATIVE_TAGS : [...POSITIVE_TAGS, ...NEGATIVE_TAGS];
  const tags = [...new Set(Array.from({ length: tagCount }, () => random.pick(pool)))];
  const comment = random.chance(0.04) ? random.pick(value >= 4 ? COMMENTS.good : COMMENTS.poor) : null;
  const proxy = reg.forMemberId !== null && random.chance(0.3);
  const holder = String(reg.openid);
  return {
    _id: reg._id,
    activityId: reg.activityId,
    activityTitle: reg.title,
    centerId: center.id,
    month: a.month,
    holder,
    version: 1,
    rating: value,
    tags,
    comment,
    held: false,
    proxy,
    by: proxy ? center.staff.openid : holder,
    updatedAt: new Date(a.endAt.getTime() + random.next() * Math.min(7 * DAY, since)),
  };
}

/** Needs reported at a center in a month, each as far along as its age and the center's diligence allow. */
function monthNeeds(
  random: Random,
  center: YearCenter,
  month: string,
  now: Date,
  planned: PlannedActivity | undefined,
): Doc[] {
  const monthStart = dayjs.tz(`${month}-01 00:00`, TIME_ZONE);
  const monthEnd = Math.min(now.getTime(), monthStart.add(1, 'month').valueOf());
  const count = Math.round(random.around(4 * center.size, 4, 0, 14));
  const needs: Doc[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(monthStart.valueOf() + random.next() * (monthEnd - monthStart.valueOf()));
    const age = (now.getTime() - createdAt.getTime()) / DAY;
    const category =
      NEED_CATEGORY_WEIGHTS[random.weighted(NEED_CATEGORY_WEIGHTS.map(([, w]) => w))]?.[0] ?? 'other';
    // Diligent centers answer within hours, struggling ones within days or not at all.
    const answers = random.chance(0.55 + 0.45 * center.quality);
    const waitHours = random.around(4 + (1 - center.quality) * 150, 60, 0.2, 400);
    const firstReplyAt =
      answers && waitHours * HOUR < now.getTime() - createdAt.getTime()
        ? new Date(createdAt.getTime() + waitHours * HOUR)
        : null;
    const status = needStatus(random, firstReplyAt !== null, age, center.quality);
    const replies =
      firstReplyAt === null
        ? []
        : Array.from({ length: random.int(1, 2) }, (_, k) => ({
            text: random.pick(REPLIES),
            at: new Date(firstReplyAt.getTime() + k * random.int(1, 72) * HOUR),
            by: center.staff.displayName,
          })).filter((r) => r.at.getTime() <= now.getTime());
    const supporters = pickPeople(
      random,
      center.residents,
      random.weighted([3, 3, 2, 1, 1]) * random.int(0, 4),
    ).map((p) => p.openid);
    const reporter = random.pick(center.residents).openid;
    const linked = (status === 'planned' || status === 'resolved') && planned && random.chance(0.5);
    const overdueAt = createdAt.getTime() + 7 * DAY + random.int(1, 12) * HOUR;
    const flagged =
      (firstReplyAt === null || firstReplyAt.getTime() > overdueAt) && overdueAt < now.getTime();
    const need: Doc = {
      _id: `n-${random.hex(10)}`,
      centerId: center.id,
      category,
      text: random.pick(NEED_TEXTS[category] ?? NEED_TEXTS.other ?? []),
      status,
      reason: status === 'declined' ? random.pick(DECLINE_REASONS) : null,
      held: random.chance(0.005),
      reporter,
      supporters: supporters.filter((s) => s !== reporter),
      supportCount: 0,
      replies,
      activities: linked
        ? [{ activityId: activityIdOf(planned), title: planned.template.title, startAt: planned.startAt }]
        : [],
      month,
      createdAt,
      firstReplyAt,
      replyMinutes: firstReplyAt ? replyMinutes(createdAt, firstReplyAt) : null,
      overdueFlaggedAt: flagged ? new Date(overdueAt) : null,
    };
    need.supportCount = (need.supporters as string[]).length;
    if (status !== 'submitted' && firstReplyAt) {
      need.statusAt = new Date(Math.min(now.getTime(), firstReplyAt.getTime() + random.int(1, 10) * DAY));
    }
    needs.push(need);
  }
  return needs;
}

function needStatus(random: Random, replied: boolean, ageDays: number, quality: number): NeedStatus {
  if (!replied) return 'submitted';
  if (ageDays < 10) return random.pick(['acknowledged', 'acknowledged', 'planned']);
  const settled = Math.min(0.85, ageDays / 60) * (0.6 + 0.4 * quality);
  if (random.chance(settled)) return random.chance(0.85) ? 'resolved' : 'declined';
  return random.chance(0.5) ? 'planned' : 'acknowledged';
}
