/**
 * The rest of the HTTP contract: readiness, demo sign-in, tokens that outlive a restart, and the h5 app.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../emulator/server';
import {
  FIXTURES_CONFIG,
  FIXTURES_OUT_DIR,
  type FixtureStack,
  post,
  startFixtureStack,
} from './fixture-stack';

let stack: FixtureStack;

beforeAll(async () => {
  stack = await startFixtureStack({ seed: true });
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

describe('readiness', () => {
  test('/healthz says 503 until the h5 app is built, then 200 { ok: true }', async () => {
    const before = await fetch(`${stack.url}/healthz`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ ok: false, waiting: ['h5'] });

    writeFileSync(join(stack.h5Dir, 'index.html'), '<!doctype html><div id="app"></div>');
    const after = await fetch(`${stack.url}/healthz`);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ ok: true });
  });
});

describe('the database endpoint', () => {
  test('answers what the SDK cannot parse in CloudBase shape, so the SDK throws a coded error', async () => {
    expect(await post(stack.url, '/admin', '{broken')).toMatchObject({
      status: 200,
      json: { code: 'INVALID_PARAM' },
    });
    const huge = JSON.stringify({ action: 'database.insertDocument', data: ['x'.repeat(6 * 1024 * 1024)] });
    expect(await post(stack.url, '/admin', huge)).toMatchObject({
      status: 413,
      json: { code: 'INVALID_PARAM' },
    });
  });
});

describe('demo sign-in', () => {
  test('/dev/personas lists the seeded people with role and scope', async () => {
    const personas = (await (await fetch(`${stack.url}/dev/personas`)).json()) as {
      persona: string;
      role: string;
    }[];
    expect(new Set(personas.map((p) => p.role))).toEqual(new Set(['resident', 'staff', 'office', 'admin']));
    const staff = personas.find((p) => p.role === 'staff');
    expect(staff).toEqual({
      persona: expect.any(String),
      openid: expect.any(String),
      role: 'staff',
      displayName: expect.any(String),
      centerId: expect.any(String),
      streetId: expect.any(String),
    });
  });

  test('a persona token carries that persona openid into functions', async () => {
    const personas = (await (await fetch(`${stack.url}/dev/personas`)).json()) as {
      persona: string;
      openid: string;
    }[];
    const first = personas[0];
    if (!first) throw new Error('the seed made no personas');
    const result = await stack.call('whoami', {}, await stack.session(first.persona));
    expect(result).toMatchObject({ openId: first.openid });
  });

  test('tokens stay valid across a restart on the same data dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'linli-restart-'));
    const options = {
      port: 0,
      dataDir,
      functionsDir: FIXTURES_OUT_DIR,
      configFile: FIXTURES_CONFIG,
      poolSize: 1,
    };
    try {
      const first = await startServer(options);
      const { json } = await post(first.url, '/dev/session', { openid: 'o-returning' });
      const { token } = json as { token: string };
      await first.close();

      const second = await startServer(options);
      await second.ready;
      const result = await post(second.url, '/fn/whoami', {}, { authorization: `Bearer ${token}` });
      await second.close();
      expect(result).toMatchObject({ status: 200, json: { openId: 'o-returning' } });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the h5 app', () => {
  beforeAll(() => {
    mkdirSync(join(stack.h5Dir, 'js'), { recursive: true });
    writeFileSync(join(stack.h5Dir, 'index.html'), '<!doctype html><div id="app"></div>');
    writeFileSync(join(stack.h5Dir, 'js', 'app.8f738777.js'), 'console.log("app")');
    writeFileSync(join(stack.h5Dir, 'favicon.ico'), '');
  });

  test('hashed assets are cached for good with the right type; the page is revalidated', async () => {
    const asset = await fetch(`${stack.url}/js/app.8f738777.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const page = await fetch(`${stack.url}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const again = await fetch(`${stack.url}/`, {
      headers: { 'if-none-match': page.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  test('app routes fall back to index.html; missing files are 404; nothing outside the build is served', async () => {
    const deepLink = await fetch(`${stack.url}/pages/activity/detail?id=a1`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<div id="app">');
    expect((await fetch(`${stack.url}/js/missing.12345678.js`)).status).toBe(404);
    expect(await rawStatus(stack.port, '/../../package.json')).toBe(404);
    expect(await rawStatus(stack.port, '/%2e%2e/%2e%2e/package.json')).toBe(404);
  });
});

/** fetch() normalizes `..` away; a raw request sends the path as written. */
function rawStatus(port: number, path: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      resolve(res.statusCode);
    })
      .on('error', reject)
      .end();
  });
}
