import { CATEGORIES } from '../contract/activities';
import { FEEDBACK_TAGS, MIN_RATINGS_FOR_AVERAGE } from '../contract/feedback';
import type { Figures, TrendPoint } from '../contract/summary';
import { tagCounter } from './feedback';

/**
 * The counters a center keeps per month (`stats`, one document per center and month). Every write that matters
 * adds to them with an atomic `inc`; `summary.rebuild` recounts them from the raw records. Names are ASCII so
 * every store and export accepts them.
 */
export const STAT_FIELDS = [
  // The month list: published (planned), cancelled after publishing, held (closed after taking place).
  'activitiesPublished',
  ...CATEGORIES.map((c) => `published_${c}` as const),
  'activitiesCancelled',
  ...CATEGORIES.map((c) => `cancelled_${c}` as const),
  'activitiesHeld',
  ...CATEGORIES.map((c) => `held_${c}` as const),
  // People: sign-ups (one per person and activity), attendances (人次), distinct people, absences.
  'registrations',
  'attendances',
  'uniqueResidents',
  'noShows',
  'checkinsScanned',
  'checkinsManual',
  'checkinsWalkIn',
  /** Attendances of people a relative signed up (代报名). */
  'attendancesProxy',
  // Satisfaction: count, sum, histogram, tags; ratings staff entered for someone without a phone.
  'ratings',
  'ratingSum',
  'rating1',
  'rating2',
  'rating3',
  'rating4',
  'rating5',
  // One per feedback tag, in the order of FEEDBACK_TAGS (`tagCounter`).
  'tag0',
  'tag1',
  'tag2',
  'tag3',
  'tag4',
  'tag5',
  'tag6',
  'tag7',
  'tag8',
  'tag9',
  'ratingsProxy',
  // Needs, by the month they were reported.
  'needsReported',
  'needsResolved',
  'needsDeclined',
  'needsFirstReplies',
  'needsReplyMinutes',
  'needsOverdue',
  // Council topics, by the month they were proposed: deliberated (a decision recorded), done, days to done,
  // the outcome ratings of proposers and supporters.
  'topicsProposed',
  'topicsDeliberated',
  'topicsDone',
  'topicDoneDays',
  'topicRatings',
  'topicRatingSum',
  // Community organizations registered with the center that month.
  'organizationsIncubated',
] as const;
export type StatField = (typeof STAT_FIELDS)[number];
export type Counters = Record<StatField, number>;

export const emptyCounters = (): Counters => Object.fromEntries(STAT_FIELDS.map((f) => [f, 0])) as Counters;

/** Reads a stored `stats` document (or any partial record of counters) as a full set, missing fields 0. */
export function toCounters(doc: Record<string, unknown> | null | undefined): Counters {
  const counters = emptyCounters();
  if (!doc) return counters;
  for (const field of STAT_FIELDS) {
    const value = doc[field];
    if (typeof value === 'number' && Number.isFinite(value)) counters[field] = value;
  }
  return counters;
}

/** Counters of several months or centers added up. Distinct people add up too: per month and center. */
export function addCounters(into: Counters, more: Counters): Counters {
  for (const field of STAT_FIELDS) into[field] += more[field];
  return into;
}

export const sumCounters = (list: readonly Counters[]): Counters =>
  list.reduce((acc, c) => addCounters(acc, c), emptyCounters());

/** A share in [0, 1] with 3 decimals, or null when there is nothing to divide by. */
export const share = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null;

export function figuresOf(c: Counters): Figures {
  const planned = Math.max(0, c.activitiesPublished - c.activitiesCancelled);
  const expected = c.attendances + c.noShows;
  const enough = c.ratings >= MIN_RATINGS_FOR_AVERAGE;
  return {
    activitiesPlanned: planned,
    activitiesHeld: c.activitiesHeld,
    activitiesCancelled: c.activitiesCancelled,
    heldRate: share(c.activitiesHeld, planned),
    registrations: c.registrations,
    attendances: c.attendances,
    uniqueResidents: c.uniqueResidents,
    noShows: c.noShows,
    attendanceRate: share(c.attendances, expected),
    noShowRate: share(c.noShows, expected),
    checkinsScanned: c.checkinsScanned,
    checkinsManual: c.checkinsManual,
    checkinsWalkIn: c.checkinsWalkIn,
    attendancesProxy: c.attendancesProxy,
    ratings: c.ratings,
    averageRating: enough ? Math.round((c.ratingSum / c.ratings) * 100) / 100 : null,
    histogram: enough ? [c.rating1, c.rating2, c.rating3, c.rating4, c.rating5] : null,
    tags: FEEDBACK_TAGS.map((tag) => ({ tag, count: c[tagCounter(tag)] })),
    ratingsProxy: c.ratingsProxy,
    needsReported: c.needsReported,
    needsResolved: c.needsResolved,
    needsDeclined: c.needsDeclined,
    needsClosureRate: share(c.needsResolved + c.needsDeclined, c.needsReported),
    averageReplyHours:
      c.needsFirstReplies > 0 ? Math.round((c.needsReplyMinutes / c.needsFirstReplies / 60) * 10) / 10 : null,
    needsOverdue: c.needsOverdue,
    topicsProposed: c.topicsProposed,
    topicsDeliberated: c.topicsDeliberated,
    topicsDone: c.topicsDone,
    averageTopicDays: c.topicsDone > 0 ? Math.round((c.topicDoneDays / c.topicsDone) * 10) / 10 : null,
    topicAverageRating:
      c.topicRatings >= MIN_RATINGS_FOR_AVERAGE
        ? Math.round((c.topicRatingSum / c.topicRatings) * 100) / 100
        : null,
    organizationsIncubated: c.organizationsIncubated,
    categories: CATEGORIES.map((category) => ({
      category,
      published: c[`published_${category}`],
      cancelled: c[`cancelled_${category}`],
      held: c[`held_${category}`],
    })),
  };
}

/** Minutes from a need's report to its first reply, as counted: whole minutes, so sums never drift. */
export const replyMinutes = (createdAt: Date, firstReplyAt: Date): number =>
  Math.max(0, Math.round((firstReplyAt.getTime() - createdAt.getTime()) / 60_000));

/** The counters a trend point is made of: a month-by-month line need not add up everything else. */
export const TREND_FIELDS = [
  'activitiesPublished',
  'activitiesCancelled',
  'activitiesHeld',
  'attendances',
  'uniqueResidents',
  'ratings',
  'ratingSum',
  'needsReported',
] as const satisfies readonly StatField[];

/** The few figures a trend chart draws for one month. */
export function trendPoint(month: string, c: Counters): TrendPoint {
  const f = figuresOf(c);
  return {
    month,
    activitiesPlanned: f.activitiesPlanned,
    activitiesHeld: f.activitiesHeld,
    attendances: f.attendances,
    uniqueResidents: f.uniqueResidents,
    ratings: f.ratings,
    averageRating: f.averageRating,
    needsReported: f.needsReported,
  };
}
