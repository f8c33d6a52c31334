/** A stack running the fixture functions in `fixtures/` instead of the project's, with their output captured. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogLevel } from '../../emulator/host/protocol';
import { type Stack, type StackOptions, startStack } from '../support/stack';

export const FIXTURES_DIR = join(__dirname, 'fixtures');
/** Inside the checkout, so the bundles resolve `@cloudbase/node-sdk` from its node_modules. */
export const FIXTURES_OUT_DIR = join(__dirname, '..', '..', 'dist', 'test', 'host-functions');
export const FIXTURES_CONFIG = join(FIXTURES_DIR, 'cloudbaserc.json');

export interface FunctionLog {
  functionName: string;
  level: LogLevel;
  text: string;
}

export interface FixtureStack extends Stack {
  logs: FunctionLog[];
  h5Dir: string;
}

export async function startFixtureStack(options: StackOptions = {}): Promise<FixtureStack> {
  const logs: FunctionLog[] = [];
  const h5Dir = mkdtempSync(join(tmpdir(), 'linli-h5-'));
  const stack = await startStack({
    functionsSourceDir: FIXTURES_DIR,
    functionsOutDir: FIXTURES_OUT_DIR,
    configFile: FIXTURES_CONFIG,
    h5Dir,
    log: (functionName, level, text) => logs.push({ functionName, level, text }),
    ...options,
  });
  return {
    ...stack,
    logs,
    h5Dir,
    async close() {
      await stack.close();
      rmSync(h5Dir, { recursive: true, force: true });
    },
  };
}

/** POSTs to `/fn/<name>` and keeps the status, which `Stack.call` drops. */
export async function post(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}
