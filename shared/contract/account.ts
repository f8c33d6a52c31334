import * as z from 'zod/mini';
import { PHONE_PATTERN } from '../rules/mask';
import { idSchema, roleSchema } from './common';
import { mutation, query } from './define';

export const displayNameSchema = z
  .string({ error: '请填写称呼' })
  .check(z.trim(), z.minLength(1, '请填写称呼'), z.maxLength(20, '称呼最多20个字'));

export const phoneSchema = z
  .string({ error: '请填写手机号' })
  .check(z.trim(), z.regex(PHONE_PATTERN, '手机号应为11位数字'));

export const familyMemberSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  relation: z.string(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

/** What a member sees of themselves: never another person's data, never the full phone. */
export const memberViewSchema = z.object({
  role: roleSchema,
  displayName: z.string(),
  homeCenterId: z.nullable(z.string()),
  centerId: z.nullable(z.string()),
  streetId: z.nullable(z.string()),
  elderlyMode: z.boolean(),
  phoneMasked: z.nullable(z.string()),
  family: z.array(familyMemberSchema),
});
export type MemberView = z.infer<typeof memberViewSchema>;

export const centerBriefSchema = z.object({
  id: z.string(),
  name: z.string(),
  streetId: z.string(),
  streetName: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  address: z.string(),
  status: z.enum(['building', 'operating']),
  operatorName: z.string(),
});
export type CenterBrief = z.infer<typeof centerBriefSchema>;

export const RELATIONS = [
  '父亲',
  '母亲',
  '祖父',
  '祖母',
  '外祖父',
  '外祖母',
  '配偶',
  '子女',
  '其他亲属',
] as const;

export const accountContract = {
  /** Who am I? The first call of a new WeChat user creates a resident member. */
  whoami: query(
    z.object({}),
    z.object({ member: memberViewSchema, homeCenter: z.nullable(centerBriefSchema) }),
  ),
  /** Centers a resident can choose as home, grouped by the client; building ones are listed but not choosable. */
  listCenters: query(
    z.object({ streetId: z.optional(idSchema('街道')) }),
    z.object({ centers: z.array(centerBriefSchema) }),
  ),
  updateProfile: mutation(
    z
      .object({
        displayName: z.optional(displayNameSchema),
        homeCenterId: z.optional(idSchema('邻里中心')),
        elderlyMode: z.optional(z.boolean({ error: '大字模式只能是开或关' })),
        phone: z.optional(phoneSchema),
      })
      .check(
        z.refine((v) => Object.values(v).some((x) => x !== undefined), {
          error: '没有要修改的内容',
          path: [],
        }),
      ),
    z.object({ member: memberViewSchema }),
  ),
  /** The city invites street offices; a street office invites staff for a center of its street. */
  createInvite: mutation(
    z.discriminatedUnion(
      'role',
      [
        z.object({ role: z.literal('office'), streetId: idSchema('街道') }),
        z.object({ role: z.literal('staff'), centerId: idSchema('邻里中心') }),
      ],
      { error: '邀请的身份只能是街道或社工' },
    ),
    z.object({ code: z.string(), expiresAt: z.string() }),
  ),
  joinWithCode: mutation(
    z.object({
      code: z
        .string({ error: '请填写邀请码' })
        .check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9]{8}$/, '邀请码是8位字母或数字')),
      displayName: z.optional(displayNameSchema),
    }),
    z.object({ member: memberViewSchema }),
  ),
  addFamilyMember: mutation(
    z.object({
      displayName: displayNameSchema,
      relation: z.enum(RELATIONS, { error: '请选择与您的关系' }),
    }),
    z.object({ familyMember: familyMemberSchema }),
  ),
} as const;
