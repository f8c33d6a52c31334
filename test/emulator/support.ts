/**
 * Runs the database emulator behind a real HTTP endpoint so tests drive it with the real @cloudbase/node-sdk,
 * exactly as cloud functions will.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localApp } from '../../emulator/client';
import { type DatabaseEmulator, type IndexManifest, openDatabase } from '../../emulator/database';

// Tests here make dozens to hundreds of SDK calls over HTTP; on a busy 2-core machine (builds and browsers
// running alongside) jest's 5 s default is too tight for them, though each normally takes well under 1 s.
jest.setTimeout(30_000);

// What the cloud runtime sets; without them every SDK call first waits ~50 ms on a metadata lookup.
process.env.TENCENTCLOUD_RUNENV = 'SCF';
process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
process.env.SCF_NAMESPACE = 'local';

export type App = ReturnType<typeof localApp>;
export type Db = ReturnType<App['database']>;
/** What `runTransaction` hands its callback (the SDK types it as any). */
export interface TransactionHandle {
  collection(name: string): ReturnType<Db['collection']>;
  rollback(reason?: unknown): Promise<unknown>;
}

export interface Emulator {
  url: string;
  app: App;
  dir: string;
  database: DatabaseEmulator;
  /** Error codes of every error reply so far, in order: shows which failures the SDK saw (and retried). */
  errorCodes: string[];
  close(): Promise<void>;
}

export async function startEmulator(
  options: { indexes?: IndexManifest; dir?: string } = {},
): Promise<Emulator> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'linli-db-'));
  const database = openDatabase({ file: join(dir, 'db.sqlite'), indexes: options.indexes });
  const errorCodes: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = undefined;
      }
      void database.handle(body).then((reply) => {
        if (typeof reply.code === 'string') errorCodes.push(reply.code);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(reply));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/admin`;
  const app = localApp(url);
  return {
    url,
    app,
    dir,
    database,
    errorCodes,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      database.close();
      if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The SDK's thrown errors carry CloudBase's `code`; this reads it without trusting the shape. */
export function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
