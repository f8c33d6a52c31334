import * as z from 'zod';
import {
  type ActionName,
  CONTRACT,
  type FunctionName,
  type InputOf,
  type OutputOf,
} from '../../../shared/contract';
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
      issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
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

function actionOf(fn: FunctionName, action: string): ActionContract {
  const contract = (CONTRACT[fn] as FunctionContract)[action];
  if (!contract) throw new Error(`unknown action ${fn}.${action}`);
  return contract;
}

/**
 * The one way the app calls a cloud function. The input is checked against the shared schema first (a
 * VALIDATION outcome naming the field, and no request), the reply against the output schema. Never throws
 * for anything a person can cause; failures are `{ ok: false, error }` values.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
  options: CallOptions = {},
): Promise<Outcome<OutputOf<F, A>>> {
  const contract = actionOf(fn, action);
  const parsedInput = contract.input.safeParse(input);
  if (!parsedInput.success) return { ok: false, error: validationError(parsedInput.error) };

  const event: Record<string, unknown> = { ...(parsedInput.data as object), action };
  if (contract.mutation) event.requestId = options.requestId ?? newRequestId();

  let reply: unknown;
  try {
    reply = await transport(fn, event);
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
  return { ok: true, data: output.data as OutputOf<F, A> };
}
