import type * as z from 'zod/mini';

/** One action of a cloud function: the schema its event is parsed with and the schema of its `data`. */
export interface ActionContract<
  I extends z.ZodMiniType = z.ZodMiniType,
  O extends z.ZodMiniType = z.ZodMiniType,
> {
  input: I;
  output: O;
  /** Mutations may carry a client `requestId`; a retry with the same id returns the first result. */
  mutation: boolean;
}

export const query = <I extends z.ZodMiniType, O extends z.ZodMiniType>(
  input: I,
  output: O,
): ActionContract<I, O> => ({
  input,
  output,
  mutation: false,
});

export const mutation = <I extends z.ZodMiniType, O extends z.ZodMiniType>(
  input: I,
  output: O,
): ActionContract<I, O> => ({
  input,
  output,
  mutation: true,
});

export type FunctionContract = Record<string, ActionContract>;
