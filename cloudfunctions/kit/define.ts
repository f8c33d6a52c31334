import type * as z from 'zod/mini';
import type { Role } from '../../shared/contract/common';
import { requestIdSchema } from '../../shared/contract/common';
import type { ActionContract, FunctionContract } from '../../shared/contract/define';
import { AppError, fail, ok, type Result } from '../../shared/errors';
import { callerOpenid, type Database, database } from './cloud';
import { once, requestKey } from './idempotency';
import { logEvent } from './log';
import { loadOrCreateMember, type MemberRecord, RecentMembers } from './members';
import { parseOrThrow } from './validation';

/** Everything an action handler may know about the call. Identity comes only from the platform. */
export interface ActionContext {
  readonly fn: string;
  readonly action: string;
  readonly openid: string;
  readonly member: MemberRecord;
  readonly db: Database;
  readonly now: Date;
  /** The client's id for this request, given to handlers that make their own retries harmless (`replays`). */
  readonly requestId?: string;
}

export interface ActionHandler<A extends ActionContract, Early = unknown> {
  /** Roles that may call the action at all; finer scope checks (own center, own street) happen in `run`. */
  allow: readonly Role[];
  /**
   * Reads that need only the input, started together with the caller's member record so the action waits for
   * one round of reads instead of two. It must not write, and only `run` sees what it read, after the role check.
   */
  early?: (input: z.output<A['input']>, db: Database) => Promise<Early>;
  /**
   * 'self': the handler stores the request id on the record it writes and answers a retry from there, so no
   * request record is kept for it (two writes fewer on a hot path such as the door).
   */
  replays?: 'self';
  /**
   * How old (ms) the caller's member record may be. Only a record this action allows is kept, so a new role
   * counts at once; a revoked one within this time. Without it every call reads the record.
   */
  memberMaxAgeMs?: number;
  run(input: z.output<A['input']>, ctx: ActionContext, early: Early): Promise<z.input<A['output']>>;
}

export type FunctionHandlers<C extends FunctionContract> = { [K in keyof C]: ActionHandler<C[K]> };

/** What a timer trigger's handler knows: no caller, only the database and the time. */
export interface TimerContext {
  readonly fn: string;
  readonly trigger: string;
  readonly db: Database;
  readonly now: Date;
}
export type TimerHandlers = Record<string, (ctx: TimerContext) => Promise<Record<string, number | string>>>;

/**
 * A timer trigger's event, as CloudBase delivers it. Honoured only when the platform supplied no caller: a call
 * from the mini-program always carries an OPENID, so a resident cannot pose as the scheduler.
 */
function timerName(event: unknown): string | null {
  if (typeof event !== 'object' || event === null) return null;
  const { Type, TriggerName } = event as Record<string, unknown>;
  return Type === 'Timer' && typeof TriggerName === 'string' ? TriggerName : null;
}

async function runTimer(fn: string, trigger: string, timers: TimerHandlers): Promise<Result<unknown>> {
  const started = Date.now();
  const handler = Object.hasOwn(timers, trigger) ? timers[trigger] : undefined;
  if (!handler) return fail('UNKNOWN_ACTION', `没有这个定时任务：${trigger.slice(0, 40)}`);
  try {
    const data = await handler({ fn, trigger, db: database(), now: new Date() });
    logEvent('info', 'timer', { fn, trigger, ms: Date.now() - started, ...data });
    return ok(data);
  } catch (error) {
    logEvent('error', 'timer_failed', {
      fn,
      trigger,
      error: error instanceof Error ? error.message : String(error),
    });
    return fail('INTERNAL');
  }
}

/** Per instance, as CloudBase keeps an instance's module state between the calls it serves. */
const recentMembers = new RecentMembers();

/** Fields the platform or the client transport put on an event that are not part of an action's input. */
const ENVELOPE_FIELDS = new Set(['action', 'requestId', 'userInfo']);

function splitEvent(event: unknown): { action: string; requestId: unknown; input: Record<string, unknown> } {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new AppError('VALIDATION', '请求格式不对', [{ field: '(event)', message: '请求格式不对' }]);
  }
  const record = event as Record<string, unknown>;
  const { action, requestId } = record;
  if (typeof action !== 'string' || action === '') {
    throw new AppError('VALIDATION', '缺少操作名称', [{ field: 'action', message: '缺少操作名称' }]);
  }
  const input = Object.fromEntries(Object.entries(record).filter(([key]) => !ENVELOPE_FIELDS.has(key)));
  return { action, requestId, input };
}

/**
 * The entry point of a cloud function: parse `{ action, ...input }` with the action's shared schema, read the
 * caller from the platform, load their member record, check the role, run the handler (once per `requestId` for
 * mutations), check its output against the contract and wrap everything in the result envelope.
 */
export function defineFunction<C extends FunctionContract>(
  fn: string,
  contract: C,
  handlers: FunctionHandlers<C>,
  timers: TimerHandlers = {},
) {
  return async function main(event: unknown): Promise<Result<unknown>> {
    const trigger = timerName(event);
    if (trigger !== null && callerOpenid() === '') return runTimer(fn, trigger, timers);
    const started = Date.now();
    let action = '(none)';
    let openid = '';
    try {
      const split = splitEvent(event);
      action = split.action;
      const spec = Object.hasOwn(contract, action) ? contract[action] : undefined;
      const handler = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
      if (!spec || !handler) throw new AppError('UNKNOWN_ACTION', `不支持的操作：${action.slice(0, 40)}`);

      openid = callerOpenid();
      if (!openid) throw new AppError('UNAUTHENTICATED');

      // Validate everything before touching the database: bad input writes nothing, not even a new member.
      const input = parseOrThrow(spec.input, split.input);
      const requestId =
        spec.mutation && split.requestId !== undefined
          ? parseOrThrow(requestIdSchema, split.requestId)
          : undefined;

      const db = database();
      const now = new Date();
      // `input` was parsed with this very action's schema, which is what `early` and `run` declare they take.
      const early = (handler.early as ((input: unknown, db: Database) => Promise<unknown>) | undefined)?.(
        input,
        db,
      );
      // Settled here too, so a failed early read is not an unhandled rejection when the caller is refused.
      early?.catch(() => undefined);
      const maxAge = handler.memberMaxAgeMs;
      const recent = maxAge ? recentMembers.get(openid, maxAge, now.getTime()) : undefined;
      const member = recent ?? (await loadOrCreateMember(db, openid, now));
      if (!handler.allow.includes(member.role)) throw new AppError('FORBIDDEN');
      if (maxAge && !recent) recentMembers.remember(member, now.getTime());

      const selfReplaying = handler.replays === 'self';
      const ctx: ActionContext = {
        fn,
        action,
        openid,
        member,
        db,
        now,
        ...(selfReplaying && requestId !== undefined ? { requestId } : {}),
      };
      const execute = async (): Promise<Result<unknown>> => {
        try {
          const run = handler.run as (input: unknown, ctx: ActionContext, early: unknown) => Promise<unknown>;
          const output = await run(input, ctx, await early);
          const parsed = spec.output.safeParse(output);
          if (!parsed.success) {
            logEvent('error', 'output_contract_violation', {
              fn,
              action,
              issue: parsed.error.issues[0]?.message,
            });
            return fail('INTERNAL');
          }
          return ok(parsed.data);
        } catch (error) {
          if (error instanceof AppError) return { ok: false, error: error.toBody() };
          throw error;
        }
      };
      const result =
        requestId && !selfReplaying
          ? await once(db, requestKey(fn, action, openid, requestId), now, execute)
          : await execute();
      logEvent('info', 'call', {
        fn,
        action,
        code: result.ok ? 'OK' : result.error.code,
        ms: Date.now() - started,
      });
      return result;
    } catch (error) {
      if (error instanceof AppError) {
        logEvent('info', 'call', { fn, action, code: error.code, ms: Date.now() - started });
        return { ok: false, error: error.toBody() };
      }
      logEvent('error', 'call_failed', {
        fn,
        action,
        ms: Date.now() - started,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        errorCode: typeof error === 'object' && error && 'code' in error ? String(error.code) : undefined,
        hasCaller: openid !== '',
      });
      return fail('INTERNAL');
    }
  };
}
