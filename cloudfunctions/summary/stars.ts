import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import { type CenterStars, centerStarsSchema, type summaryContract } from '../../shared/contract/summary';
import { assessCenter, STAR_RULES, unratedTwoYears } from '../../shared/rules/stars';
import { monthRange, monthsBetween } from '../../shared/rules/time';
import {
  type ActionContext,
  type ActionHandler,
  type CenterRecord,
  centerRecordSchema,
  type Database,
  insertOnce,
  loadCenterBriefs,
  readMany,
} from '../kit';
import { countLatestCheckins } from '../records/checkins';
import { countersAt, sumCountersBy } from './counters';
import { centerRef } from './read';

type Summary = typeof summaryContract;

interface Period {
  key: string;
  months: string[];
  /** The first instant after the period: from then on its assessment can be locked. */
  end: Date;
}

function periodOf(year: number, quarter?: number): Period {
  const first = quarter ? (quarter - 1) * 3 + 1 : 1;
  const last = quarter ? first + 2 : 12;
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return {
    key: quarter ? `${year}-Q${quarter}` : `${year}`,
    months: monthsBetween(month(first), month(last)),
    end: monthRange(month(last)).end,
  };
}

/** `assessments` (_id = period_center): written once when the period is over, never changed afterwards. */
const assessmentRecordSchema = z.object({
  ...centerStarsSchema.shape,
  _id: z.string(),
  period: z.string(),
  centerId: z.string(),
  operatorId: z.string(),
  lockedAt: z.coerce.date(),
});

/** Every center's assessment for a period, computed from the counters. */
async function assessAll(db: Database, period: Period, centers: CenterRecord[]) {
  const [briefs, byCenter] = await Promise.all([
    loadCenterBriefs(db, {}),
    countLatestCheckins(db).then(() => sumCountersBy(db, 'centerId', period.months)),
  ]);
  const briefOf = new Map(briefs.map((b) => [b.id, b]));
  return centers.flatMap((c) => {
    const brief = briefOf.get(c._id);
    if (!brief) return [];
    const result = assessCenter({
      counters: countersAt(byCenter, c._id),
      months: period.months.length,
      staffTotal: c.staff.length,
      staffCertified: c.staff.filter((s) => s.certified).length,
      operating: c.status === 'operating',
    });
    const stars: CenterStars = { center: centerRef(brief), ...result };
    return [{ centerId: c._id, operatorId: c.operator.id, stars }];
  });
}

type Assessed = Awaited<ReturnType<typeof assessAll>>[number];

/** Locked snapshots where they exist; a period that is over and has none gets them now (city account only). */
async function assessmentsFor(ctx: ActionContext, period: Period, centers: CenterRecord[]) {
  const { db, now, member } = ctx;
  const readLocked = async () => {
    const locked = await readMany(
      db,
      COLLECTIONS.assessments,
      { period: period.key },
      assessmentRecordSchema,
    );
    return {
      locked: true,
      lockedAt: locked[0]?.lockedAt ?? null,
      list: locked.map(
        (a): Assessed => ({
          centerId: a.centerId,
          operatorId: a.operatorId,
          stars: centerStarsSchema.parse(a),
        }),
      ),
    };
  };
  const stored = await readLocked();
  if (stored.list.length && stored.list.length >= centers.length) return stored;
  const list = await assessAll(db, period, centers);
  const over = now.getTime() >= period.end.getTime();
  if (!over || member.role !== 'admin') return { locked: false, lockedAt: null, list };
  // Each snapshot is inserted once: a second caller, or a retry, keeps the first.
  await Promise.all(
    list.map((a) =>
      insertOnce(db, COLLECTIONS.assessments, {
        _id: `${period.key}_${a.centerId}`,
        period: period.key,
        centerId: a.centerId,
        operatorId: a.operatorId,
        lockedAt: now,
        ...a.stars,
      }),
    ),
  );
  return readLocked();
}

const ratedByOperator = (list: Assessed[]) => {
  const rated = new Map<string, boolean>();
  for (const a of list) rated.set(a.operatorId, (rated.get(a.operatorId) ?? false) || a.stars.stars > 0);
  return rated;
};

export const stars: ActionHandler<Summary['stars']> = {
  allow: ['staff', 'office', 'admin'],
  async run({ year, quarter }, ctx) {
    const { db, member } = ctx;
    const period = periodOf(year, quarter);
    const centers = await readMany(db, COLLECTIONS.centers, {}, centerRecordSchema);
    const current = await assessmentsFor(ctx, period, centers);
    // Losing the right to bid is judged on whole years, over every center the operator runs.
    let flagged: string[] = [];
    if (!quarter) {
      const previous = await assessmentsFor(ctx, periodOf(year - 1), centers);
      flagged = unratedTwoYears(ratedByOperator(current.list), ratedByOperator(previous.list));
    }
    const visible = (a: Assessed) =>
      member.role === 'admin' ||
      (member.role === 'office' && centers.find((c) => c._id === a.centerId)?.streetId === member.streetId) ||
      (member.role === 'staff' && a.centerId === member.centerId);
    const operatorNames = new Map(centers.map((c) => [c.operator.id, c.operator.name]));
    const seen = current.list.filter(visible);
    const seenOperators = new Set(seen.map((a) => a.operatorId));
    return {
      period: period.key,
      locked: current.locked,
      lockedAt: current.lockedAt?.toISOString() ?? null,
      rules: {
        weights: { ...STAR_RULES.weights },
        thresholds: [...STAR_RULES.thresholds],
        minCertifiedRatio: STAR_RULES.minCertifiedRatio,
      },
      centers: seen
        .map((a): CenterStars => a.stars)
        .sort((a, b) => b.points - a.points || a.center.name.localeCompare(b.center.name, 'zh-Hans-CN')),
      operatorsUnratedTwoYears: flagged
        .filter((id) => member.role === 'admin' || seenOperators.has(id))
        .map((id) => ({ id, name: operatorNames.get(id) ?? id })),
    };
  },
};
