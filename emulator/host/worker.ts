/**
 * One function instance: runs one invocation at a time, like a CloudBase instance does. The caller's identity
 * lives in `process.env` (that is where the SDK reads it), and a worker thread's `process.env` is its own copy,
 * so concurrent callers never see each other's identity.
 *
 * Compiled and started by `pool.ts`; it runs as plain Node.js, the same way the bundle runs in the cloud.
 */
import { createRequire } from 'node:module';
import { format } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import type { FailureDetail, InvokeMessage, LogLevel, WorkerMessage, WorkerSetup } from './protocol';

type Handler = (event: unknown, context: unknown) => unknown;

const port = parentPort;
if (!port) throw new Error('worker.ts runs only inside a worker thread');

// Stack traces in the host's log then point at the TypeScript sources.
process.setSourceMapsEnabled(true);

const post = (message: WorkerMessage) => port.postMessage(message);
const loaded = new Map<string, { version: number; main: Handler }>();
/** The invocation that console output belongs to; 0 while idle (module start-up code, stray timers). */
let currentId = 0;

const LEVELS: LogLevel[] = ['debug', 'info', 'log', 'warn', 'error'];
for (const level of LEVELS) {
  console[level] = (...args: unknown[]) => post({ kind: 'log', id: currentId, level, text: format(...args) });
}

// A plain object in place of the thread's `process.env`: the SDK reads a dozen variables several times per
// database call, and every read of the real one crosses into C++ (about a tenth of a function's time at the door).
// Values stay strings, set per invocation below, and nothing here changes TZ after start.
process.env = { ...process.env };

for (const module of (workerData as WorkerSetup).preload) createRequire(module)(module);

port.on('message', (message: InvokeMessage) => {
  void invoke(message);
});
post({ kind: 'ready' });

async function invoke(message: InvokeMessage): Promise<void> {
  currentId = message.id;
  replaceEnvironment(message.env);
  try {
    const main = load(message.bundle, message.version);
    const value = await main(message.event, message.context);
    post({ kind: 'result', id: message.id, json: JSON.stringify(value ?? null) });
  } catch (error) {
    post({ kind: 'failure', id: message.id, error: describe(error) });
  } finally {
    currentId = 0;
  }
}

function load(bundle: string, version: number): Handler {
  const cached = loaded.get(bundle);
  if (cached?.version === version) return cached.main;
  const require = createRequire(bundle);
  delete require.cache[bundle];
  const exported: unknown = require(bundle);
  const main = (exported as { main?: unknown } | null)?.main;
  if (typeof main !== 'function') throw new Error(`${bundle} exports no main(event, context)`);
  loaded.set(bundle, { version, main: main as Handler });
  return main as Handler;
}

/** Makes `process.env` exactly `next`, dropping what the previous function had set. */
function replaceEnvironment(next: Record<string, string>): void {
  for (const key of Object.keys(process.env)) {
    if (!(key in next)) delete process.env[key];
  }
  Object.assign(process.env, next);
}

function describe(error: unknown): FailureDetail {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'NonError', message: format('%o', error) };
}
