import * as z from 'zod';

const date = z.coerce.date();

/** `feedback` (_id = registrationId): one per attendance; submitting again updates it. */
export const feedbackRecordSchema = z.object({
  _id: z.string(),
  activityId: z.string(),
  activityTitle: z.string(),
  centerId: z.string(),
  month: z.string(),
  /** The account holder of the registration (the resident, or the relative who signed them up). */
  holder: z.string(),
  rating: z.number().int(),
  tags: z.array(z.string()),
  comment: z.string().nullable(),
  held: z.boolean(),
  proxy: z.boolean(),
  by: z.string(),
  version: z.number().int(),
  updatedAt: date,
});
export type FeedbackRecord = z.infer<typeof feedbackRecordSchema>;
