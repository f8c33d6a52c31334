import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../shared/errors';

/** Turns zod issues into field-named issues; the first one becomes the message a person reads. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(event)',
    message: issue.message,
  }));
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = toFieldIssues(parsed.error);
  throw new AppError('VALIDATION', issues[0]?.message, issues);
}
