import type * as z from 'zod/mini';
import { ERROR_CODES, type ErrorCode, type FieldIssue } from '../../../shared/errors';

/** The function's own codes plus the one the client adds when the call never got an answer. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export interface ClientError {
  code: ClientErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: ClientError };

export const NETWORK_MESSAGE = '网络不太好，请稍后再试';
const BAD_REPLY_MESSAGE = '系统开小差了，请稍后再试';

export const networkError = (): ClientError => ({ code: 'NETWORK', message: NETWORK_MESSAGE });

/** A reply we cannot read is the server's fault, not the resident's: say so plainly. */
export const badReplyError = (): ClientError => ({ code: 'INTERNAL', message: BAD_REPLY_MESSAGE });

export const isErrorCode = (code: string): code is ErrorCode =>
  (ERROR_CODES as readonly string[]).includes(code);

/** zod issues → the `{ field, message }` list the functions also return, so forms treat both alike. */
export function validationError(error: z.core.$ZodError): ClientError {
  const issues = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  return { code: 'VALIDATION', message: issues[0]?.message ?? '填写的内容有误，请检查后再试', issues };
}

/** The message to show next to one field, if the error names it. */
export function fieldMessage(error: ClientError | null | undefined, field: string): string | undefined {
  return error?.issues?.find((issue) => issue.field === field)?.message;
}
