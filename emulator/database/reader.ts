/**
 * A reader thread: answers `aggregateDocuments` on its own read-only connection to the database file, so long
 * aggregations (a recount over a million records) use the machine's other cores and never hold up the writes
 * and short reads the database thread answers. Started by thread.ts; compiled by threaded.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { aggregateReply } from './actions';
import { errorReply } from './errors';
import { type IndexManifest, parseIndexManifest } from './manifest';
import { Store } from './store';
import { isPlainObject } from './wire';

export interface ReaderRequest {
  id: number;
  requestId: string;
  body: Record<string, unknown>;
}
export interface ReaderReply {
  id: number;
  reply: Record<string, unknown>;
}

const port = parentPort;
if (!port) throw new Error('reader.ts runs only inside a worker thread');
const { file, indexes } = workerData as { file: string; indexes: IndexManifest };
const store = new Store(file, parseIndexManifest(indexes), { readonly: true });

port.on('message', ({ id, requestId, body }: ReaderRequest) => {
  let reply: Record<string, unknown>;
  try {
    if (!isPlainObject(body)) throw new Error('body must be an object');
    // Collections and array-holding paths the writer added since the last request.
    store.refresh();
    reply = { requestId, ...aggregateReply(store, body, Date.now()) };
  } catch (error) {
    reply = errorReply(requestId, error);
  }
  port.postMessage({ id, reply } satisfies ReaderReply);
});
