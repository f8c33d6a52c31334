/**
 * Group commit. Write requests that arrive together are run one after another, each in its own savepoint (so each
 * stays atomic and a failing one undoes only itself), inside one SQLite transaction, so the batch shares one
 * commit and one sync (see durability.ts). Their replies are released only once that commit is on disk, so an
 * acknowledged write is durable. While a group's sync runs, new writes wait and form the next group (reads go
 * on): groups grow with the load, and the WAL receives one set of pages per group rather than per write.
 */
import type { WalSync } from './durability';
import type { Store } from './store';

type Reply = Record<string, unknown>;

interface Pending {
  run: () => Reply;
  fail: (error: unknown) => Reply;
  resolve: (reply: Reply) => void;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private syncing = false;

  constructor(
    private readonly store: Store,
    private readonly sync: WalSync,
  ) {}

  /** Queues a write; `fail` shapes the reply if it throws or if the shared commit fails. */
  submit(run: () => Reply, fail: (error: unknown) => Reply): Promise<Reply> {
    return new Promise((resolve) => {
      this.queue.push({ run, fail, resolve });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.syncing || this.queue.length === 0) return;
    this.scheduled = true;
    // After the current I/O phase, so requests that arrived together share the commit.
    setImmediate(() => this.flush());
  }

  /** Runs and commits everything queued; also called on close so nothing accepted is left unwritten. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let settled: [Pending, Reply][];
    try {
      settled = this.store.transaction(() =>
        batch.map((item): [Pending, Reply] => [item, this.attempt(item)]),
      );
    } catch (error) {
      settled = batch.map((item): [Pending, Reply] => [item, item.fail(error)]);
      for (const [item, reply] of settled) item.resolve(reply);
      return;
    }
    const release = (error?: unknown) => {
      for (const [item, reply] of settled) item.resolve(error === undefined ? reply : item.fail(error));
      this.syncing = false;
      this.schedule();
    };
    const durable = this.sync.until(this.sync.commit());
    if (durable) {
      this.syncing = true;
      durable.then(() => release(), release);
    } else release();
  }

  private attempt(item: Pending): Reply {
    try {
      return this.store.transaction(item.run);
    } catch (error) {
      return item.fail(error);
    }
  }
}
