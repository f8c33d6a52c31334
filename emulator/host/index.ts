/**
 * The local stand-in for CloudBase's function runtime: runs the built functions (`dist/cloudfunctions/<name>`)
 * in a pool of worker threads with the caller's identity and the cloud's environment injected.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import {
  type Caller,
  instanceEnvironment,
  invocationContext,
  invocationEnvironment,
  LOCAL_APP_ID,
} from './environment';
import { type Outcome, WorkerPool } from './pool';
import type { LogLevel } from './protocol';
import type { SettingsLookup } from './settings';

export type { Caller } from './environment';
export type { Outcome } from './pool';

export interface FunctionHostOptions {
  /** Folder of built functions, each `<name>/index.js`. */
  functionsDir: string;
  /** The database endpoint functions reach through `TCB_CONTEXT_CNFG`. */
  adminUrl: string;
  envId: string;
  settings: SettingsLookup;
  /** Number of function instances; default 4. */
  poolSize?: number;
  /** Where function output goes; default stdout/stderr with a `[name]` prefix. */
  log?: (functionName: string, level: LogLevel, text: string) => void;
}

export type InvocationOutcome = Outcome | { kind: 'unknown-function' };

export interface FunctionHost {
  /** Resolves once every instance has started (and preloaded the SDK). */
  ready: Promise<void>;
  /** Runs a function for a WeChat caller, or for the platform (a timer trigger) when `caller` is undefined. */
  invoke(
    name: string,
    event: Record<string, unknown>,
    caller: Caller | undefined,
  ): Promise<InvocationOutcome>;
  /** Waits for queued and running invocations to finish. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Function names are folder names; anything else never reaches the file system. */
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

export function createFunctionHost(options: FunctionHostOptions): FunctionHost {
  const functionsDir = resolve(options.functionsDir);
  const instanceEnv = instanceEnvironment({ envId: options.envId, adminUrl: options.adminUrl });
  const pool = new WorkerPool({
    size: options.poolSize ?? 4,
    env: instanceEnv,
    preload: [createRequire(__filename).resolve('@cloudbase/node-sdk')],
    log: options.log ?? printPrefixed,
  });

  return {
    ready: pool.ready,
    drain: () => pool.drain(),
    close: () => pool.close(),
    async invoke(name, event, caller) {
      const bundle = FUNCTION_NAME.test(name) ? builtBundle(functionsDir, name) : undefined;
      if (!bundle) return { kind: 'unknown-function' };
      const settings = options.settings(name);
      const env = invocationEnvironment(instanceEnv, name, settings, caller);
      return pool.run({
        functionName: name,
        timeoutMs: settings.timeoutSeconds * 1000,
        message: {
          bundle: bundle.path,
          version: bundle.version,
          env,
          // As wx.cloud.callFunction does; whatever `userInfo` the client sent is replaced.
          event: caller ? { ...event, userInfo: { appId: LOCAL_APP_ID, openId: caller.openid } } : event,
          context: invocationContext(name, settings, env),
        },
      });
    },
  };
}

function builtBundle(functionsDir: string, name: string): { path: string; version: number } | undefined {
  const path = join(functionsDir, name, 'index.js');
  try {
    return { path, version: statSync(path).mtimeMs };
  } catch {
    return undefined;
  }
}

export function printPrefixed(functionName: string, level: LogLevel, text: string): void {
  const stream = level === 'warn' || level === 'error' ? process.stderr : process.stdout;
  const prefix = `[${functionName}] `;
  stream.write(`${prefix}${text.split('\n').join(`\n${prefix}`)}\n`);
}
