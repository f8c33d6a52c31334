import * as z from 'zod/mini';
import { idSchema } from './common';
import { mutation, query } from './define';

export const TOPIC_CATEGORIES = [
  'parking',
  'garbage',
  'environment',
  'safety',
  'neighbours',
  'other',
] as const;
export const topicCategorySchema = z.enum(TOPIC_CATEGORIES, { error: '请选择议题类别' });
export type TopicCategory = z.infer<typeof topicCategorySchema>;
export const TOPIC_CATEGORY_LABELS: Record<TopicCategory, string> = {
  parking: '停车',
  garbage: '垃圾分类',
  environment: '环境卫生',
  safety: '安全',
  neighbours: '邻里关系',
  other: '其他',
};

/** open: collecting support; scheduled: on a council meeting's agenda; resolved: decided, being carried out. */
export const TOPIC_STATUSES = ['open', 'scheduled', 'resolved', 'done'] as const;
export const topicStatusSchema = z.enum(TOPIC_STATUSES, { error: '请选择议题状态' });
export type TopicStatus = z.infer<typeof topicStatusSchema>;
export const TOPIC_STATUS_LABELS: Record<TopicStatus, string> = {
  open: '征集中',
  scheduled: '待议事',
  resolved: '落实中',
  done: '已办结',
};

/** Who sits at the table: the "六联共治" and "人大代表 + 政协委员 + 民情代表" mixes streets use. */
export const COUNCIL_ROLES = [
  '居民代表',
  '人大代表',
  '政协委员',
  '民情代表',
  '居委会',
  '人大工作室',
  '业委会',
  '物业公司',
  '社会组织',
  '商户联盟',
  '共建单位',
] as const;

/** Days without any step after which an unfinished topic is flagged to staff and the street office. */
export const TOPIC_IDLE_DAYS = 30;

const dateSchema = z
  .string({ error: '请选择完成期限' })
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '完成期限格式应为“年-月-日”'));

export const topicViewSchema = z.object({
  topicId: z.string(),
  centerId: z.string(),
  centerName: z.string(),
  title: z.string(),
  description: z.string(),
  category: topicCategorySchema,
  status: topicStatusSchema,
  /** Held by the content check: shown to its proposer and to staff only. */
  held: z.boolean(),
  supporters: z.int(),
  /** The caller proposed it / supported it. */
  mine: z.boolean(),
  supported: z.boolean(),
  fromNeed: z.boolean(),
  meeting: z.nullable(
    z.object({ activityId: z.string(), title: z.string(), startAt: z.string(), place: z.string() }),
  ),
  resolution: z.nullable(
    z.object({
      text: z.string(),
      owner: z.string(),
      dueDate: z.string(),
      recordedAt: z.string(),
      overdue: z.boolean(),
    }),
  ),
  progress: z.array(z.object({ note: z.string(), at: z.string() })),
  doneAt: z.nullable(z.string()),
  /** Nobody acted on it for 30 days. */
  idle: z.boolean(),
  rating: z.object({ count: z.int(), average: z.nullable(z.number()) }),
  /** The caller may rate the outcome now (proposer or supporter, done, not rated yet). */
  canRate: z.boolean(),
  createdAt: z.string(),
});
export type TopicView = z.infer<typeof topicViewSchema>;

export const meetingViewSchema = z.object({
  activityId: z.string(),
  title: z.string(),
  startAt: z.string(),
  place: z.string(),
  status: z.string(),
  roles: z.array(z.string()),
  minutes: z.nullable(z.string()),
  topicIds: z.array(z.string()),
});

export const councilsContract = {
  /** A resident (or anyone) puts a topic before a center's council. */
  propose: mutation(
    z.object({
      centerId: idSchema('邻里中心'),
      title: z
        .string({ error: '请填写议题' })
        .check(z.trim(), z.minLength(4, '议题至少4个字'), z.maxLength(30, '议题最多30个字')),
      description: z
        .string({ error: '请说明情况' })
        .check(z.trim(), z.minLength(5, '请多写几个字，说清楚情况'), z.maxLength(500, '说明最多500个字')),
      category: topicCategorySchema,
    }),
    z.object({ topicId: z.string(), held: z.boolean() }),
  ),
  support: mutation(
    z.object({ topicId: idSchema('议题') }),
    z.object({ topicId: z.string(), supporters: z.int() }),
  ),
  /** A center's council: its topics and meetings. A street office may leave out the center to see its street. */
  list: query(
    z.object({ centerId: z.optional(idSchema('邻里中心')), status: z.optional(topicStatusSchema) }),
    z.object({
      topics: z.array(topicViewSchema),
      meetings: z.array(meetingViewSchema),
      idle: z.int(),
      overdue: z.int(),
    }),
  ),
  /** Staff: a need many people support becomes a topic; the need stays linked. */
  raiseFromNeed: mutation(
    z.object({ needId: idSchema('需求') }),
    z.object({ topicId: z.string(), created: z.boolean() }),
  ),
  /** Staff: put topics on the agenda of a council meeting, an activity of the month list (社区微治理). */
  schedule: mutation(
    z.object({
      topicIds: z
        .array(idSchema('议题'), { error: '请选择议题' })
        .check(z.minLength(1, '请至少选择一个议题'), z.maxLength(10, '一次最多10个议题')),
      activityId: idSchema('议事会活动'),
      roles: z.optional(
        z
          .array(z.enum(COUNCIL_ROLES, { error: '参会方不在可选范围内' }))
          .check(z.maxLength(COUNCIL_ROLES.length)),
      ),
    }),
    z.object({ activityId: z.string(), scheduled: z.int() }),
  ),
  /** Staff, after the meeting: what was decided on a topic, who carries it out, by when; optionally the minutes. */
  recordOutcome: mutation(
    z.object({
      topicId: idSchema('议题'),
      resolution: z
        .string({ error: '请填写决议' })
        .check(z.trim(), z.minLength(4, '决议至少4个字'), z.maxLength(300, '决议最多300个字')),
      owner: z
        .string({ error: '请填写责任方' })
        .check(z.trim(), z.minLength(2, '请填写责任方'), z.maxLength(40, '责任方最多40个字')),
      dueDate: dateSchema,
      minutes: z.optional(
        z.string({ error: '会议纪要应为文字' }).check(z.trim(), z.maxLength(2000, '会议纪要最多2000个字')),
      ),
    }),
    z.object({ topicId: z.string(), status: topicStatusSchema }),
  ),
  /** Staff: a dated progress note on a resolution; `done` closes it. */
  progress: mutation(
    z.object({
      topicId: idSchema('议题'),
      note: z
        .string({ error: '请填写进展' })
        .check(z.trim(), z.minLength(2, '请填写进展'), z.maxLength(300, '进展最多300个字')),
      done: z.optional(z.boolean({ error: '是否办结只能是或否' })),
    }),
    z.object({ topicId: z.string(), status: topicStatusSchema }),
  ),
  /** Proposer and supporters rate a finished topic's outcome, once. */
  rateOutcome: mutation(
    z.object({
      topicId: idSchema('议题'),
      rating: z
        .number({ error: '请选择满意度' })
        .check(z.int('请选择满意度'), z.minimum(1, '满意度为1到5'), z.maximum(5, '满意度为1到5')),
    }),
    z.object({ topicId: z.string(), rating: z.int() }),
  ),
} as const;
