import * as z from 'zod';
import { PASS_MAX_LENGTH } from '../rules/pass';
import { displayNameSchema } from './account';
import { registrationStatusSchema } from './activities';
import { idSchema } from './common';
import { mutation, query } from './define';

export const SCAN_RESULTS = [
  'checked_in',
  'already',
  'other_center',
  'expired',
  'invalid',
  'not_confirmed',
  'not_open',
] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

/** One big, plain answer for the person at the door. */
export const SCAN_MESSAGES: Record<ScanResult, string> = {
  checked_in: '签到成功',
  already: '已签到',
  other_center: '非本中心活动',
  expired: '二维码已过期',
  invalid: '二维码无效',
  not_confirmed: '未报名或候补中',
  not_open: '不在签到时间',
};

export const checkinOutcomeSchema = z.object({
  result: z.enum(SCAN_RESULTS),
  message: z.string(),
  registrationId: z.string().nullable(),
  displayName: z.string().nullable(),
  activityTitle: z.string().nullable(),
  checkedInAt: z.string().nullable(),
});
export type CheckinOutcome = z.infer<typeof checkinOutcomeSchema>;

export const passSchema = z.object({
  registrationId: z.string(),
  passId: z.string(),
  /** Hex; the phone derives a code from it every `stepSeconds`, offline. */
  secret: z.string(),
  stepSeconds: z.number().int(),
  /** The QR string valid right now. */
  payload: z.string(),
  displayName: z.string(),
  activityTitle: z.string(),
  place: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  status: registrationStatusSchema,
  checkedInAt: z.string().nullable(),
});
export type Pass = z.infer<typeof passSchema>;

export const attendeeSchema = z.object({
  registrationId: z.string(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  status: registrationStatusSchema,
  checkedInAt: z.string().nullable(),
  method: z.enum(['scan', 'manual', 'walk_in']).nullable(),
});

export const checkinContract = {
  /** The resident's pass for a confirmed registration: secret, step and the code valid now. */
  pass: mutation(z.object({ registrationId: idSchema('报名记录') }), passSchema),
  /** Staff scan a pass at the door. */
  scan: mutation(
    z.object({
      code: z
        .string({ error: '请扫描或输入签到码' })
        .min(1, '请扫描或输入签到码')
        .max(PASS_MAX_LENGTH, '这不是签到码'),
    }),
    checkinOutcomeSchema,
  ),
  /** Staff check in a registered resident by hand (no phone with them). */
  manual: mutation(z.object({ registrationId: idSchema('报名记录') }), checkinOutcomeSchema),
  /** Staff find people on an activity's roster by name or the last 4 digits of the phone. */
  search: query(
    z.object({
      activityId: idSchema('活动'),
      query: z.string({ error: '请输入姓名或手机尾号' }).trim().max(20, '最多20个字').default(''),
    }),
    z.object({ attendees: z.array(attendeeSchema) }),
  ),
  /** Staff add someone who did not sign up, while seats remain, checked in at once. */
  walkIn: mutation(
    z.object({ activityId: idSchema('活动'), displayName: displayNameSchema }),
    checkinOutcomeSchema,
  ),
  /** After the end: confirmed registrations that never checked in become no-shows. */
  close: mutation(
    z.object({ activityId: idSchema('活动') }),
    z.object({ activityId: z.string(), attended: z.number().int(), noShows: z.number().int() }),
  ),
} as const;
