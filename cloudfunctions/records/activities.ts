import { z } from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import {
  type ActivityView,
  activityStatusSchema,
  categorySchema,
  registrationStatusSchema,
} from '../../shared/contract/activities';
import { type Database, readDoc } from '../kit';

const date = z.coerce.date();

/** `activities`: one entry of a center's month list. `confirmed`/`waitlisted` always equal the records. */
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
  /** Last waitlist ticket handed out; tickets order the waitlist first come, first served. */
  waitSeq: z.number().int(),
  cancelReason: z.string().nullable(),
});
export type ActivityRecord = z.infer<typeof activityRecordSchema>;

/** `registrations` (_id = activityId + person): never deleted, so history and no-shows survive. */
export const registrationRecordSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  centerId: z.string(),
  /** The account holder: the resident, or the relative who signed a family member up. */
  openid: z.string(),
  forMemberId: z.string().nullable(),
  displayName: z.string(),
  status: registrationStatusSchema,
  cancelledBy: z.enum(['self', 'center']).nullable(),
  waitSeq: z.number().int().nullable(),
  startAt: date,
  createdAt: date,
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
    status: a.status,
    cancelReason: a.cancelReason,
    signupOpen: a.status === 'published' && now.getTime() <= a.signupDeadline.getTime(),
    mine,
  };
}

/** 1-based place in the waitlist: how many people with an earlier ticket are still waiting, plus one. */
export async function waitlistPosition(db: Database, activityId: string, waitSeq: number): Promise<number> {
  const res: { total?: number } = await db
    .collection(COLLECTIONS.registrations)
    .where({ activityId, status: 'waitlisted', waitSeq: db.command.lt(waitSeq) })
    .count();
  return (res.total ?? 0) + 1;
}
