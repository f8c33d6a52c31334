/**
 * Taking and giving back places on an activity. Every change is ONE conditional update of the activity
 * document: its condition states what must still be true (a seat is free, nobody waits, this person holds no
 * place yet, the seats did not move), and the update moves the person and the counters together. A document
 * update is atomic on CloudBase (MongoDB's single-document atomicity) and in the local emulator (one SQLite
 * transaction per request), so two people can never take the last seat, no arrival jumps the waitlist, and the
 * counters always equal `seats` and `queue`. When a condition fails, someone else got there first: read the
 * activity again and retry. No multi-document transaction is held, so a crowd never piles up on conflicts.
 *
 * The registration documents follow: each step then sets their status (conditionally, so nothing is done
 * twice) and queues the message. If a function dies between the two, `reconcile` repairs the registration from
 * the activity, which is the authority on who holds a place.
 */
import { COLLECTIONS } from '../../shared/collections';
import { AppError } from '../../shared/errors';
import {
  handOver,
  nextToPromote,
  type Place,
  placeOf,
  seatIsFree,
  signupRefusal,
} from '../../shared/rules/seats';
import { type Database, insertOnce, type OutboxMessage, outboxMessage, readDoc } from '../kit';
import {
  type ActivityRecord,
  loadActivity,
  messageId,
  type RegistrationRecord,
  registrationRecordSchema,
} from './activities';

/** Attempts before giving up on a step that keeps losing races (each loss means another person progressed). */
const MAX_ATTEMPTS = 200;

const updated = async (query: object, db: Database, patch: object) => {
  const res: { updated?: number } = await db.collection(COLLECTIONS.activities).where(query).update(patch);
  return res.updated === 1;
};

async function reload(db: Database, activityId: string): Promise<ActivityRecord> {
  const activity = await loadActivity(db, activityId);
  if (!activity) throw new AppError('NOT_FOUND', '没有找到这个活动');
  return activity;
}

/** Takes a seat when one is free and nobody waits, otherwise a place at the end of the waitlist. */
export async function claimPlace(
  db: Database,
  seen: ActivityRecord,
  registrationId: string,
  now: Date,
  /** Walk-ins get a free seat or nothing: they are at the door, not joining a waitlist. */
  options: { seatOnly?: boolean } = {},
): Promise<{ place: Place; activity: ActivityRecord }> {
  const _ = db.command;
  let activity = seen;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) activity = await reload(db, activity._id);
    const place = placeOf(activity, registrationId);
    if (place) return { place, activity };
    const refusal = signupRefusal(activity, now);
    if (refusal) throw new AppError(refusal.code, refusal.message);
    const unchanged = {
      _id: activity._id,
      status: 'published',
      capacity: activity.capacity,
      seats: _.neq(registrationId),
      queue: _.neq(registrationId),
    };
    if (seatIsFree(activity)) {
      const took = await updated({ ...unchanged, waitlisted: 0, confirmed: _.lt(activity.capacity) }, db, {
        confirmed: _.inc(1),
        seats: _.push([registrationId]),
        seatsVersion: _.inc(1),
      });
      if (took) {
        const seats = [...activity.seats, registrationId];
        return {
          place: { status: 'confirmed', position: null },
          activity: { ...activity, seats, confirmed: seats.length },
        };
      }
    } else if (options.seatOnly) {
      throw new AppError('FULL', '名额已满');
    } else {
      const queued = await updated(
        _.and([unchanged, _.or([{ confirmed: _.gte(activity.capacity) }, { waitlisted: _.gt(0) }])]),
        db,
        { waitlisted: _.inc(1), queue: _.push([registrationId]) },
      );
      // Our place in line is known only once we see the queue our push landed in: the next pass reads it.
      if (queued) continue;
    }
  }
  throw new AppError('BUSY', '报名的人太多了，请稍后再试');
}

/**
 * Gives a place back. A seat goes to the first person waiting in the same update (a hand-over conditional on
 * the seats not having moved); a place in the waitlist just leaves it. Returns who was promoted, if anyone.
 */
export async function releasePlace(
  db: Database,
  activityId: string,
  registrationId: string,
): Promise<string | null> {
  const _ = db.command;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const activity = await reload(db, activityId);
    const place = placeOf(activity, registrationId);
    if (!place) return null;
    if (place.status === 'waitlisted') {
      if (
        await updated({ _id: activityId, queue: registrationId }, db, {
          waitlisted: _.inc(-1),
          queue: _.pull(registrationId),
        })
      )
        return null;
      continue;
    }
    const next = handOver(activity, registrationId);
    if (next.promoted === null) {
      const left = await updated({ _id: activityId, seats: registrationId }, db, {
        confirmed: _.inc(-1),
        seats: _.pull(registrationId),
        seatsVersion: _.inc(1),
      });
      // Someone may have joined the waitlist just before the seat came free: let them in.
      if (left) return (await promoteWhileSeatsFree(db, activityId))[0] ?? null;
      continue;
    }
    const handed = await updated(
      { _id: activityId, seatsVersion: activity.seatsVersion, 'queue.0': next.promoted },
      db,
      { seats: next.seats, seatsVersion: _.inc(1), waitlisted: _.inc(-1), queue: _.pull(next.promoted) },
    );
    if (handed) return next.promoted;
  }
  throw new AppError('BUSY', '操作的人太多了，请稍后再试');
}

/** Moves the first people waiting into free seats (after capacity grew or a seat came free). Returns them. */
export async function promoteWhileSeatsFree(db: Database, activityId: string): Promise<string[]> {
  const _ = db.command;
  const promoted: string[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const activity = await reload(db, activityId);
    const first = activity.status === 'published' ? nextToPromote(activity) : null;
    if (first === null) return promoted;
    const moved = await updated(
      {
        _id: activityId,
        status: 'published',
        seatsVersion: activity.seatsVersion,
        'queue.0': first,
        confirmed: _.lt(activity.capacity),
      },
      db,
      {
        confirmed: _.inc(1),
        seats: _.push([first]),
        seatsVersion: _.inc(1),
        waitlisted: _.inc(-1),
        queue: _.pull(first),
      },
    );
    if (moved) promoted.push(first);
  }
  return promoted;
}

/** Statuses that follow the activity's seats and queue; attendance and cancellations are final. */
const SETTLEABLE = new Set(['pending', 'confirmed', 'waitlisted']);

/**
 * Brings a registration's status in line with its place on the activity and queues the message the change
 * deserves (confirmed, or promoted from the waitlist). Conditional on the status it saw, so it runs once: of
 * two steps settling one registration at the same time, one changes it and the other finds it settled. Returns
 * whether this call changed it.
 */
export async function settleRegistration(
  db: Database,
  registrationId: string,
  activity: ActivityRecord,
  now: Date,
  /** The record as the caller just wrote it, saving a read. */
  known?: RegistrationRecord,
): Promise<boolean> {
  let seen = activity;
  let reg = known ?? (await readDoc(db, COLLECTIONS.registrations, registrationId, registrationRecordSchema));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (!reg || !SETTLEABLE.has(reg.status)) return false;
    const target = placeOf(seen, registrationId)?.status ?? 'cancelled';
    if (target === reg.status) return false;
    const cancelledBy = seen.status === 'cancelled' ? 'center' : 'self';
    const res: { updated?: number } = await db
      .collection(COLLECTIONS.registrations)
      .where({ _id: registrationId, status: reg.status })
      .update({
        status: target,
        ...(target === 'cancelled' ? { cancelledBy, cancelledAt: now } : {}),
        updatedAt: now,
      });
    if (res.updated === 1) {
      if (target === 'confirmed') {
        await queueMessage(db, reg, seen, reg.status === 'waitlisted' ? 'promoted' : 'confirmed', now);
      }
      return true;
    }
    // Another step changed the record first: what it saw of the activity may be newer than ours, so read both.
    seen = await reload(db, activity._id);
    reg = await readDoc(db, COLLECTIONS.registrations, registrationId, registrationRecordSchema);
  }
  throw new AppError('BUSY', '操作的人太多了，请稍后再试');
}

type RegistrationMessageKind = 'confirmed' | 'promoted' | 'activity_cancelled' | 'reminder';

/** The message about a registration, under an id of its own (registration, round, kind). */
export function registrationMessage(
  reg: RegistrationRecord,
  activity: ActivityRecord,
  kind: RegistrationMessageKind,
  now: Date,
): OutboxMessage {
  return outboxMessage({
    id: messageId(reg, kind),
    openid: reg.openid,
    kind,
    subject: {
      title: activity.title,
      place: activity.place,
      startAt: activity.startAt,
      forName: reg.forMemberId ? reg.displayName : null,
      cancelReason: activity.cancelReason,
    },
    activityId: activity._id,
    registrationId: reg._id,
    now,
  });
}

export async function queueMessage(
  db: Database,
  reg: RegistrationRecord,
  activity: ActivityRecord,
  kind: RegistrationMessageKind,
  now: Date,
): Promise<boolean> {
  return insertOnce(db, COLLECTIONS.outbox, registrationMessage(reg, activity, kind, now));
}

/** Settles everyone whose place changed in one step (the person leaving, the people moving up). */
export async function settleAll(
  db: Database,
  activityId: string,
  registrationIds: string[],
  now: Date,
): Promise<void> {
  if (!registrationIds.length) return;
  const activity = await reload(db, activityId);
  for (const id of registrationIds) await settleRegistration(db, id, activity, now);
}
