import * as z from 'zod';
import { activityStatusSchema, categorySchema, registrationStatusSchema } from './activities';
import { idSchema } from './common';
import { mutation, query } from './define';

export const registrationViewSchema = z.object({
  registrationId: z.string(),
  activityId: z.string(),
  forMemberId: z.string().nullable(),
  displayName: z.string(),
  status: registrationStatusSchema,
  cancelledBy: z.enum(['self', 'center']).nullable(),
  waitlistPosition: z.number().int().nullable(),
  activity: z.object({
    title: z.string(),
    category: categorySchema,
    place: z.string(),
    startAt: z.string(),
    endAt: z.string(),
    signupDeadline: z.string(),
    centerName: z.string(),
    status: activityStatusSchema,
    cancelReason: z.string().nullable(),
  }),
});
export type RegistrationView = z.infer<typeof registrationViewSchema>;

export const rosterEntrySchema = z.object({
  registrationId: z.string(),
  displayName: z.string(),
  /** The account holder who signed a family member up, when it is not the person themselves. */
  signedUpBy: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  status: registrationStatusSchema,
  waitlistPosition: z.number().int().nullable(),
  signedUpAt: z.string(),
});

export const registrationsContract = {
  /** Sign up oneself, or a family member added in `account`. A second call returns the first registration. */
  signUp: mutation(
    z.object({ activityId: idSchema('活动'), forMemberId: idSchema('家人').optional() }),
    z.object({
      registrationId: z.string(),
      status: z.enum(['confirmed', 'waitlisted']),
      waitlistPosition: z.number().int().nullable(),
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
      capacity: z.number().int(),
      counts: z.record(registrationStatusSchema, z.number().int()),
      entries: z.array(rosterEntrySchema),
    }),
  ),
} as const;
