/**
 * The local CloudBase document database: answers the `/admin` database actions of `@cloudbase/node-sdk` from a
 * SQLite file. The HTTP server mounts `handle`; cloud functions reach it only through the SDK.
 */
import { randomBytes } from 'node:crypto';
import { ACTIONS } from './actions';
import { GroupCommit } from './commits';
import { WalSync } from './durability';
import { errorReply, invalidParam } from './errors';
import { type IndexManifest, parseIndexManifest } from './manifest';
import { Store } from './store';
import { Transactions } from './transactions';
import { isPlainObject } from './wire';

export { ERROR_CODES } from './errors';
export { type IndexManifest, type IndexSpec, parseIndexManifest, readIndexManifest } from './manifest';

export interface DatabaseEmulator {
  /** Handle one parsed JSON body POSTed by @cloudbase/node-sdk to /admin; returns the JSON reply body. Never throws: errors become CloudBase-shaped replies { requestId, code, message }. */
  handle(body: unknown): Promise<Record<string, unknown>>;
  close(): void;
}

export function openDatabase(options: { file: string; indexes?: IndexManifest }): DatabaseEmulator {
  const store = new Store(options.file, parseIndexManifest(options.indexes ?? {}));
  const transactions = new Transactions(store);
  const sync = new WalSync(`${options.file}-wal`);
  const commits = new GroupCommit(store, sync);
  const requestPrefix = randomBytes(4).toString('hex');
  let requests = 0;

  return {
    // Each request runs to completion in one synchronous turn; writes wait for their group's commit to be on
    // disk. Reads answer from what is committed, as MongoDB's default read concern ("local") does.
    async handle(body) {
      requests += 1;
      const requestId = `${requestPrefix}-${requests.toString(16)}`;
      try {
        if (!isPlainObject(body) || typeof body.action !== 'string')
          throw invalidParam('body must be an object with an action');
        const action = ACTIONS[body.action];
        if (action === undefined) throw invalidParam(`unsupported action ${body.action}`);
        const now = Date.now();
        transactions.sweep(now);
        const run = () => ({ requestId, ...action.run({ store, transactions, now }, body) });
        if (!action.writes) return run();
        return await commits.submit(run, (error) => errorReply(requestId, error));
      } catch (error) {
        return errorReply(requestId, error);
      }
    },
    close() {
      commits.flush();
      store.close();
      sync.close();
    },
  };
}
