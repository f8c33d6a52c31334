import * as z from 'zod/mini';
import { DAY_PATTERN, MONTH_PATTERN } from '../rules/time';
import { idSchema, isoDateTimeSchema } from './common';
import { mutation, query } from './define';

export const CATEGORIES = ['culture_sports', 'convenience', 'micro_governance'] as const;
export const categorySchema = z.enum(CATEGORIES, { error: '请选择活动类别' });
export type Category = z.infer<typeof categorySchema>;
export const CATEGORY_LABELS: Record<Category, string> = {
  culture_sports: '文体活动',
  convenience: '便民服务',
  micro_governance: '社区微治理',
};

/** Suggested tags; staff may add their own short ones. */
export const SUGGESTED_TAGS = ['适合老人', '亲子', '青少年', '免费', '需带证件', '户外', '无障碍'] as const;

export const ACTIVITY_STATUSES = ['draft', 'published', 'cancelled', 'closed'] as const;
export const activityStatusSchema = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof activityStatusSchema>;

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled', 'attended', 'no_show'] as const;
export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

export const monthSchema = z
  .string({ error: '月份格式应为 2026-11' })
  .check(z.regex(MONTH_PATTERN, '月份格式应为 2026-11'));
export const daySchema = z
  .string({ error: '日期格式应为 2026-11-28' })
  .check(z.regex(DAY_PATTERN, '日期格式应为 2026-11-28'));

/** One activity as staff write it. Cross-field rules (end after start, deadline not after start) included. */
export const activityDraftSchema = z
  .object({
    activityId: z.optional(idSchema('活动')),
    category: categorySchema,
    title: z
      .string({ error: '请填写标题' })
      .check(z.trim(), z.minLength(2, '标题至少2个字'), z.maxLength(30, '标题最多30个字')),
    description: z._default(
      z.string({ error: '介绍应为文字' }).check(z.trim(), z.maxLength(500, '介绍最多500个字')),
      '',
    ),
    place: z
      .string({ error: '请填写地点' })
      .check(z.trim(), z.minLength(1, '请填写地点'), z.maxLength(40, '地点最多40个字')),
    startAt: isoDateTimeSchema,
    endAt: isoDateTimeSchema,
    capacity: z
      .number({ error: '名额应为数字' })
      .check(z.int('名额应为整数'), z.minimum(1, '名额至少1人'), z.maximum(500, '名额最多500人')),
    signupDeadline: isoDateTimeSchema,
    tags: z._default(
      z
        .array(
          z
            .string({ error: '标签应为文字' })
            .check(z.trim(), z.minLength(1, '标签不能为空'), z.maxLength(8, '每个标签最多8个字')),
          {
            error: '标签格式不对',
          },
        )
        .check(z.maxLength(5, '最多5个标签')),
      [],
    ),
    needIds: z._default(
      z.array(idSchema('需求'), { error: '关联需求格式不对' }).check(z.maxLength(10, '最多关联10个需求')),
      [],
    ),
    /** A community organization of the center that runs the activity. */
    organizationId: z._default(z.nullable(idSchema('承办组织')), null),
  })
  .check(
    z.superRefine((draft, ctx) => {
      const start = Date.parse(draft.startAt);
      const end = Date.parse(draft.endAt);
      const deadline = Date.parse(draft.signupDeadline);
      if (end <= start) ctx.addIssue({ code: 'custom', path: ['endAt'], message: '结束时间应晚于开始时间' });
      if (end - start > 24 * 3600_000)
        ctx.addIssue({ code: 'custom', path: ['endAt'], message: '一场活动最长24小时' });
      if (deadline > start) {
        ctx.addIssue({ code: 'custom', path: ['signupDeadline'], message: '报名截止不能晚于开始时间' });
      }
    }),
  );
export type ActivityDraft = z.output<typeof activityDraftSchema>;

export const myRegistrationSchema = z.object({
  registrationId: z.string(),
  forMemberId: z.nullable(z.string()),
  displayName: z.string(),
  status: registrationStatusSchema,
  waitlistPosition: z.nullable(z.int()),
});

export const activityViewSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  month: z.string(),
  category: categorySchema,
  title: z.string(),
  description: z.string(),
  place: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  signupDeadline: z.string(),
  capacity: z.int(),
  confirmed: z.int(),
  waitlisted: z.int(),
  seatsLeft: z.int(),
  tags: z.array(z.string()),
  needIds: z.array(z.string()),
  /** The community organization that runs it (承办组织), if any. */
  organizationId: z.nullable(z.string()),
  organizationName: z.nullable(z.string()),
  status: activityStatusSchema,
  cancelReason: z.nullable(z.string()),
  /** Whether a resident can sign up right now (published and before the deadline). */
  signupOpen: z.boolean(),
  /** The caller's own registrations on it: for themselves and for family members. */
  mine: z.array(myRegistrationSchema),
});
export type ActivityView = z.infer<typeof activityViewSchema>;

export const activitiesContract = {
  /** Create (no `activityId`) or edit a draft; editing a published activity keeps it published. */
  saveDraft: mutation(
    activityDraftSchema,
    z.object({ activityId: z.string(), status: activityStatusSchema, promoted: z.int() }),
  ),
  /** Publish every draft of the caller's center in `month` at once, after validating each. */
  publishMonth: mutation(
    z.object({ month: monthSchema }),
    z.object({ month: z.string(), published: z.int() }),
  ),
  listMonth: query(
    z.object({
      centerId: idSchema('邻里中心'),
      month: z.optional(monthSchema),
      category: z.optional(categorySchema),
      day: z.optional(daySchema),
      /** Staff of that center only: include drafts, for the month editor and its preview. */
      includeDrafts: z.optional(z.boolean({ error: '是否包含草稿只能是是或否' })),
    }),
    z.object({
      centerId: z.string(),
      centerName: z.string(),
      month: z.string(),
      activities: z.array(activityViewSchema),
    }),
  ),
  get: query(z.object({ activityId: idSchema('活动') }), z.object({ activity: activityViewSchema })),
  cancel: mutation(
    z.object({
      activityId: idSchema('活动'),
      reason: z
        .string({ error: '请填写取消原因' })
        .check(z.trim(), z.minLength(2, '请填写取消原因'), z.maxLength(100, '原因最多100个字')),
    }),
    z.object({ activityId: z.string(), cancelledRegistrations: z.int() }),
  ),
} as const;
