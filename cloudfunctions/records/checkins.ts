import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import { bumpStats, type Database, insertMissing, logEvent, readMany } from '../kit';
import { type RegistrationRecord, registrationRecordSchema } from './activities';

export type CheckinMethod = 'scan' | 'manual' | 'walk_in';

/**
 * A check-in is one conditional write at the door: the registration becomes `attended` with who, when and how,
 * and `tally: 'pending'`. Everything that follows from it (the audit entry, the visitor marker and the center's
 * counters) is written by `tallyCheckins`, for many check-ins at once, a minute later at most (the `checkin`
 * function's timer) or at once when a summary is read. So the queue at the door waits for one write, not four.
 */
export const PENDING = 'pending';

/** Check-ins counted per round, and rounds per call (a backlog larger than that waits for the next call). */
const BATCH = 500;
const MAX_ROUNDS = 10;

const METHOD_COUNTERS = {
  scan: 'checkinsScanned',
  manual: 'checkinsManual',
  walk_in: 'checkinsWalkIn',
} as const satisfies Record<CheckinMethod, string>;

const METHOD_ACTIONS = { scan: 'scan', manual: 'manual', walk_in: 'walkIn' } as const satisfies Record<
  CheckinMethod,
  string
>;

type Counted = RegistrationRecord & { checkedInAt: Date; checkedInBy: string; checkInMethod: CheckinMethod };

/** Markers written by an import or an older version may not say which registration made them. */
const markerSchema = z.object({ _id: z.string(), registrationId: z.string().nullable().default(null) });

/** One marker per person, center and month: the person is the family member when a relative signed them up. */
export const visitorId = (reg: Pick<RegistrationRecord, 'centerId' | 'month' | 'openid' | 'forMemberId'>) =>
  `${reg.centerId}_${reg.month}_${reg.forMemberId ?? reg.openid}`;

export const checkinAuditId = (registrationId: string) => `checkin_${registrationId}`;

/** The audit entry of a check-in, from what the check-in wrote on the registration. */
function auditOf(reg: Counted) {
  return {
    _id: checkinAuditId(reg._id),
    kind: `checkin.${reg.checkInMethod}`,
    targetId: reg._id,
    actor: reg.checkedInBy,
    actorRole: 'staff',
    fn: 'checkin',
    action: METHOD_ACTIONS[reg.checkInMethod],
    detail: { activityId: reg.activityId, method: reg.checkInMethod },
    at: reg.checkedInAt,
  };
}

function isCounted(reg: RegistrationRecord): reg is Counted {
  return reg.status === 'attended' && !!reg.checkedInAt && !!reg.checkedInBy && reg.checkInMethod !== null;
}

/**
 * Counts check-ins not yet counted, exactly once each:
 * 1. their audit entries and visitor markers, under fixed ids, so writing them twice is harmless;
 * 2. a claim: the pending registrations are marked with this round's id in one conditional update, and only those
 *    that this round claimed are counted, so two tallies running at once never count one check-in twice;
 * 3. one `inc` per center and month. A crash between 2 and 3 leaves counters short, which `summary.rebuild` repairs
 *    (it counts claimed check-ins and leaves pending ones to the tally).
 */
export async function tallyCheckins(db: Database): Promise<{ tallied: number }> {
  let tallied = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { seen, counted } = await tallyRound(db);
    tallied += counted;
    if (seen < BATCH) break;
  }
  return { tallied };
}

/**
 * The tally a summary runs before it reads the counters. If it fails the summary still answers, from the
 * counters as they are (the timer's next round catches up), and the failure is in the log.
 */
export async function countLatestCheckins(db: Database): Promise<void> {
  try {
    await tallyCheckins(db);
  } catch (error) {
    logEvent('warn', 'tally_failed', { error: error instanceof Error ? error.message : String(error) });
  }
}

async function tallyRound(db: Database): Promise<{ seen: number; counted: number }> {
  const _ = db.command;
  const found = await readMany(
    db,
    COLLECTIONS.registrations,
    { tally: PENDING },
    registrationRecordSchema,
    BATCH,
  );
  const pending = found.filter(isCounted);
  if (!pending.length) return { seen: found.length, counted: 0 };

  // The first check-in of a person at a center in a month owns the marker: earliest first.
  const markers = new Map<
    string,
    { _id: string; centerId: string; month: string; registrationId: string; at: Date }
  >();
  for (const reg of [...pending].sort((a, b) => a.checkedInAt.getTime() - b.checkedInAt.getTime())) {
    const id = visitorId(reg);
    if (!markers.has(id))
      markers.set(id, {
        _id: id,
        centerId: reg.centerId,
        month: reg.month,
        registrationId: reg._id,
        at: reg.checkedInAt,
      });
  }
  await Promise.all([
    insertMissing(db, COLLECTIONS.audit, pending.map(auditOf)),
    insertMissing(db, COLLECTIONS.visitors, [...markers.values()]),
  ]);

  const claim = `tally_${randomBytes(6).toString('hex')}`;
  await db
    .collection(COLLECTIONS.registrations)
    .where({ _id: _.in(pending.map((r) => r._id)), tally: PENDING })
    .update({ tally: claim });
  const [claimed, owners] = await Promise.all([
    readMany(db, COLLECTIONS.registrations, { tally: claim }, registrationRecordSchema, BATCH),
    readMany(db, COLLECTIONS.visitors, { _id: _.in([...markers.keys()]) }, markerSchema, BATCH),
  ]);
  const ownerOf = new Map(owners.map((m) => [m._id, m.registrationId]));

  const increments = new Map<string, { centerId: string; month: string; counts: Record<string, number> }>();
  for (const reg of claimed.filter(isCounted)) {
    const key = `${reg.centerId}_${reg.month}`;
    const entry = increments.get(key) ?? { centerId: reg.centerId, month: reg.month, counts: {} };
    const add = (field: string, n: number) => {
      entry.counts[field] = (entry.counts[field] ?? 0) + n;
    };
    add('attendances', 1);
    add(METHOD_COUNTERS[reg.checkInMethod], 1);
    add('uniqueResidents', ownerOf.get(visitorId(reg)) === reg._id ? 1 : 0);
    add('attendancesProxy', reg.forMemberId ? 1 : 0);
    increments.set(key, entry);
  }
  await Promise.all(
    [...increments.values()].map(({ centerId, month, counts }) => bumpStats(db, centerId, month, counts)),
  );
  return { seen: found.length, counted: claimed.length };
}
