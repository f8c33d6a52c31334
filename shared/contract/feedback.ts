import * as z from 'zod/mini';
import { idSchema } from './common';
import { mutation, query } from './define';

export const POSITIVE_TAGS = ['内容实用', '组织有序', '时间合适', '场地舒适', '希望再办'] as const;
export const NEGATIVE_TAGS = ['内容一般', '等待太久', '时间不便', '场地拥挤', '通知不清'] as const;
export const FEEDBACK_TAGS = [...POSITIVE_TAGS, ...NEGATIVE_TAGS] as const;
/** Faces for 1..5, large on screen. */
export const RATING_LABELS = ['很不满意', '不满意', '一般', '满意', '很满意'] as const;
/** Feedback stays open this long after the activity ends. */
export const FEEDBACK_WINDOW_DAYS = 7;
/** No average is shown for fewer ratings than this. */
export const MIN_RATINGS_FOR_AVERAGE = 3;

export const ratingSchema = z
  .number({ error: '请选择满意度' })
  .check(z.int('请选择满意度'), z.minimum(1, '满意度为1到5'), z.maximum(5, '满意度为1到5'));

export const feedbackViewSchema = z.object({
  registrationId: z.string(),
  activityId: z.string(),
  activityTitle: z.string(),
  rating: z.int(),
  tags: z.array(z.string()),
  comment: z.nullable(z.string()),
  proxy: z.boolean(),
  updatedAt: z.string(),
});

export const feedbackContract = {
  /** Rate an attended activity (or, for staff, on behalf of a resident without a phone). Again = update. */
  submit: mutation(
    z.object({
      registrationId: idSchema('报名记录'),
      rating: ratingSchema,
      tags: z._default(
        z
          .array(z.enum(FEEDBACK_TAGS, { error: '标签不在可选范围内' }))
          .check(z.maxLength(6, '最多选6个标签')),
        [],
      ),
      comment: z.optional(
        z.string({ error: '留言应为文字' }).check(z.trim(), z.maxLength(200, '留言最多200个字')),
      ),
    }),
    z.object({
      registrationId: z.string(),
      rating: z.int(),
      updated: z.boolean(),
      held: z.boolean(),
    }),
  ),
  /** The caller's feedback, and attended activities still waiting for one. */
  mine: query(
    z.object({}),
    z.object({
      feedback: z.array(feedbackViewSchema),
      toRate: z.array(
        z.object({
          registrationId: z.string(),
          activityId: z.string(),
          activityTitle: z.string(),
          closesAt: z.string(),
        }),
      ),
    }),
  ),
  /** Staff: an activity's feedback, without names; an average only from 3 ratings on. */
  forActivity: query(
    z.object({ activityId: idSchema('活动') }),
    z.object({
      activityId: z.string(),
      title: z.string(),
      count: z.int(),
      average: z.nullable(z.number()),
      histogram: z.array(z.int()).check(z.length(5)),
      tags: z.record(z.string(), z.int()),
      comments: z.array(z.object({ rating: z.int(), comment: z.string(), at: z.string() })),
    }),
  ),
} as const;
