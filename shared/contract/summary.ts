import * as z from 'zod/mini';
import { categorySchema } from './activities';
import { idSchema } from './common';
import { mutation, query } from './define';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = (label: string) =>
  z.string({ error: `请选择${label}` }).check(z.regex(MONTH, `${label}格式应为“年-月”，如 2026-03`));

/** The longest range a summary or export covers at once. */
export const MAX_RANGE_MONTHS = 24;

const monthCount = (from: string, to: string) => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 0) - (fm ?? 0)) + 1;
};

export const monthRangeSchema = z
  .object({ from: monthSchema('起始月份'), to: monthSchema('结束月份') })
  .check(
    z.refine((r) => r.from <= r.to, { error: '结束月份不能早于起始月份', path: ['to'] }),
    z.refine((r) => monthCount(r.from, r.to) <= MAX_RANGE_MONTHS, {
      error: `一次最多查看${MAX_RANGE_MONTHS}个月`,
      path: ['to'],
    }),
  );

export const figuresSchema = z.object({
  activitiesPlanned: z.int(),
  activitiesHeld: z.int(),
  activitiesCancelled: z.int(),
  heldRate: z.nullable(z.number()),
  registrations: z.int(),
  attendances: z.int(),
  uniqueResidents: z.int(),
  noShows: z.int(),
  attendanceRate: z.nullable(z.number()),
  noShowRate: z.nullable(z.number()),
  checkinsScanned: z.int(),
  checkinsManual: z.int(),
  checkinsWalkIn: z.int(),
  attendancesProxy: z.int(),
  ratings: z.int(),
  averageRating: z.nullable(z.number()),
  histogram: z.nullable(z.array(z.int()).check(z.length(5))),
  tags: z.array(z.object({ tag: z.string(), count: z.int() })),
  ratingsProxy: z.int(),
  needsReported: z.int(),
  needsResolved: z.int(),
  needsDeclined: z.int(),
  needsClosureRate: z.nullable(z.number()),
  averageReplyHours: z.nullable(z.number()),
  needsOverdue: z.int(),
  topicsProposed: z.int(),
  /** Topics with a decision recorded at a council meeting. */
  topicsDeliberated: z.int(),
  topicsDone: z.int(),
  averageTopicDays: z.nullable(z.number()),
  /** The outcome ratings of proposers and supporters; shown only from 3 on. */
  topicAverageRating: z.nullable(z.number()),
  organizationsIncubated: z.int(),
  categories: z.array(
    z.object({
      category: categorySchema,
      published: z.int(),
      cancelled: z.int(),
      held: z.int(),
    }),
  ),
});
export type Figures = z.infer<typeof figuresSchema>;

/** One month of a trend line: the few figures charts draw. */
export const trendPointSchema = z.object({
  month: z.string(),
  activitiesPlanned: z.int(),
  activitiesHeld: z.int(),
  attendances: z.int(),
  uniqueResidents: z.int(),
  ratings: z.int(),
  averageRating: z.nullable(z.number()),
  needsReported: z.int(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

const centerRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  streetName: z.string(),
  districtName: z.string(),
  status: z.enum(['building', 'operating']),
  operatorName: z.string(),
});

const ratedActivitySchema = z.object({
  activityId: z.string(),
  title: z.string(),
  centerName: z.string(),
  month: z.string(),
  category: categorySchema,
  ratings: z.int(),
  averageRating: z.number(),
});

const starPartSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string(),
  score: z.number(),
  weight: z.number(),
  points: z.number(),
});

export const centerStarsSchema = z.object({
  center: centerRefSchema,
  stars: z.int().check(z.minimum(0), z.maximum(5)),
  points: z.number(),
  certifiedRatio: z.nullable(z.number()),
  certifiedOk: z.boolean(),
  parts: z.array(starPartSchema),
  reasons: z.array(z.string()),
});
export type CenterStars = z.infer<typeof centerStarsSchema>;

export const driftSchema = z.object({
  /** `stats` (a center's month) or `activities` (one activity's rating counters). */
  collection: z.enum(['stats', 'activities']),
  id: z.string(),
  field: z.string(),
  stored: z.number(),
  recounted: z.number(),
});
export type Drift = z.infer<typeof driftSchema>;

export const summaryContract = {
  /** One center's month: staff see their own center, a street office any center of its street, the city all. */
  center: query(
    z.object({ centerId: z.optional(idSchema('邻里中心')), month: z.optional(monthSchema('月份')) }),
    z.object({
      center: z.extend(centerRefSchema, { staffTotal: z.int(), staffCertified: z.int() }),
      month: z.string(),
      figures: figuresSchema,
      /** The six months up to `month`. */
      trend: z.array(trendPointSchema),
      activities: z.array(
        z.object({
          activityId: z.string(),
          title: z.string(),
          category: categorySchema,
          startAt: z.string(),
          status: z.string(),
          capacity: z.int(),
          confirmed: z.int(),
          ratings: z.int(),
          averageRating: z.nullable(z.number()),
        }),
      ),
    }),
  ),
  /** A street office: its centers side by side over a range of months. */
  street: query(
    monthRangeSchema,
    z.object({
      street: z.object({ id: z.string(), name: z.string(), districtName: z.string() }),
      from: z.string(),
      to: z.string(),
      months: z.array(z.string()),
      totals: figuresSchema,
      trend: z.array(trendPointSchema),
      centers: z.array(
        z.object({ center: centerRefSchema, figures: figuresSchema, trend: z.array(trendPointSchema) }),
      ),
      /** The lowest-rated activities with at least 3 ratings. */
      lowestActivities: z.array(ratedActivitySchema),
    }),
  ),
  /** The city: the network's headline figures, per district and month by month. */
  city: query(
    monthRangeSchema,
    z.object({
      from: z.string(),
      to: z.string(),
      months: z.array(z.string()),
      centersBuilt: z.int(),
      centersOperating: z.int(),
      operators: z.int(),
      /** Community organizations in the registry, incubated at any center. */
      communityOrganizations: z.int(),
      totals: figuresSchema,
      trend: z.array(trendPointSchema),
      districts: z.array(
        z.object({
          districtId: z.string(),
          name: z.string(),
          centersBuilt: z.int(),
          centersOperating: z.int(),
          figures: figuresSchema,
        }),
      ),
    }),
  ),
  /**
   * The star assessment of a year (or one quarter of it). Once the period is over it is stored as a locked
   * snapshot and never recomputed; an open period gives a provisional result.
   */
  stars: query(
    z.object({
      year: z
        .number({ error: '请选择年份' })
        .check(z.int('年份应为整数'), z.minimum(2020, '年份不能早于2020年'), z.maximum(2100, '年份不对')),
      quarter: z.optional(
        z
          .number({ error: '季度应为1到4' })
          .check(z.int('季度应为1到4'), z.minimum(1, '季度应为1到4'), z.maximum(4, '季度应为1到4')),
      ),
    }),
    z.object({
      period: z.string(),
      locked: z.boolean(),
      lockedAt: z.nullable(z.string()),
      rules: z.object({
        weights: z.record(z.string(), z.number()),
        thresholds: z.array(z.number()),
        minCertifiedRatio: z.number(),
      }),
      centers: z.array(centerStarsSchema),
      /** Operators none of whose centers was rated this year or last: they may not bid again. */
      operatorsUnratedTwoYears: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
  /** The street summary as an .xlsx workbook, base64 in the result. */
  export: query(monthRangeSchema, z.object({ filename: z.string(), base64: z.string(), bytes: z.int() })),
  /** City account: recount every counter from the raw records, repair it and report what had drifted. */
  rebuild: mutation(
    // Strict: a maintenance action that rewrites counters takes no options, and says so when given some.
    z.strictObject({}),
    z.object({
      /** The first drifted values (at most 500); `driftCount` says how many there were in all. */
      drift: z.array(driftSchema),
      driftCount: z.int(),
      centerMonths: z.int(),
      activities: z.int(),
      ms: z.number(),
    }),
  ),
} as const;
