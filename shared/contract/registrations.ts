import * as z from 'zod/mini';
import { activityStatusSchema, categorySchema, registrationStatusSchema } from './activities';
import { idSchema } from './common';
import { mutation, query } from './define';

export const registrationViewSchema = z.object({
  registrationId: z.string(),
  activityId: z.string(),
  forMemberId: z.nullable(z.string()),
  displayName: z.string(),
  status: registrationStatusSchema,
  cancelledBy: z.nullable(z.enum(['self', 'center'])),
  waitlistPosition: z.nullable(z.int()),
  activity: z.object({
    title: z.string(),
    category: categorySchema,
    place: z.string(),
    startAt: z.string(),
    endAt: z.string(),
    signupDeadline: z.string(),
    centerName: z.string(),
    status: activityStatusSchema,
    cancelReason: z.nullable(z.string()),
  }),
});
export type RegistrationView = z.infer<typeof registrationViewSchema>;

export const rosterEntrySchema = z.object({
  registrationId: z.string(),
  displayName: z.string(),
  /** The account holder who signed a family member up, when it is not the person themselves. */
  signedUpBy: z.nullable(z.string()),
  phoneMasked: z.nullable(z.string()),
  status: registrationStatusSchema,
  waitlistPosition: z.nullable(z.int()),
  signedUpAt: z.string(),
});

export const registrationsContract = {
  /** Sign up oneself, or a family member added in `account`. A second call returns the first registration. */
  signUp: mutation(
    z.object({ activityId: idSchema('活动'), forMemberId: z.optional(idSchema('家人')) }),
    z.object({
      registrationId: z.string(),
      status: z.enum(['confirmed', 'waitlisted']),
      waitlistPosition: z.nullable(z.int()),
      alreadyRegistered: z.boolean(),
    }),
  ),
  /** Cancel until the sign-up deadline; the first person waiting takes the seat in the same step. */
  cancel: mutation(
    z.object({ registrationId: idSchema('报名记录') }),
    z.object({ registrationId: z.string(), status: z.literal('cancelled'), promoted: z.boolean() }),
  ),
  mine: query(
    z.object({}),
    z.object({ upcoming: z.array(registrationViewSchema), past: z.array(registrationViewSchema) }),
  ),
  /** Who is coming: for the staff of the activity's center. */
  roster: query(
    z.object({ activityId: idSchema('活动') }),
    z.object({
      activityId: z.string(),
      title: z.string(),
      capacity: z.int(),
      counts: z.record(registrationStatusSchema, z.int()),
      entries: z.array(rosterEntrySchema),
    }),
  ),
} as const;
