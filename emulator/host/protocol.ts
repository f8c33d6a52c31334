/** Messages between the function host (main thread) and its workers. */

export type LogLevel = 'debug' | 'info' | 'log' | 'warn' | 'error';

/** What SCF hands a Node.js handler as its second argument (the fields the SDK and our code read). */
export interface InvocationContext {
  request_id: string;
  function_name: string;
  function_version: string;
  namespace: string;
  memory_limit_in_mb: number;
  time_limit_in_ms: number;
  tencentcloud_region: string;
  /** JSON of the function's environment; the SDK's `parseContext` reads it. */
  environment: string;
}

export interface InvokeMessage {
  kind: 'invoke';
  id: number;
  /** Absolute path of the built `index.js`. */
  bundle: string;
  /** Modification time of the bundle: a rebuilt function is loaded afresh. */
  version: number;
  /** The complete `process.env` of this invocation. */
  env: Record<string, string>;
  event: unknown;
  context: InvocationContext;
}

export interface FailureDetail {
  name: string;
  message: string;
  stack?: string;
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'log'; id: number; level: LogLevel; text: string }
  /** The handler's return value, already JSON (what `wx.cloud.callFunction` hands back as `result`). */
  | { kind: 'result'; id: number; json: string }
  | { kind: 'failure'; id: number; error: FailureDetail };

/** Data a worker starts with. */
export interface WorkerSetup {
  /** Modules required once at start, so the first invocation does not pay for them (the SDK: ~230 ms). */
  preload: string[];
}
