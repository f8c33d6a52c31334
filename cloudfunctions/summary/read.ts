import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import type { CenterBrief } from '../../shared/contract/account';
import type { summaryContract, TrendPoint } from '../../shared/contract/summary';
import { AppError } from '../../shared/errors';
import { publicAverage } from '../../shared/rules/feedback';
import {
  addCounters,
  type Counters,
  emptyCounters,
  figuresOf,
  sumCounters,
  TREND_FIELDS,
  trendPoint,
} from '../../shared/rules/stats';
import { monthOf, monthsBetween, shiftMonth } from '../../shared/rules/time';
import {
  type ActionContext,
  type ActionHandler,
  loadCenter,
  loadCenterBriefs,
  loadRegion,
  readMany,
} from '../kit';
import { activityRecordSchema } from '../records/activities';
import { countLatestCheckins } from '../records/checkins';
import { counterKey, countersAt, countersOf, sumCountersBy } from './counters';

type Summary = typeof summaryContract;

export const centerRef = (c: CenterBrief) => ({
  id: c.id,
  name: c.name,
  streetName: c.streetName,
  districtName: c.districtName,
  status: c.status,
  operatorName: c.operatorName,
});

/** Which center a caller may read: staff their own, a street office those of its street, the city any. */
async function readableCenter(ctx: ActionContext, centerId: string | undefined) {
  const { member } = ctx;
  const id = centerId ?? (member.role === 'staff' ? member.centerId : null);
  if (!id)
    throw new AppError('VALIDATION', '请选择邻里中心', [{ field: 'centerId', message: '请选择邻里中心' }]);
  if (member.role === 'staff' && member.centerId !== id)
    throw new AppError('FORBIDDEN', '只能查看本中心的数据');
  const center = await loadCenter(ctx.db, id);
  if (!center) throw new AppError('NOT_FOUND', '没有找到这个邻里中心');
  if (member.role === 'office' && member.streetId !== center.streetId) {
    throw new AppError('FORBIDDEN', '只能查看本街道的邻里中心');
  }
  return center;
}

const trendOf = (months: readonly string[], at: (month: string) => Counters): TrendPoint[] =>
  months.map((m) => trendPoint(m, at(m)));

export const center: ActionHandler<Summary['center']> = {
  allow: ['staff', 'office', 'admin'],
  async run({ centerId, month: asked }, ctx) {
    const { db, now } = ctx;
    const record = await readableCenter(ctx, centerId);
    const month = asked ?? monthOf(now);
    const months = monthsBetween(shiftMonth(month, -5), month);
    // The counters are read once the latest check-ins are counted; everything else meanwhile.
    const [briefs, counters, activities] = await Promise.all([
      loadCenterBriefs(db, { _id: record._id }),
      countLatestCheckins(db).then(() => countersOf(db, [record._id], months)),
      readMany(db, COLLECTIONS.activities, { centerId: record._id, month }, activityRecordSchema),
    ]);
    const brief = briefs[0];
    if (!brief) throw new AppError('NOT_FOUND', '没有找到这个邻里中心');
    return {
      center: {
        ...centerRef(brief),
        staffTotal: record.staff.length,
        staffCertified: record.staff.filter((s) => s.certified).length,
      },
      month,
      figures: figuresOf(countersAt(counters, counterKey(record._id, month))),
      trend: trendOf(months, (m) => countersAt(counters, counterKey(record._id, m))),
      activities: activities
        .filter((a) => a.status !== 'draft')
        .sort((a, b) => a.startAt.getTime() - b.startAt.getTime())
        .map((a) => ({
          activityId: a._id,
          title: a.title,
          category: a.category,
          startAt: a.startAt.toISOString(),
          status: a.status,
          capacity: a.capacity,
          confirmed: a.confirmed,
          ratings: a.ratings,
          averageRating: publicAverage(a.ratings, a.ratingSum),
        })),
    };
  },
};

const ratedActivitySchema = z.object({
  _id: z.string(),
  title: z.string(),
  centerName: z.string(),
  month: z.string(),
  category: activityRecordSchema.shape.category,
  ratings: z.number().int(),
  average: z.number(),
});

/** The lowest-rated activities of a street in the range, among those with enough ratings to be shown. */
async function lowestRated(db: ActionContext['db'], streetId: string, months: readonly string[]) {
  const _ = db.command;
  const $ = _.aggregate;
  const res: { data?: unknown[] } = await db
    .collection(COLLECTIONS.activities)
    .aggregate()
    .match({ streetId, month: _.in([...months]), ratings: _.gte(3) })
    // One row per activity with only the fields shown: the database never reads the seat lists.
    .group({
      _id: '$_id',
      title: $.first('$title'),
      centerName: $.first('$centerName'),
      month: $.first('$month'),
      category: $.first('$category'),
      ratings: $.first('$ratings'),
      ratingSum: $.first('$ratingSum'),
    })
    .addFields({ average: $.divide(['$ratingSum', '$ratings']) })
    .sort({ average: 1, ratings: -1, _id: 1 })
    .limit(5)
    .end();
  return (res.data ?? []).map((row) => {
    const a = ratedActivitySchema.parse(row);
    return {
      activityId: a._id,
      title: a.title,
      centerName: a.centerName,
      month: a.month,
      category: a.category,
      ratings: a.ratings,
      averageRating: Math.round(a.average * 10) / 10,
    };
  });
}

/** The street summary: also what the export writes. */
export async function streetSummary(ctx: ActionContext, from: string, to: string) {
  const { db, member } = ctx;
  const streetId = member.role === 'office' ? member.streetId : null;
  if (!streetId) throw new AppError('FORBIDDEN', '只有街道可以查看街道汇总');
  const months = monthsBetween(from, to);
  // Two rounds: the street, its centers and the lowest-rated activities together (while the latest check-ins are
  // counted), then the centers' counters.
  const [street, centers, lowestActivities] = await Promise.all([
    loadRegion(db, streetId),
    loadCenterBriefs(db, { streetId }),
    lowestRated(db, streetId, months),
    countLatestCheckins(db),
  ]);
  if (!street) throw new AppError('NOT_FOUND', '没有找到这个街道');
  centers.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
  const counters = await countersOf(
    db,
    centers.map((c) => c.id),
    months,
  );
  const at = (centerId: string, month: string) => countersAt(counters, counterKey(centerId, month));
  const perCenter = centers.map((c) => ({
    center: centerRef(c),
    counters: sumCounters(months.map((m) => at(c.id, m))),
    trend: trendOf(months, (m) => at(c.id, m)),
  }));
  return {
    street: { id: street._id, name: street.name, districtName: centers[0]?.districtName ?? '' },
    from,
    to,
    months,
    totals: figuresOf(sumCounters(perCenter.map((c) => c.counters))),
    trend: trendOf(months, (m) => sumCounters(centers.map((c) => at(c.id, m)))),
    centers: perCenter.map((c) => ({ center: c.center, figures: figuresOf(c.counters), trend: c.trend })),
    lowestActivities,
  };
}

export const street: ActionHandler<Summary['street']> = {
  allow: ['office'],
  run: ({ from, to }, ctx) => streetSummary(ctx, from, to),
};

export const city: ActionHandler<Summary['city']> = {
  allow: ['admin'],
  async run({ from, to }, { db }) {
    const months = monthsBetween(from, to);
    // The counters are read once the latest check-ins are counted; everything else meanwhile.
    const counted = countLatestCheckins(db);
    const [centers, regions, byCenter, byMonth, organizations] = await Promise.all([
      loadCenterBriefs(db, {}),
      readMany(
        db,
        COLLECTIONS.regions,
        { kind: 'district' },
        z.object({ _id: z.string(), name: z.string() }),
      ),
      counted.then(() => sumCountersBy(db, 'centerId', months)),
      counted.then(() => sumCountersBy(db, 'month', months, TREND_FIELDS)),
      db.collection(COLLECTIONS.organizations).where({ kind: 'community' }).count() as Promise<{
        total?: number;
      }>,
    ]);
    const districts = regions
      .map((d) => {
        const own = centers.filter((c) => c.districtId === d._id);
        const counters = emptyCounters();
        for (const c of own) addCounters(counters, countersAt(byCenter, c.id));
        return {
          districtId: d._id,
          name: d.name,
          centersBuilt: own.length,
          centersOperating: own.filter((c) => c.status === 'operating').length,
          figures: figuresOf(counters),
        };
      })
      .sort((a, b) => b.centersBuilt - a.centersBuilt || a.name.localeCompare(b.name, 'zh-Hans-CN'));
    // Counters of centers no longer listed still count for the city as a whole.
    const totals = sumCounters([...byCenter.values()]);
    return {
      from,
      to,
      months,
      centersBuilt: centers.length,
      centersOperating: centers.filter((c) => c.status === 'operating').length,
      operators: new Set(centers.map((c) => c.operatorName)).size,
      communityOrganizations: organizations.total ?? 0,
      totals: figuresOf(totals),
      trend: trendOf(months, (m) => countersAt(byMonth, m)),
      districts,
    };
  },
};
