/**
 * The database in a thread of its own. Function instances reach it over HTTP like any SDK client, but on an
 * internal port this thread serves directly, so database traffic never queues behind the main thread's
 * `/fn` work: on a small machine the two together then use both cores. Compiled and started by `threaded.ts`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { BodyNotJson, BodyTooLarge, readJson } from '../http/body';
import { openDatabase } from './index';
import type { IndexManifest } from './manifest';
import type { ReaderReply, ReaderRequest } from './reader';
import { isPlainObject } from './wire';

export type ThreadRequest = { kind: 'handle'; id: number; body: unknown } | { kind: 'close' };
export type ThreadReply =
  | { kind: 'ready'; port: number }
  | { kind: 'reply'; id: number; reply: Record<string, unknown> }
  | { kind: 'closed' };

const port = parentPort;
if (!port) throw new Error('thread.ts runs only inside a worker thread');
const { file, indexes, readerSource } = workerData as {
  file: string;
  indexes: IndexManifest;
  readerSource: string;
};
const database = openDatabase({ file, indexes });
const post = (message: ThreadReply) => port.postMessage(message);

/**
 * Aggregations go to reader threads with their own read-only connections (one per core, at most two): a long
 * one then neither blocks the writes and short reads answered here nor waits for them. They read what has been
 * committed, which is every write already acknowledged to its client.
 */
const readers = Array.from(
  { length: Math.min(2, availableParallelism()) },
  () => new Worker(readerSource, { eval: true, workerData: { file, indexes } }),
);
const waitingReaders = new Map<
  number,
  { reader: Worker; resolve: (reply: Record<string, unknown>) => void }
>();
let readerCalls = 0;
for (const reader of readers) {
  reader.on('message', ({ id, reply }: ReaderReply) => {
    waitingReaders.get(id)?.resolve(reply);
    waitingReaders.delete(id);
  });
  // A reader that dies answers what it owed with CloudBase's failure reply and gets no more work.
  reader.once('exit', () => {
    readers.splice(readers.indexOf(reader), 1);
    for (const [id, waiting] of waitingReaders) {
      if (waiting.reader !== reader) continue;
      waiting.resolve({ code: 'DATABASE_REQUEST_FAILED', message: 'the database could not answer' });
      waitingReaders.delete(id);
    }
  });
}

function inReader(body: unknown): Promise<Record<string, unknown>> | undefined {
  if (!readers.length || !isPlainObject(body) || body.action !== 'database.aggregateDocuments')
    return undefined;
  const id = ++readerCalls;
  const reader = readers[id % readers.length] as Worker;
  return new Promise((resolve) => {
    waitingReaders.set(id, { reader, resolve });
    reader.postMessage({ id, requestId: `reader-${id.toString(16)}`, body } satisfies ReaderRequest);
  });
}

/** Requests being answered; closing waits for them so no acknowledged write is cut short. */
let inFlight = 0;
async function answer(body: unknown): Promise<Record<string, unknown>> {
  inFlight++;
  try {
    return await (inReader(body) ?? database.handle(body));
  } finally {
    inFlight--;
  }
}

const server = createServer((req, res) => {
  const send = (status: number, value: unknown) => {
    const text = JSON.stringify(value);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  if (req.method !== 'POST') return send(405, { code: 'INVALID_PARAM', message: 'POST only' });
  readJson(req)
    .catch((error: unknown) => {
      if (error instanceof BodyTooLarge) throw error;
      if (error instanceof BodyNotJson) return undefined; // answered INVALID_PARAM in CloudBase's shape
      throw error;
    })
    .then(answer)
    .then(
      (reply) => send(200, reply),
      (error: unknown) =>
        error instanceof BodyTooLarge
          ? send(413, { code: 'INVALID_PARAM', message: 'request body exceeds the 6 MB limit' })
          : send(500, { code: 'DATABASE_REQUEST_FAILED', message: 'the database could not answer' }),
    );
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => post({ kind: 'ready', port: (server.address() as AddressInfo).port }));

port.on('message', (message: ThreadRequest) => {
  if (message.kind === 'handle') {
    void answer(message.body).then((reply) => post({ kind: 'reply', id: message.id, reply }));
    return;
  }
  server.close();
  server.closeAllConnections();
  const finish = () => {
    if (inFlight > 0) return void setTimeout(finish, 5);
    for (const reader of readers) void reader.terminate();
    database.close();
    post({ kind: 'closed' });
  };
  finish();
});
