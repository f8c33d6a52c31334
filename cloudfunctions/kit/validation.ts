import * as z from 'zod/mini';
import { AppError, type FieldIssue } from '../../shared/errors';

/** Turns zod issues into field-named issues; the first one becomes the message a person reads. */
export function toFieldIssues(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(event)',
    message: issue.message,
  }));
}

/** Parses with any zod schema: the contract's (zod/mini) or a record's (zod). */
export function parseOrThrow<S extends z.core.$ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const issues = toFieldIssues(parsed.error);
  throw new AppError('VALIDATION', issues[0]?.message, issues);
}
