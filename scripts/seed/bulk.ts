/**
 * Writes many documents through the SDK as CloudBase takes them in bulk: `collection.add([...])` with an array
 * is one `insertDocument` request carrying many documents. A few requests stay in flight, so the client's
 * serializing overlaps the database's inserting and the emulator's group commit shares one fsync among them.
 */
import type { init } from '@cloudbase/node-sdk';

type Database = ReturnType<ReturnType<typeof init>['database']>;

export class BulkWriter {
  private readonly buffers = new Map<string, object[]>();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;
  /** Documents acknowledged so far, per collection. */
  readonly written = new Map<string, number>();

  /**
   * `batch` documents per request: 1,000 registrations are ~0.8 MB of EJSON, well inside the 6 MB request
   * limit; `smaller` lowers it for collections of bigger documents. `parallel` requests at most in flight.
   */
  constructor(
    private readonly db: Database,
    private readonly smaller: Readonly<Record<string, number>> = {},
    private readonly batch = 1000,
    private readonly parallel = 4,
  ) {}

  /** Queues one document; waits only when enough requests are already in flight. */
  async add(collection: string, doc: object): Promise<void> {
    let buffer = this.buffers.get(collection);
    if (buffer === undefined) {
      buffer = [];
      this.buffers.set(collection, buffer);
    }
    buffer.push(doc);
    if (buffer.length >= (this.smaller[collection] ?? this.batch)) await this.send(collection);
  }

  /** Sends what is buffered and waits until every request has been acknowledged. */
  async flush(): Promise<void> {
    for (const collection of this.buffers.keys()) await this.send(collection);
    await Promise.all(this.inFlight);
    this.check();
  }

  total(): number {
    let sum = 0;
    for (const n of this.written.values()) sum += n;
    return sum;
  }

  private async send(collection: string): Promise<void> {
    const docs = this.buffers.get(collection) ?? [];
    if (docs.length === 0) return;
    this.buffers.set(collection, []);
    while (this.inFlight.size >= this.parallel) await Promise.race(this.inFlight);
    this.check();
    const request: Promise<void> = this.db
      .collection(collection)
      .add(docs)
      .then(
        () => {
          this.written.set(collection, (this.written.get(collection) ?? 0) + docs.length);
        },
        (error: unknown) => {
          this.failure ??= error;
        },
      )
      .finally(() => this.inFlight.delete(request));
    this.inFlight.add(request);
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
