import { zhCN } from 'zod/locales';
import * as z from 'zod/mini';

// The contract is written with zod's tree-shakable API, so the mini-program's main package carries only the
// parts of zod it uses. Any message a schema does not word itself is still Chinese (one locale is bundled).
z.config(zhCN());

export const ROLES = ['resident', 'staff', 'office', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Ids are short opaque strings: letters, digits, `_` and `-`. */
export const idSchema = (label: string) =>
  z
    .string({ error: `请提供${label}` })
    .check(
      z.trim(),
      z.minLength(1, `请提供${label}`),
      z.maxLength(128, `${label}格式不对`),
      z.regex(/^[A-Za-z0-9_-]+$/, `${label}格式不对`),
    );

/** A client-chosen id that makes a mutation safe to retry. */
export const requestIdSchema = z
  .string({ error: '请求编号格式不对' })
  .check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对'));

export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: '时间格式不对' });
