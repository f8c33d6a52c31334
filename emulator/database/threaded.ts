import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { DatabaseEmulator } from './index';
import type { IndexManifest } from './manifest';
import type { ThreadReply, ThreadRequest } from './thread';

export interface ThreadedDatabase extends DatabaseEmulator {
  /** The thread's own endpoint for SDK clients, e.g. `http://127.0.0.1:40123/admin`. */
  readonly url: string;
  /** Finishes the requests in flight, then closes the store and the thread. */
  closed(): Promise<void>;
}

const compiled = new Map<string, string>();

/**
 * A thread's code (`thread.ts`, `reader.ts`), bundled once; the native SQLite binding is required from where
 * it is installed.
 */
function threadSource(entry: string): string {
  let source = compiled.get(entry);
  if (source === undefined) {
    const sqlite = join(
      dirname(createRequire(__filename).resolve('better-sqlite3/package.json')),
      'lib',
      'index.js',
    );
    // mingo's CommonJS build reaches every internal function through a re-export getter; bundling its ES
    // modules instead turns those into direct calls (a recount over a million records spent a third of its
    // time in the getters).
    const mingo = join(dirname(createRequire(__filename).resolve('mingo/package.json')), 'esm');
    const result = buildSync({
      entryPoints: [join(__dirname, entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'error',
      alias: { 'better-sqlite3': sqlite, mingo },
      external: [sqlite],
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error(`compiling ${entry} produced no output`);
    source = output.text;
    compiled.set(entry, source);
  }
  return source;
}

/** Opens the database in its own thread: `handle` for in-process callers, `url` for SDK clients. */
export function openDatabaseThread(options: {
  file: string;
  indexes: IndexManifest;
}): Promise<ThreadedDatabase> {
  const worker = new Worker(threadSource('thread.ts'), {
    eval: true,
    workerData: { ...options, readerSource: threadSource('reader.ts') },
  });
  const waiting = new Map<number, (reply: Record<string, unknown>) => void>();
  let nextId = 1;
  let onClosed: (() => void) | undefined;
  const send = (message: ThreadRequest) => worker.postMessage(message);

  return new Promise((ready, failed) => {
    worker.once('error', failed);
    // Should the thread die, nobody waits forever: pending requests get CloudBase's failure reply.
    worker.once('exit', () => {
      for (const resolve of waiting.values()) {
        resolve({ code: 'DATABASE_REQUEST_FAILED', message: 'the database thread stopped' });
      }
      waiting.clear();
      onClosed?.();
    });
    worker.on('message', (message: ThreadReply) => {
      if (message.kind === 'reply') {
        waiting.get(message.id)?.(message.reply);
        waiting.delete(message.id);
      } else if (message.kind === 'closed') {
        void worker.terminate();
      } else {
        ready({
          url: `http://127.0.0.1:${message.port}/admin`,
          handle(body) {
            const id = nextId++;
            return new Promise((resolve) => {
              waiting.set(id, resolve);
              send({ kind: 'handle', id, body });
            });
          },
          close() {
            send({ kind: 'close' });
          },
          closed() {
            return new Promise((done) => {
              onClosed = done;
              send({ kind: 'close' });
            });
          },
        });
      }
    });
  });
}
