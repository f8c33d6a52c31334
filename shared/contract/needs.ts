import * as z from 'zod/mini';
import { CATEGORIES } from './activities';
import { idSchema } from './common';
import { mutation, query } from './define';

export const NEED_CATEGORIES = [...CATEGORIES, 'other'] as const;
export const needCategorySchema = z.enum(NEED_CATEGORIES, { error: '请选择需求类别' });
export const NEED_CATEGORY_LABELS: Record<(typeof NEED_CATEGORIES)[number], string> = {
  culture_sports: '文体活动',
  convenience: '便民服务',
  micro_governance: '社区微治理',
  other: '其他',
};

export const NEED_STATUSES = ['submitted', 'acknowledged', 'planned', 'resolved', 'declined'] as const;
export const needStatusSchema = z.enum(NEED_STATUSES, { error: '请选择需求状态' });
export type NeedStatus = z.infer<typeof needStatusSchema>;
export const NEED_STATUS_LABELS: Record<NeedStatus, string> = {
  submitted: '已提交',
  acknowledged: '已受理',
  planned: '已安排',
  resolved: '已解决',
  declined: '暂不安排',
};
/** Days without a reply after which a need is flagged to staff. */
export const NEED_REPLY_DAYS = 7;

const needTextSchema = z
  .string({ error: '请写下您的需求' })
  .check(z.trim(), z.minLength(2, '请多写几个字，说清楚需求'), z.maxLength(500, '最多500个字'));

export const needReplySchema = z.object({ text: z.string(), at: z.string(), by: z.string() });
export const linkedActivitySchema = z.object({
  activityId: z.string(),
  title: z.string(),
  startAt: z.string(),
  /** Residents can open it: false while it is still a draft of next month's list. */
  open: z.boolean(),
});

/** A need as its reporter sees it. */
export const myNeedSchema = z.object({
  needId: z.string(),
  centerId: z.string(),
  category: needCategorySchema,
  text: z.string(),
  status: needStatusSchema,
  reason: z.nullable(z.string()),
  /** Held for staff review by the content check: visible to the reporter only. */
  held: z.boolean(),
  supporters: z.int(),
  replies: z.array(needReplySchema),
  activities: z.array(linkedActivitySchema),
  createdAt: z.string(),
  /** Raised into a council topic (议事会议题). */
  topicId: z.nullable(z.string()),
  mine: z.boolean(),
});

/** A need as staff see it: never who reported or supported it. */
export const centerNeedSchema = z.extend(z.omit(myNeedSchema, { mine: true }), { overdue: z.boolean() });

export const similarNeedSchema = z.object({
  needId: z.string(),
  text: z.string(),
  category: needCategorySchema,
  supporters: z.int(),
  status: needStatusSchema,
});

export const needsContract = {
  report: mutation(
    z.object({ centerId: idSchema('邻里中心'), category: needCategorySchema, text: needTextSchema }),
    z.object({ needId: z.string(), held: z.boolean() }),
  ),
  /** Open needs of the center that read like `text`, so a resident can support one instead of repeating it. */
  similar: query(
    z.object({
      centerId: idSchema('邻里中心'),
      text: z.string({ error: '请写下您的需求' }).check(z.trim(), z.maxLength(500, '最多500个字')),
    }),
    z.object({ needs: z.array(similarNeedSchema) }),
  ),
  support: mutation(
    z.object({ needId: idSchema('需求') }),
    z.object({ needId: z.string(), supporters: z.int() }),
  ),
  mine: query(z.object({}), z.object({ needs: z.array(myNeedSchema) })),
  listForCenter: query(
    z.object({ status: z.optional(needStatusSchema) }),
    z.object({ needs: z.array(centerNeedSchema), overdue: z.int() }),
  ),
  reply: mutation(
    z.object({
      needId: idSchema('需求'),
      text: z
        .string({ error: '请填写回复' })
        .check(z.trim(), z.minLength(1, '请填写回复'), z.maxLength(300, '回复最多300个字')),
    }),
    z.object({ needId: z.string(), status: needStatusSchema }),
  ),
  setStatus: mutation(
    z
      .object({
        needId: idSchema('需求'),
        status: z.enum(['acknowledged', 'planned', 'resolved', 'declined'], { error: '请选择状态' }),
        reason: z.optional(
          z.string({ error: '原因应为文字' }).check(z.trim(), z.maxLength(200, '原因最多200个字')),
        ),
      })
      .check(
        z.refine((v) => v.status !== 'declined' || (v.reason ?? '').length >= 2, {
          path: ['reason'],
          message: '暂不安排时请写明原因',
        }),
      ),
    z.object({ needId: z.string(), status: needStatusSchema }),
  ),
} as const;
