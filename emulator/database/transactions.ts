/**
 * Server-side transactions with optimistic concurrency. A transaction buffers its writes in memory and reads its
 * own writes over committed data; every document it reads or writes (updates read first) joins its read set.
 * Every committed write, plain or transactional, breaks the open transactions whose read set holds that document,
 * and a broken transaction's next operation or commit fails with DATABASE_TRANSACTION_CONFLICT, which makes
 * `runTransaction` run the callback again on fresh data. First committer wins, so a read-modify-write inside a
 * transaction can never lose an update; and since a conflict always means another write committed, retries make
 * progress. Conflicts are found at commit rather than at the second write (as MongoDB does) because the SDK
 * retries without any pause: an eager conflict would burn its three retries while the first writer is still
 * committing. Commit applies the write set in one SQLite transaction; abort, conflict or expiry drops it.
 */
import { randomBytes } from 'node:crypto';
import { DatabaseError, ERROR_CODES } from './errors';
import type { Store } from './store';
import type { Doc, DocId } from './wire';

/** Transactions nobody commits are dropped after this long, like CloudBase's server-side transaction timeout. */
const TRANSACTION_LIFETIME_MS = 30_000;

interface PendingWrite {
  collection: string;
  id: DocId;
  /** undefined = removed. */
  doc: Doc | undefined;
}

interface Transaction {
  readonly id: string;
  readonly expiresAt: number;
  readonly reads: Set<string>;
  readonly writes: Map<string, PendingWrite>;
  broken: boolean;
}

/** Identity of a document across collections; the type keeps `_id` 5 and '5' apart, as MongoDB does. */
export const docKey = (collection: string, id: DocId): string => `${collection}\0${typeof id}\0${id}`;

const conflict = (): DatabaseError =>
  new DatabaseError(
    ERROR_CODES.transactionConflict,
    'a document in this transaction was changed by another write; run the transaction again',
  );

export class Transactions {
  private readonly open = new Map<string, Transaction>();

  constructor(
    private readonly store: Store,
    private readonly lifetimeMs = TRANSACTION_LIFETIME_MS,
  ) {}

  start(now: number): string {
    const id = randomBytes(16).toString('hex');
    this.open.set(id, {
      id,
      expiresAt: now + this.lifetimeMs,
      reads: new Set(),
      writes: new Map(),
      broken: false,
    });
    return id;
  }

  /** Forgets expired transactions, so their buffered writes stop blocking others. */
  sweep(now: number): void {
    for (const [id, transaction] of this.open) if (transaction.expiresAt <= now) this.open.delete(id);
  }

  /** A document as this transaction sees it: its own pending write, else the committed version. */
  read(transactionId: string, collection: string, id: DocId): Doc | undefined {
    const transaction = this.usable(transactionId);
    const key = docKey(collection, id);
    const pending = transaction.writes.get(key);
    if (pending !== undefined) return pending.doc;
    transaction.reads.add(key);
    return this.store.get(collection, id)?.doc;
  }

  write(transactionId: string, collection: string, id: DocId, doc: Doc | undefined): void {
    const transaction = this.usable(transactionId);
    const key = docKey(collection, id);
    transaction.reads.add(key);
    transaction.writes.set(key, { collection, id, doc });
  }

  commit(transactionId: string): void {
    const transaction = this.usable(transactionId);
    this.open.delete(transactionId);
    this.store.transaction(() => {
      for (const { collection, id, doc } of transaction.writes.values()) {
        if (doc === undefined) this.store.remove(collection, id);
        else this.store.put(collection, id, doc);
      }
    });
    this.committed(transaction.writes.keys());
  }

  abort(transactionId: string): void {
    this.find(transactionId);
    this.open.delete(transactionId);
  }

  /** Called after every committed write: open transactions that saw those documents can no longer commit. */
  committed(keys: Iterable<string>): void {
    if (this.open.size === 0) return;
    for (const key of keys) {
      for (const transaction of this.open.values()) if (transaction.reads.has(key)) transaction.broken = true;
    }
  }

  private usable(transactionId: string): Transaction {
    const transaction = this.find(transactionId);
    if (transaction.broken) {
      this.open.delete(transactionId);
      throw conflict();
    }
    return transaction;
  }

  private find(transactionId: string): Transaction {
    const transaction = this.open.get(transactionId);
    if (transaction === undefined) {
      throw new DatabaseError(
        ERROR_CODES.transactionFail,
        `transaction ${transactionId} is not open (committed, aborted, conflicted or expired after ${this.lifetimeMs / 1000} s)`,
      );
    }
    return transaction;
  }
}
