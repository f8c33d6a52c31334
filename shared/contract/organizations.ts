import * as z from 'zod/mini';
import { idSchema } from './common';
import { mutation, query } from './define';

/** The kinds of community organizations centers incubate (扶老, 助残, 救孤, 帮困, ...). */
export const ORGANIZATION_TYPES = [
  '扶老',
  '助残',
  '救孤',
  '帮困',
  '文体',
  '志愿服务',
  '邻里互助',
  '其他',
] as const;
export const ORGANIZATION_STATUSES = ['incubating', 'registered'] as const;
export const ORGANIZATION_STATUS_LABELS: Record<(typeof ORGANIZATION_STATUSES)[number], string> = {
  incubating: '孵化中',
  registered: '已登记',
};

const nameSchema = z
  .string({ error: '请填写组织名称' })
  .check(z.trim(), z.minLength(2, '组织名称至少2个字'), z.maxLength(40, '组织名称最多40个字'));
const typeSchema = z.enum(ORGANIZATION_TYPES, { error: '请选择组织类型' });
const statusSchema = z.enum(ORGANIZATION_STATUSES, { error: '请选择组织状态' });
/** A role to contact (会长, 联络员), never a person's name or number: the registry is shown to residents. */
const contactRoleSchema = z
  .string({ error: '请填写联系人职务' })
  .check(z.trim(), z.minLength(2, '请填写联系人职务'), z.maxLength(20, '联系人职务最多20个字'));

export const organizationViewSchema = z.object({
  organizationId: z.string(),
  kind: z.enum(['operator', 'community']),
  name: z.string(),
  type: z.nullable(z.string()),
  status: z.nullable(statusSchema),
  contactRole: z.nullable(z.string()),
  /** Community organizations: the center incubating them. */
  center: z.nullable(z.object({ id: z.string(), name: z.string() })),
  /** Operators: the centers they run and since when. */
  runs: z.array(z.object({ centerId: z.string(), centerName: z.string(), since: z.string() })),
  /** Operators: locked star assessments of their centers. */
  stars: z.array(z.object({ period: z.string(), centerName: z.string(), stars: z.int() })),
  activities: z.int(),
  registeredAt: z.string(),
});
export type OrganizationView = z.infer<typeof organizationViewSchema>;

export const organizationsContract = {
  /** A center's community organizations and its operator; without a center, every one the caller may see. */
  list: query(
    z.object({ centerId: z.optional(idSchema('邻里中心')) }),
    z.object({ organizations: z.array(organizationViewSchema) }),
  ),
  /** Staff (own center) or a street office (a center of its street) register a community organization. */
  register: mutation(
    z.object({
      centerId: idSchema('邻里中心'),
      name: nameSchema,
      type: typeSchema,
      status: z._default(statusSchema, 'incubating'),
      contactRole: contactRoleSchema,
    }),
    z.object({ organizationId: z.string() }),
  ),
  update: mutation(
    z
      .object({
        organizationId: idSchema('组织'),
        name: z.optional(nameSchema),
        type: z.optional(typeSchema),
        status: z.optional(statusSchema),
        contactRole: z.optional(contactRoleSchema),
      })
      .check(
        z.refine((v) => [v.name, v.type, v.status, v.contactRole].some((x) => x !== undefined), {
          error: '没有要修改的内容',
          path: ['name'],
        }),
      ),
    z.object({ organizationId: z.string() }),
  ),
} as const;
