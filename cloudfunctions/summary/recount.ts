import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import { FEEDBACK_TAGS } from '../../shared/contract/feedback';
import type { Drift } from '../../shared/contract/summary';
import { tagCounter } from '../../shared/rules/feedback';
import { type Counters, emptyCounters, STAT_FIELDS, toCounters } from '../../shared/rules/stats';
import { bumpStats, type Database } from '../kit';
import { PENDING, tallyCheckins } from '../records/checkins';
import { AGGREGATE_ROWS } from './counters';

/** At most this many drifted values are listed in the answer; all of them are repaired and counted. */
export const MAX_DRIFT_LISTED = 500;

type Row = Record<string, unknown>;
type Stage = [name: 'match' | 'group', value: object];

/** The part of the SDK's aggregate builder used here (the SDK leaves it untyped). */
interface Pipeline {
  match(value: object): Pipeline;
  group(value: object): Pipeline;
  sort(value: object): Pipeline;
  skip(n: number): Pipeline;
  limit(n: number): Pipeline;
  end(): Promise<{ data?: Row[] }>;
}

/** Every row of an aggregation, page by page: CloudBase answers at most 10,000 rows per call. */
async function rows(db: Database, collection: string, stages: Stage[]): Promise<Row[]> {
  const out: Row[] = [];
  for (let skip = 0; ; skip += AGGREGATE_ROWS) {
    let agg = db.collection(collection).aggregate() as Pipeline;
    for (const [name, value] of stages) agg = agg[name](value);
    const res = await agg.sort({ _id: 1 }).skip(skip).limit(AGGREGATE_ROWS).end();
    const page = res.data ?? [];
    out.push(...page);
    if (page.length < AGGREGATE_ROWS) return out;
  }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The months any record belongs to. */
async function monthsWithRecords(db: Database): Promise<string[]> {
  const months = new Set<string>();
  const withMonths = [
    COLLECTIONS.activities,
    COLLECTIONS.needs,
    COLLECTIONS.topics,
    COLLECTIONS.organizations,
    COLLECTIONS.stats,
  ];
  for (const collection of withMonths) {
    for (const row of await rows(db, collection, [['group', { _id: '$month' }]])) {
      if (typeof row._id === 'string') months.add(row._id);
    }
  }
  return [...months].sort();
}

interface MonthRecount {
  counters: Map<string, Counters>;
  /** Rating count and sum of each activity, from its feedback. */
  activityRatings: Map<string, { ratings: number; ratingSum: number }>;
  storedActivityRatings: Map<string, { ratings: number; ratingSum: number }>;
}

/** Counts one month from the raw records with four aggregations, one per kind of record. */
async function recountMonth(db: Database, month: string): Promise<MonthRecount> {
  const $ = db.command.aggregate;
  const is = (field: string, value: unknown) => $.cond([$.eq([`$${field}`, value]), 1, 0]);
  const present = (field: string) => $.cond([$.ifNull([`$${field}`, false]), 1, 0]);
  // A check-in still waiting for its tally (records/checkins.ts) is not in the counters yet, so not here either.
  const counted = $.and([$.eq(['$status', 'attended']), $.neq(['$tally', PENDING])]);
  const attended = $.cond([counted, 1, 0]);
  const attendedBy = (method: string) => $.cond([$.and([counted, $.eq(['$checkInMethod', method])]), 1, 0]);

  const [activities, people, feedback, needs, topics, organizations] = await Promise.all([
    rows(db, COLLECTIONS.activities, [
      ['match', { month }],
      // One row per activity with the fields counted: the database need not read the seat lists.
      [
        'group',
        Object.fromEntries([
          ['_id', '$_id'],
          ...['centerId', 'category', 'status', 'publishedAt', 'ratings', 'ratingSum'].map((f) => [
            f,
            $.first(`$${f}`),
          ]),
        ]),
      ],
    ]),
    // First per person (the family member when a relative signed them up), then per center: distinct people.
    rows(db, COLLECTIONS.registrations, [
      ['match', { month }],
      [
        'group',
        {
          _id: { c: '$centerId', p: $.ifNull(['$forMemberId', '$openid']) },
          n: $.sum(1),
          attended: $.sum(attended),
          noShows: $.sum(is('status', 'no_show')),
          scanned: $.sum(attendedBy('scan')),
          manual: $.sum(attendedBy('manual')),
          walkIn: $.sum(attendedBy('walk_in')),
          proxy: $.sum($.cond([$.and([counted, $.ifNull(['$forMemberId', false])]), 1, 0])),
        },
      ],
      [
        'group',
        {
          _id: '$_id.c',
          registrations: $.sum('$n'),
          attendances: $.sum('$attended'),
          uniqueResidents: $.sum($.cond([$.gt(['$attended', 0]), 1, 0])),
          noShows: $.sum('$noShows'),
          checkinsScanned: $.sum('$scanned'),
          checkinsManual: $.sum('$manual'),
          checkinsWalkIn: $.sum('$walkIn'),
          attendancesProxy: $.sum('$proxy'),
        },
      ],
    ]),
    rows(db, COLLECTIONS.feedback, [
      ['match', { month }],
      [
        'group',
        {
          _id: '$activityId',
          centerId: $.first('$centerId'),
          ratings: $.sum(1),
          ratingSum: $.sum('$rating'),
          ...Object.fromEntries([1, 2, 3, 4, 5].map((k) => [`rating${k}`, $.sum(is('rating', k))])),
          ...Object.fromEntries(
            FEEDBACK_TAGS.map((tag) => [tagCounter(tag), $.sum($.cond([$.in([tag, '$tags']), 1, 0]))]),
          ),
          ratingsProxy: $.sum($.cond(['$proxy', 1, 0])),
        },
      ],
    ]),
    rows(db, COLLECTIONS.needs, [
      ['match', { month }],
      [
        'group',
        {
          _id: '$centerId',
          needsReported: $.sum(1),
          needsResolved: $.sum(is('status', 'resolved')),
          needsDeclined: $.sum(is('status', 'declined')),
          needsFirstReplies: $.sum(present('firstReplyAt')),
          needsReplyMinutes: $.sum($.ifNull(['$replyMinutes', 0])),
          needsOverdue: $.sum(present('overdueFlaggedAt')),
        },
      ],
    ]),
    rows(db, COLLECTIONS.topics, [
      ['match', { month }],
      [
        'group',
        {
          _id: '$centerId',
          topicsProposed: $.sum(1),
          topicsDeliberated: $.sum(present('resolution')),
          topicsDone: $.sum(is('status', 'done')),
          topicDoneDays: $.sum($.ifNull(['$doneDays', 0])),
          topicRatings: $.sum('$ratingCount'),
          topicRatingSum: $.sum('$ratingSum'),
        },
      ],
    ]),
    rows(db, COLLECTIONS.organizations, [
      ['match', { month, kind: 'community' }],
      ['group', { _id: '$centerId', organizationsIncubated: $.sum(1) }],
    ]),
  ]);

  const counters = new Map<string, Counters>();
  const of = (centerId: string) => {
    const known = counters.get(centerId);
    if (known) return known;
    const fresh = emptyCounters();
    counters.set(centerId, fresh);
    return fresh;
  };
  const add = (centerId: string, row: Row) => {
    const c = of(centerId);
    const more = toCounters(row);
    for (const field of STAT_FIELDS) c[field] += more[field];
  };

  const storedActivityRatings = new Map<string, { ratings: number; ratingSum: number }>();
  for (const a of activities) {
    const c = of(str(a.centerId));
    const published = a.publishedAt !== null && a.publishedAt !== undefined;
    const category = str(a.category) as 'culture_sports';
    if (published) {
      c.activitiesPublished += 1;
      c[`published_${category}`] += 1;
    }
    if (published && a.status === 'cancelled') {
      c.activitiesCancelled += 1;
      c[`cancelled_${category}`] += 1;
    }
    if (a.status === 'closed') {
      c.activitiesHeld += 1;
      c[`held_${category}`] += 1;
    }
    storedActivityRatings.set(str(a._id), { ratings: num(a.ratings), ratingSum: num(a.ratingSum) });
  }
  for (const row of people) add(str(row._id), row);
  for (const row of [...needs, ...topics, ...organizations]) add(str(row._id), row);
  const activityRatings = new Map<string, { ratings: number; ratingSum: number }>();
  for (const row of feedback) {
    add(str(row.centerId), row);
    activityRatings.set(str(row._id), { ratings: num(row.ratings), ratingSum: num(row.ratingSum) });
  }
  // A center with records but nothing to count (e.g. only drafts) needs no counters document.
  for (const [centerId, c] of counters) if (STAT_FIELDS.every((f) => c[f] === 0)) counters.delete(centerId);
  return { counters, activityRatings, storedActivityRatings };
}

const storedStatsSchema = z.looseObject({ _id: z.string(), centerId: z.string() });

/**
 * Recounts every center's monthly counters and every activity's rating counters from the raw records, repairs
 * what differs with `inc` of the difference (so writes that land meanwhile are not lost) and reports the drift.
 */
export async function rebuildCounters(
  db: Database,
  onMonth?: (month: string, index: number, of: number) => void,
) {
  const drift: Drift[] = [];
  let driftCount = 0;
  let centerMonths = 0;
  let activities = 0;
  const note = (d: Drift) => {
    driftCount += 1;
    if (drift.length < MAX_DRIFT_LISTED) drift.push(d);
  };
  // Check-ins waiting for their tally are counted first, so the counters compared are as fresh as can be.
  await tallyCheckins(db);
  const months = await monthsWithRecords(db);
  // Months are independent: two at a time keep the database's readers busy (each month's records are read
  // by a handful of aggregations, one of which is most of the work).
  let next = 0;
  const recountNext = async (): Promise<void> => {
    const index = next++;
    const month = months[index];
    if (month === undefined) return;
    onMonth?.(month, index, months.length);
    const [recount, storedRows] = await Promise.all([
      recountMonth(db, month),
      rows(db, COLLECTIONS.stats, [['match', { month }]]),
    ]);
    const stored = new Map(
      storedRows.map((row) => {
        const doc = storedStatsSchema.parse(row);
        return [doc.centerId, toCounters(doc)];
      }),
    );
    const centers = new Set([...recount.counters.keys(), ...stored.keys()]);
    const repairs: (() => Promise<unknown>)[] = [];
    for (const centerId of centers) {
      const want = recount.counters.get(centerId) ?? emptyCounters();
      const have = stored.get(centerId) ?? emptyCounters();
      const delta: Record<string, number> = {};
      for (const field of STAT_FIELDS) {
        if (want[field] === have[field]) continue;
        delta[field] = want[field] - have[field];
        note({
          collection: 'stats',
          id: `${centerId}_${month}`,
          field,
          stored: have[field],
          recounted: want[field],
        });
      }
      repairs.push(() => bumpStats(db, centerId, month, delta));
    }
    centerMonths += recount.counters.size;

    for (const [activityId, have] of recount.storedActivityRatings) {
      const want = recount.activityRatings.get(activityId) ?? { ratings: 0, ratingSum: 0 };
      activities += 1;
      if (want.ratings === have.ratings && want.ratingSum === have.ratingSum) continue;
      for (const field of ['ratings', 'ratingSum'] as const) {
        if (want[field] !== have[field]) {
          note({
            collection: 'activities',
            id: activityId,
            field,
            stored: have[field],
            recounted: want[field],
          });
        }
      }
      repairs.push(() =>
        db
          .collection(COLLECTIONS.activities)
          .doc(activityId)
          .update({
            ratings: db.command.inc(want.ratings - have.ratings),
            ratingSum: db.command.inc(want.ratingSum - have.ratingSum),
          }),
      );
    }
    await atMost(REPAIRS_AT_ONCE, repairs);
    return recountNext();
  };
  await Promise.all([recountNext(), recountNext()]);
  return { drift, driftCount, centerMonths, activities };
}

/** A month's repairs can be hundreds of writes (a fresh world's activity ratings): a few at a time. */
const REPAIRS_AT_ONCE = 8;

async function atMost(width: number, tasks: readonly (() => Promise<unknown>)[]): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let task = tasks[next++]; task !== undefined; task = tasks[next++]) await task();
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, lane));
}
