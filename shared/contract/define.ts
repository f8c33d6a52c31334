import type { z } from 'zod';

/** One action of a cloud function: the schema its event is parsed with and the schema of its `data`. */
export interface ActionContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Mutations may carry a client `requestId`; a retry with the same id returns the first result. */
  mutation: boolean;
}

export const query = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): ActionContract<I, O> => ({
  input,
  output,
  mutation: false,
});

export const mutation = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): ActionContract<I, O> => ({
  input,
  output,
  mutation: true,
});

export type FunctionContract = Record<string, ActionContract>;
