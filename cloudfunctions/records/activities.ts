import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import {
  type ActivityView,
  activityStatusSchema,
  categorySchema,
  registrationStatusSchema,
} from '../../shared/contract/activities';
import { type Database, readDoc } from '../kit';

const date = z.coerce.date();

/**
 * `activities`: one entry of a center's month list. `seats` and `queue` say who holds a seat and who waits, in
 * order; `confirmed`/`waitlisted` are their lengths, changed in the same updates.
 */
export const activityRecordSchema = z.object({
  _id: z.string(),
  centerId: z.string(),
  streetId: z.string(),
  centerName: z.string(),
  month: z.string(),
  category: categorySchema,
  title: z.string(),
  description: z.string(),
  place: z.string(),
  startAt: date,
  endAt: date,
  signupDeadline: date,
  capacity: z.number().int(),
  tags: z.array(z.string()),
  needIds: z.array(z.string()),
  status: activityStatusSchema,
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  seats: z.array(z.string()),
  queue: z.array(z.string()),
  /** Bumped by every change of `seats`: hand-overs compare it to know the seats did not move meanwhile. */
  seatsVersion: z.number().int(),
  cancelReason: z.string().nullable(),
  publishedAt: date.nullable().default(null),
  /** Rating counters of this activity alone, kept with the center's (so the lowest-rated can be listed). */
  ratings: z.number().int().default(0),
  ratingSum: z.number().int().default(0),
  /** Council meetings (社区微治理): who sat at the table, the minutes and the topics on the agenda. */
  councilRoles: z.array(z.string()).default([]),
  minutes: z.string().nullable().default(null),
  topicIds: z.array(z.string()).default([]),
  /** A community organization of the center that runs this activity. */
  organizationId: z.string().nullable().default(null),
  organizationName: z.string().nullable().default(null),
});
export type ActivityRecord = z.infer<typeof activityRecordSchema>;

/**
 * `registrations` (_id = activityId + person): never deleted, so history and no-shows survive. `pending` is the
 * short moment between writing the record and taking a place on the activity; `round` counts sign-ups again
 * after cancelling, so each round's messages have their own ids.
 */
export const registrationRecordSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  centerId: z.string(),
  /** The activity's month: the center's counters for that month count this registration. */
  month: z.string(),
  /** The account holder: the resident, or the relative who signed a family member up. */
  openid: z.string(),
  forMemberId: z.string().nullable(),
  displayName: z.string(),
  status: z.union([registrationStatusSchema, z.literal('pending')]),
  cancelledBy: z.enum(['self', 'center']).nullable(),
  round: z.number().int(),
  /** Copied from the activity (and kept in step when staff edit it) so the door never needs a second read. */
  title: z.string(),
  place: z.string(),
  startAt: date,
  endAt: date,
  createdAt: date,
  /** Check-in pass: a short public id for the QR code and the secret the phone derives codes from. */
  passId: z.string().nullable().default(null),
  passSecret: z.string().nullable().default(null),
  checkedInAt: date.nullable().default(null),
  checkedInBy: z.string().nullable().default(null),
  checkInMethod: z.enum(['scan', 'manual', 'walk_in']).nullable().default(null),
  /** The client's request id of the check-in, so a retry of that very request hears 签到成功 again. */
  checkInRequest: z.string().nullable().default(null),
  /** 'pending' until the check-in is counted (records/checkins.ts), then the id of the round that counted it. */
  tally: z.string().nullable().default(null),
});
export type RegistrationRecord = z.infer<typeof registrationRecordSchema>;

export const loadActivity = (db: Database, id: string) =>
  readDoc(db, COLLECTIONS.activities, id, activityRecordSchema);

export const registrationIdFor = (activityId: string, person: string) => `${activityId}-${person}`;

export function toActivityView(a: ActivityRecord, now: Date, mine: ActivityView['mine'] = []): ActivityView {
  return {
    id: a._id,
    centerId: a.centerId,
    centerName: a.centerName,
    month: a.month,
    category: a.category,
    title: a.title,
    description: a.description,
    place: a.place,
    startAt: a.startAt.toISOString(),
    endAt: a.endAt.toISOString(),
    signupDeadline: a.signupDeadline.toISOString(),
    capacity: a.capacity,
    confirmed: a.confirmed,
    waitlisted: a.waitlisted,
    seatsLeft: Math.max(0, a.capacity - a.confirmed),
    tags: a.tags,
    needIds: a.needIds,
    organizationId: a.organizationId,
    organizationName: a.organizationName,
    status: a.status,
    cancelReason: a.cancelReason,
    signupOpen: a.status === 'published' && now.getTime() <= a.signupDeadline.getTime(),
    mine,
  };
}

/** Ids of messages about a registration: one per kind and round, so a repeated step never queues it twice. */
export const messageId = (reg: { _id: string; round: number }, kind: string) =>
  `${reg._id}_r${reg.round}_${kind}`;

/** A registration as first written, `pending` until it takes a place on the activity. */
export function newRegistration(
  activity: ActivityRecord,
  person: { openid: string; forMemberId: string | null; displayName: string },
  now: Date,
): RegistrationRecord {
  return {
    _id: registrationIdFor(activity._id, person.forMemberId ?? person.openid),
    activityId: activity._id,
    centerId: activity.centerId,
    month: activity.month,
    ...person,
    status: 'pending',
    cancelledBy: null,
    round: 1,
    title: activity.title,
    place: activity.place,
    startAt: activity.startAt,
    endAt: activity.endAt,
    createdAt: now,
    passId: null,
    passSecret: null,
    checkedInAt: null,
    checkedInBy: null,
    checkInMethod: null,
    checkInRequest: null,
    tally: null,
  };
}
