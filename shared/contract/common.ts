import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.cjs';

// Any message a schema does not word itself is still Chinese (and only this one locale is bundled).
z.config(zhCN());

export const ROLES = ['resident', 'staff', 'office', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Ids are short opaque strings: letters, digits, `_` and `-`. */
export const idSchema = (label: string) =>
  z
    .string({ error: `请提供${label}` })
    .trim()
    .min(1, `请提供${label}`)
    .max(128, `${label}格式不对`)
    .regex(/^[A-Za-z0-9_-]+$/, `${label}格式不对`);

/** A client-chosen id that makes a mutation safe to retry. */
export const requestIdSchema = z
  .string({ error: '请求编号格式不对' })
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对');

export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: '时间格式不对' });
