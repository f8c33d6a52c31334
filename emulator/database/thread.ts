/**
 * The database in a thread of its own. Function instances reach it over HTTP like any SDK client, but on an
 * internal port this thread serves directly, so database traffic never queues behind the main thread's
 * `/fn` work: on a small machine the two together then use both cores. Compiled and started by `threaded.ts`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { BodyNotJson, BodyTooLarge, readJson } from '../http/body';
import { openDatabase } from './index';
import type { IndexManifest } from './manifest';

export type ThreadRequest = { kind: 'handle'; id: number; body: unknown } | { kind: 'close' };
export type ThreadReply =
  | { kind: 'ready'; port: number }
  | { kind: 'reply'; id: number; reply: Record<string, unknown> }
  | { kind: 'closed' };

const port = parentPort;
if (!port) throw new Error('thread.ts runs only inside a worker thread');
const { file, indexes } = workerData as { file: string; indexes: IndexManifest };
const database = openDatabase({ file, indexes });
const post = (message: ThreadReply) => port.postMessage(message);

/** Requests being answered; closing waits for them so no acknowledged write is cut short. */
let inFlight = 0;
async function answer(body: unknown): Promise<Record<string, unknown>> {
  inFlight++;
  try {
    return await database.handle(body);
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
    database.close();
    post({ kind: 'closed' });
  };
  finish();
});
