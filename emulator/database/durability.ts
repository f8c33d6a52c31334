/**
 * Durable commits without blocking the database thread. SQLite runs with synchronous=NORMAL: a commit writes its
 * frames to the WAL and returns (already safe against kill -9: the frames are in the kernel), and checkpoints sync
 * the WAL and the database file themselves before the WAL is reused. What a power cut could still take, the last
 * commits' frames, is made durable here: an fdatasync of the WAL on libuv's thread pool, one for every commit made
 * since the last one started. Meanwhile the thread goes on parsing, reading and committing the next group.
 */
import { closeSync, fdatasync, openSync } from 'node:fs';

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class WalSync {
  private fd: number | undefined;
  /** Commits made so far, and how many of them are known durable. */
  private committed = 0;
  private synced = 0;
  private syncing = false;
  private closing = false;
  private waiters: Waiter[] = [];

  constructor(private readonly walFile: string) {}

  /** Counts a commit; returns its number. */
  commit(): number {
    this.committed += 1;
    return this.committed;
  }

  /** Resolves once commit `seq` and all before it are on disk; undefined when they already are. */
  until(seq: number): Promise<void> | undefined {
    if (seq <= this.synced) return undefined;
    return new Promise((resolve, reject) => {
      this.waiters.push({ seq, resolve, reject });
      this.start();
    });
  }

  /** After SQLite's own close, which checkpoints with a sync: everything is durable; the WAL file is let go. */
  close(): void {
    this.closing = true;
    this.synced = this.committed;
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
    this.start();
  }

  private start(): void {
    if (this.closing && !this.syncing && this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
    if (this.syncing || this.closing || this.waiters.length === 0) return;
    const target = this.committed;
    let fd: number;
    try {
      this.fd ??= openSync(this.walFile, 'r');
      fd = this.fd;
    } catch (error) {
      this.settle(target, error);
      return;
    }
    this.syncing = true;
    fdatasync(fd, (error) => {
      this.syncing = false;
      this.settle(target, error);
    });
  }

  private settle(target: number, error: unknown): void {
    if (!error) this.synced = Math.max(this.synced, target);
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.seq > target) still.push(waiter);
      else if (error) waiter.reject(error);
      else waiter.resolve();
    }
    this.waiters = still;
    this.start();
  }
}
