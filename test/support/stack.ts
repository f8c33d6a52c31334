/**
 * The whole local stack in the test process: the server on a free port with a fresh data dir, functions built
 * if they are stale. Every suite that starts one closes it (the data dir goes with it).
 *
 *   const stack = await startStack({ seed: true });
 *   const token = await stack.session('resident-wang');
 *   const result = await stack.call('account', { action: 'whoami' }, token);
 *   await stack.close();
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogLevel } from '../../emulator/host/protocol';
import { startServer } from '../../emulator/server';
import { buildFunctions, defaultOutDir, defaultSourceDir } from '../../scripts/build-functions/index';
import { seed } from '../../scripts/seed/index';

// The seed and tests drive the SDK from this process too. Outside Tencent Cloud it probes the metadata
// service before every call unless it believes it runs in SCF; these are what the cloud runtime sets.
process.env.TENCENTCLOUD_RUNENV ??= 'SCF';
process.env.TENCENTCLOUD_REGION ??= 'ap-shanghai';
process.env.SCF_NAMESPACE ??= 'local';

export interface StackOptions {
  /** Seed the demo world (personas, centers, ...); default false: an empty database. */
  seed?: boolean;
  /** Functions to build and run; default the project's `cloudfunctions/`. */
  functionsSourceDir?: string;
  /** Where they are built; default `dist/cloudfunctions`. Keep it inside the checkout: bundles resolve the SDK from its node_modules. */
  functionsOutDir?: string;
  /** Default the project's `cloudbaserc.json`. */
  configFile?: string;
  /** Default `dist/h5`; only `/healthz` and `GET /` care. */
  h5Dir?: string;
  poolSize?: number;
  /** Function output; default dropped, so test output stays readable. */
  log?: (functionName: string, level: LogLevel, text: string) => void;
}

export interface Stack {
  url: string;
  port: number;
  dataDir: string;
  /** A token for a seeded persona key (`resident-wang`) or, failing that, for the string as an openid. */
  session(personaOrOpenid: string): Promise<string>;
  /** POSTs the event to `/fn/<name>` and returns the JSON reply, whatever the status. */
  call(name: string, event?: Record<string, unknown>, token?: string): Promise<unknown>;
  /** Fires a timer trigger of cloudbaserc.json now, as the platform would (no caller); returns the reply. */
  timer(name: string, trigger: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const functionsDir = options.functionsOutDir ?? defaultOutDir;
  await buildFunctions({ sourceDir: options.functionsSourceDir ?? defaultSourceDir, outDir: functionsDir });
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-test-'));
  const server = await startServer({
    port: 0,
    dataDir,
    functionsDir,
    poolSize: options.poolSize ?? 2,
    log: options.log ?? (() => undefined),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.h5Dir ? { h5Dir: options.h5Dir } : {}),
  });
  try {
    await server.ready;
    if (options.seed) await seed({ serviceUrl: `${server.url}/admin`, log: () => undefined });
  } catch (error) {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as unknown };
  };
  const tokenOf = (reply: { status: number; json: unknown }) => {
    const token = (reply.json as { token?: unknown }).token;
    if (reply.status !== 200 || typeof token !== 'string')
      throw new Error(`no session: ${JSON.stringify(reply.json)}`);
    return token;
  };

  return {
    url: server.url,
    port: server.port,
    dataDir,
    async session(personaOrOpenid) {
      const asPersona = await post('/dev/session', { persona: personaOrOpenid });
      if (asPersona.status !== 404) return tokenOf(asPersona);
      return tokenOf(await post('/dev/session', { openid: personaOrOpenid }));
    },
    async call(name, event = {}, token) {
      return (await post(`/fn/${name}`, event, token)).json;
    },
    async timer(name, trigger) {
      return (await post(`/dev/timer/${name}/${encodeURIComponent(trigger)}`, {})).json;
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
