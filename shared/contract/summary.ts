import * as z from 'zod';
import { categorySchema } from './activities';
import { idSchema } from './common';
import { mutation, query } from './define';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = (label: string) =>
  z.string({ error: `请选择${label}` }).regex(MONTH, `${label}格式应为“年-月”，如 2026-03`);

/** The longest range a summary or export covers at once. */
export const MAX_RANGE_MONTHS = 24;

const monthCount = (from: string, to: string) => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 0) - (fm ?? 0)) + 1;
};

export const monthRangeSchema = z
  .object({ from: monthSchema('起始月份'), to: monthSchema('结束月份') })
  .refine((r) => r.from <= r.to, { error: '结束月份不能早于起始月份', path: ['to'] })
  .refine((r) => monthCount(r.from, r.to) <= MAX_RANGE_MONTHS, {
    error: `一次最多查看${MAX_RANGE_MONTHS}个月`,
    path: ['to'],
  });

export const figuresSchema = z.object({
  activitiesPlanned: z.number().int(),
  activitiesHeld: z.number().int(),
  activitiesCancelled: z.number().int(),
  heldRate: z.number().nullable(),
  registrations: z.number().int(),
  attendances: z.number().int(),
  uniqueResidents: z.number().int(),
  noShows: z.number().int(),
  attendanceRate: z.number().nullable(),
  noShowRate: z.number().nullable(),
  checkinsScanned: z.number().int(),
  checkinsManual: z.number().int(),
  checkinsWalkIn: z.number().int(),
  attendancesProxy: z.number().int(),
  ratings: z.number().int(),
  averageRating: z.number().nullable(),
  histogram: z.array(z.number().int()).length(5).nullable(),
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
  ratingsProxy: z.number().int(),
  needsReported: z.number().int(),
  needsResolved: z.number().int(),
  needsDeclined: z.number().int(),
  needsClosureRate: z.number().nullable(),
  averageReplyHours: z.number().nullable(),
  needsOverdue: z.number().int(),
  topicsProposed: z.number().int(),
  /** Topics with a decision recorded at a council meeting. */
  topicsDeliberated: z.number().int(),
  topicsDone: z.number().int(),
  averageTopicDays: z.number().nullable(),
  /** The outcome ratings of proposers and supporters; shown only from 3 on. */
  topicAverageRating: z.number().nullable(),
  organizationsIncubated: z.number().int(),
  categories: z.array(
    z.object({
      category: categorySchema,
      published: z.number().int(),
      cancelled: z.number().int(),
      held: z.number().int(),
    }),
  ),
});
export type Figures = z.infer<typeof figuresSchema>;

/** One month of a trend line: the few figures charts draw. */
export const trendPointSchema = z.object({
  month: z.string(),
  activitiesPlanned: z.number().int(),
  activitiesHeld: z.number().int(),
  attendances: z.number().int(),
  uniqueResidents: z.number().int(),
  ratings: z.number().int(),
  averageRating: z.number().nullable(),
  needsReported: z.number().int(),
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
  ratings: z.number().int(),
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
  stars: z.number().int().min(0).max(5),
  points: z.number(),
  certifiedRatio: z.number().nullable(),
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
    z.object({ centerId: idSchema('邻里中心').optional(), month: monthSchema('月份').optional() }),
    z.object({
      center: centerRefSchema.extend({ staffTotal: z.number().int(), staffCertified: z.number().int() }),
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
          capacity: z.number().int(),
          confirmed: z.number().int(),
          ratings: z.number().int(),
          averageRating: z.number().nullable(),
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
      centersBuilt: z.number().int(),
      centersOperating: z.number().int(),
      operators: z.number().int(),
      /** Community organizations in the registry, incubated at any center. */
      communityOrganizations: z.number().int(),
      totals: figuresSchema,
      trend: z.array(trendPointSchema),
      districts: z.array(
        z.object({
          districtId: z.string(),
          name: z.string(),
          centersBuilt: z.number().int(),
          centersOperating: z.number().int(),
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
        .int('年份应为整数')
        .min(2020, '年份不能早于2020年')
        .max(2100, '年份不对'),
      quarter: z
        .number({ error: '季度应为1到4' })
        .int('季度应为1到4')
        .min(1, '季度应为1到4')
        .max(4, '季度应为1到4')
        .optional(),
    }),
    z.object({
      period: z.string(),
      locked: z.boolean(),
      lockedAt: z.string().nullable(),
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
  export: query(
    monthRangeSchema,
    z.object({ filename: z.string(), base64: z.string(), bytes: z.number().int() }),
  ),
  /** City account: recount every counter from the raw records, repair it and report what had drifted. */
  rebuild: mutation(
    // Strict: a maintenance action that rewrites counters takes no options, and says so when given some.
    z.strictObject({}),
    z.object({
      /** The first drifted values (at most 500); `driftCount` says how many there were in all. */
      drift: z.array(driftSchema),
      driftCount: z.number().int(),
      centerMonths: z.number().int(),
      activities: z.number().int(),
      ms: z.number(),
    }),
  ),
} as const;
