/** SIGTERM lets calls already accepted finish, then the process exits cleanly and the port is free. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFunctions } from '../../scripts/build-functions/index';
import { FIXTURES_DIR, FIXTURES_OUT_DIR, post } from './fixture-stack';

const REPO_ROOT = join(__dirname, '..', '..');
let dataDir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  await buildFunctions({ sourceDir: FIXTURES_DIR, outDir: FIXTURES_OUT_DIR });
  dataDir = mkdtempSync(join(tmpdir(), 'linli-shutdown-'));
}, 60_000);

afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

test('SIGTERM finishes the running call, refuses nothing it accepted, and exits 0', async () => {
  const server = spawn(
    join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    [join(__dirname, 'serve-fixtures.ts')],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, LINLI_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child = server;
  const output: string[] = [];
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const listening = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output.join(''));
      if (listening?.[1]) resolve(listening[1]);
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output.join('')}`)));
  });
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));

  const { json } = await post(url, '/dev/session', { openid: 'o-late-caller' });
  const { token } = json as { token: string };
  const running = post(url, '/fn/whoami', { delayMs: 600 }, { authorization: `Bearer ${token}` });
  await new Promise((resolve) => setTimeout(resolve, 200)); // the call is inside the function now
  server.kill('SIGTERM');

  await expect(running).resolves.toMatchObject({ status: 200, json: { openId: 'o-late-caller' } });
  expect(await exited).toBe(0);
  await expect(fetch(`${url}/healthz`)).rejects.toThrow();
}, 30_000);
