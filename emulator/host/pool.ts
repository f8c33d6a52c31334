/**
 * A fixed number of function instances (worker threads), each running one invocation at a time, with a FIFO
 * queue in front. An instance that overruns its time limit or dies is replaced; the pool itself never fails.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { FailureDetail, InvokeMessage, LogLevel, WorkerMessage, WorkerSetup } from './protocol';

export type Outcome =
  | { kind: 'result'; json: string }
  | { kind: 'failure'; error: FailureDetail }
  | { kind: 'timeout' }
  | { kind: 'crash'; message: string };

export interface Job {
  functionName: string;
  timeoutMs: number;
  message: Omit<InvokeMessage, 'kind' | 'id'>;
}

export interface PoolOptions {
  size: number;
  /** `process.env` a new instance starts with. */
  env: Record<string, string>;
  preload: string[];
  log: (functionName: string, level: LogLevel, text: string) => void;
}

interface Pending {
  job: Job;
  settle: (outcome: Outcome) => void;
}

interface Instance {
  worker: Worker;
  ready: boolean;
  running?: { id: number; pending: Pending; timer: NodeJS.Timeout };
  /** Output after an invocation returned (a stray timer) is still attributed to the function that ran. */
  lastFunction: string;
  lastError?: Error;
}

export class WorkerPool {
  /** Resolves once every first-generation instance has started and preloaded. */
  readonly ready: Promise<void>;
  private readonly instances = new Set<Instance>();
  private readonly queue: Pending[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private nextId = 1;
  private closing = false;

  constructor(private readonly options: PoolOptions) {
    const started: Promise<void>[] = [];
    for (let i = 0; i < options.size; i++) started.push(this.spawn());
    this.ready = Promise.all(started).then(() => undefined);
  }

  run(job: Job): Promise<Outcome> {
    if (this.closing)
      return Promise.resolve({ kind: 'crash', message: 'the function host is shutting down' });
    return new Promise((settle) => {
      this.queue.push({ job, settle });
      this.dispatch();
    });
  }

  /** Resolves when nothing is queued or running. */
  drain(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const pending of this.queue.splice(0))
      pending.settle({ kind: 'crash', message: 'the function host closed' });
    const instances = [...this.instances];
    this.instances.clear();
    for (const instance of instances) {
      if (instance.running) this.settle(instance, { kind: 'crash', message: 'the function host closed' });
    }
    await Promise.all(instances.map((instance) => instance.worker.terminate()));
  }

  private spawn(): Promise<void> {
    const setup: WorkerSetup = { preload: this.options.preload };
    const worker = new Worker(workerSource(), { eval: true, env: this.options.env, workerData: setup });
    const instance: Instance = { worker, ready: false, lastFunction: 'host' };
    this.instances.add(instance);
    return new Promise((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'ready') {
          instance.ready = true;
          resolve();
          this.dispatch();
        } else if (message.kind === 'log') {
          this.options.log(instance.lastFunction, message.level, message.text);
        } else if (instance.running?.id === message.id) {
          this.settle(
            instance,
            message.kind === 'result'
              ? { kind: 'result', json: message.json }
              : { kind: 'failure', error: message.error },
          );
        }
      });
      worker.on('error', (error) => {
        instance.lastError = error;
      });
      worker.on('exit', () => {
        const reason = instance.lastError?.message ?? 'the function instance exited';
        if (!instance.ready) reject(new Error(`a function instance did not start: ${reason}`));
        if (!this.instances.delete(instance)) return; // retired on purpose
        if (!instance.ready) return; // a start-up failure would only repeat: do not respawn
        if (instance.running) this.settle(instance, { kind: 'crash', message: reason });
        this.replace();
      });
    });
  }

  private dispatch(): void {
    for (const instance of this.instances) {
      if (this.queue.length === 0) return;
      if (!instance.ready || instance.running) continue;
      const pending = this.queue.shift();
      if (pending) this.start(instance, pending);
    }
  }

  private start(instance: Instance, pending: Pending): void {
    const id = this.nextId++;
    const timer = setTimeout(() => this.expire(instance), pending.job.timeoutMs);
    instance.running = { id, pending, timer };
    instance.lastFunction = pending.job.functionName;
    const message: InvokeMessage = { kind: 'invoke', id, ...pending.job.message };
    instance.worker.postMessage(message);
  }

  private settle(instance: Instance, outcome: Outcome): void {
    const running = instance.running;
    if (!running) return;
    clearTimeout(running.timer);
    instance.running = undefined;
    running.pending.settle(outcome);
    this.dispatch();
    if (this.isIdle()) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /** A hung instance cannot be interrupted from outside; it is thrown away, as SCF does. */
  private expire(instance: Instance): void {
    this.instances.delete(instance);
    this.settle(instance, { kind: 'timeout' });
    void instance.worker.terminate();
    this.replace();
  }

  private replace(): void {
    if (this.closing) return;
    this.spawn().catch((error: unknown) => {
      this.options.log('host', 'error', `could not replace a function instance: ${String(error)}`);
    });
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && [...this.instances].every((instance) => !instance.running);
  }
}

let compiledWorker: string | undefined;

/** The worker's TypeScript, compiled once per process: the worker then runs as plain Node, as in the cloud. */
function workerSource(): string {
  if (compiledWorker === undefined) {
    const result = buildSync({
      entryPoints: [join(__dirname, 'worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'error',
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error('compiling the function worker produced no output');
    compiledWorker = output.text;
  }
  return compiledWorker;
}
