import * as z from 'zod/mini';
import type { FunctionName } from '../../../shared/contract';
import type { ActionContract, FunctionContract } from '../../../shared/contract/define';
import { badReplyError, isErrorCode, networkError, type Outcome, validationError } from './errors';
import { defaultTransport, NoReplyError, type Transport } from './transport';

export type { ClientError, ClientErrorCode, Outcome } from './errors';

const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
    }),
  }),
]);

export interface CallOptions {
  /** Reuse the id of a failed attempt to retry the same mutation safely; a fresh one is made otherwise. */
  requestId?: string;
}

let transport: Transport = defaultTransport;

/** Tests swap the transport; the app never does. */
export function setTransport(next: Transport): void {
  transport = next;
}

/** 8–64 characters of `[A-Za-z0-9_-]`, as `requestIdSchema` wants; unique enough for retries of one person. */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0');
  return `r${Date.now().toString(36)}${random}`;
}

/**
 * One cloud function as the app sees it: its name and its own contract. Each lives in its own module
 * (`api/functions/*.ts`) importing only that function's schemas, so a function that only a subpackage calls
 * puts its schemas in that subpackage's chunk, not in the main package.
 */
export interface FunctionClient<C extends FunctionContract> {
  readonly name: FunctionName;
  readonly contract: C;
}

export const functionClient = <C extends FunctionContract>(
  name: FunctionName,
  contract: C,
): FunctionClient<C> => ({ name, contract });

type ActionOf<C> = keyof C & string;
export type ClientInput<C, A extends ActionOf<C>> =
  C[A] extends ActionContract<infer I, z.ZodMiniType> ? z.input<I> : never;
export type ClientOutput<C, A extends ActionOf<C>> =
  C[A] extends ActionContract<z.ZodMiniType, infer O> ? z.output<O> : never;

/**
 * The one way the app calls a cloud function. The input is checked against the shared schema first (a
 * VALIDATION outcome naming the field, and no request), the reply against the output schema. Never throws
 * for anything a person can cause; failures are `{ ok: false, error }` values.
 */
export async function call<C extends FunctionContract, A extends ActionOf<C>>(
  fn: FunctionClient<C>,
  action: A,
  input: ClientInput<C, A>,
  options: CallOptions = {},
): Promise<Outcome<ClientOutput<C, A>>> {
  const contract = fn.contract[action];
  if (!contract) throw new Error(`unknown action ${fn.name}.${action}`);
  const parsedInput = contract.input.safeParse(input);
  if (!parsedInput.success) return { ok: false, error: validationError(parsedInput.error) };

  const event: Record<string, unknown> = { ...(parsedInput.data as object), action };
  if (contract.mutation) event.requestId = options.requestId ?? newRequestId();

  let reply: unknown;
  try {
    reply = await transport(fn.name, event);
  } catch (error) {
    if (error instanceof NoReplyError) return { ok: false, error: networkError() };
    throw error;
  }

  const envelope = envelopeSchema.safeParse(reply);
  if (!envelope.success) return { ok: false, error: badReplyError() };
  if (!envelope.data.ok) {
    const { code, message, issues } = envelope.data.error;
    if (!isErrorCode(code)) return { ok: false, error: { code: 'INTERNAL', message } };
    return { ok: false, error: issues ? { code, message, issues } : { code, message } };
  }
  const output = contract.output.safeParse(envelope.data.data);
  if (!output.success) return { ok: false, error: badReplyError() };
  return { ok: true, data: output.data as ClientOutput<C, A> };
}
