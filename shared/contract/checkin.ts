import * as z from 'zod/mini';
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
  registrationId: z.nullable(z.string()),
  displayName: z.nullable(z.string()),
  activityTitle: z.nullable(z.string()),
  checkedInAt: z.nullable(z.string()),
});
export type CheckinOutcome = z.infer<typeof checkinOutcomeSchema>;

export const passSchema = z.object({
  registrationId: z.string(),
  passId: z.string(),
  /** Hex; the phone derives a code from it every `stepSeconds`, offline. */
  secret: z.string(),
  stepSeconds: z.int(),
  /** The QR string valid right now. */
  payload: z.string(),
  displayName: z.string(),
  activityTitle: z.string(),
  place: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  status: registrationStatusSchema,
  checkedInAt: z.nullable(z.string()),
});
export type Pass = z.infer<typeof passSchema>;

export const attendeeSchema = z.object({
  registrationId: z.string(),
  displayName: z.string(),
  phoneMasked: z.nullable(z.string()),
  status: registrationStatusSchema,
  checkedInAt: z.nullable(z.string()),
  method: z.nullable(z.enum(['scan', 'manual', 'walk_in'])),
});

export const checkinContract = {
  /** The resident's pass for a confirmed registration: secret, step and the code valid now. */
  pass: mutation(z.object({ registrationId: idSchema('报名记录') }), passSchema),
  /** Staff scan a pass at the door. */
  scan: mutation(
    z.object({
      code: z
        .string({ error: '请扫描或输入签到码' })
        .check(z.minLength(1, '请扫描或输入签到码'), z.maxLength(PASS_MAX_LENGTH, '这不是签到码')),
    }),
    checkinOutcomeSchema,
  ),
  /** Staff check in a registered resident by hand (no phone with them). */
  manual: mutation(z.object({ registrationId: idSchema('报名记录') }), checkinOutcomeSchema),
  /** Staff find people on an activity's roster by name or the last 4 digits of the phone. */
  search: query(
    z.object({
      activityId: idSchema('活动'),
      query: z._default(
        z.string({ error: '请输入姓名或手机尾号' }).check(z.trim(), z.maxLength(20, '最多20个字')),
        '',
      ),
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
    z.object({ activityId: z.string(), attended: z.int(), noShows: z.int() }),
  ),
} as const;
