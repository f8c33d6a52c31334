/**
 * Running functions through `POST /fn/<name>`: identity per worker, the cloud's environment, failures that
 * never take the host down, and logs attributed to their function.
 */
import { type FixtureStack, post, startFixtureStack } from './fixture-stack';

let stack: FixtureStack;

beforeAll(async () => {
  process.env.LINLI_TEST_GREETING = '邻里';
  stack = await startFixtureStack({ poolSize: 2 });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  delete process.env.LINLI_TEST_GREETING;
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface WhoamiResult {
  openId: string;
  appId: string;
  event: Record<string, unknown>;
  context: { functionName: string; requestId: string };
  env: Record<string, string | undefined>;
}

describe('identity', () => {
  test('two overlapping calls with different tokens each see their own openid through the SDK', async () => {
    const [alice, bob] = await Promise.all([stack.session('o-alice'), stack.session('o-bob')]);
    const [forAlice, forBob] = (await Promise.all([
      stack.call('whoami', { delayMs: 150 }, alice),
      stack.call('whoami', { delayMs: 150 }, bob),
    ])) as WhoamiResult[];
    expect(forAlice?.openId).toBe('o-alice');
    expect(forBob?.openId).toBe('o-bob');
  });

  test('the event arrives as sent, with userInfo set by the host and not by the client', async () => {
    const token = await stack.session('o-carol');
    const result = (await stack.call(
      'whoami',
      { action: 'ping', userInfo: { openId: 'o-forged', appId: 'wx-forged' } },
      token,
    )) as WhoamiResult;
    expect(result.event).toEqual({ action: 'ping', userInfo: { openId: 'o-carol', appId: 'wx-local' } });
    expect(result.openId).toBe('o-carol');
    expect(result.appId).toBe('wx-local');
  });

  test('the function sees what CloudBase sets: SCF mode, its name, the env id and where the database is', async () => {
    const result = (await stack.call('whoami', {}, await stack.session('o-dave'))) as WhoamiResult;
    expect(result.env).toEqual({
      TCB_ENV: 'linli-local',
      SCF_FUNCTIONNAME: 'whoami',
      TENCENTCLOUD_RUNENV: 'SCF',
      // The database thread's own endpoint (the public `/admin` serves the same database to other clients).
      TCB_CONTEXT_CNFG: expect.stringMatching(/^\{"URL":"http:\/\/127\.0\.0\.1:\d+\/admin"\}$/),
      GREETING: '你好 邻里',
    });
    expect(result.context.functionName).toBe('whoami');
    expect(result.context.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('the real SDK inside a function reads and writes the local database', async () => {
    const result = await stack.call('store', { note: '邻里议事会' }, await stack.session('o-erin'));
    expect(result).toEqual({ note: '邻里议事会' });
  });

  test('more calls than instances wait their turn and all complete', async () => {
    const token = await stack.session('o-frank');
    const results = (await Promise.all(
      Array.from({ length: 6 }, () => stack.call('whoami', { delayMs: 20 }, token)),
    )) as WhoamiResult[];
    expect(results.map((r) => r.openId)).toEqual(Array(6).fill('o-frank'));
  });
});

describe('sessions', () => {
  test('calls without a valid token are refused with UNAUTHENTICATED', async () => {
    const token = await stack.session('o-grace');
    const [, signature] = token.split('.');
    const forged = `${Buffer.from('o-mallory').toString('base64url')}.${signature}`;
    const refusal = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
    for (const headers of [{}, bearer('nonsense'), bearer(forged), { authorization: token }]) {
      expect(await post(stack.url, '/fn/whoami', {}, headers)).toEqual({ status: 401, json: refusal });
    }
  });

  test('an unknown persona is a 404 and a malformed openid a 400', async () => {
    const unknown = await post(stack.url, '/dev/session', { persona: 'nobody-here' });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const malformed = await post(stack.url, '/dev/session', { openid: 'has spaces and 中文' });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('failures', () => {
  test('a function that throws gives INTERNAL without internals, logs the stack, and the host keeps serving', async () => {
    const token = await stack.session('o-heidi');
    const failed = await post(stack.url, '/fn/crash', {}, bearer(token));
    expect(failed.status).toBe(500);
    expect(failed.json).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试' },
    });
    expect(JSON.stringify(failed.json)).not.toContain('secret');
    expect(stack.logs).toContainEqual(
      expect.objectContaining({
        functionName: 'crash',
        level: 'error',
        text: expect.stringContaining('crash/index.ts'),
      }),
    );
    expect(await stack.call('whoami', {}, token)).toMatchObject({ openId: 'o-heidi' });
  });

  test('a function that spins past its timeout is cut off with a 504 and the next calls work', async () => {
    const token = await stack.session('o-ivan');
    const started = Date.now();
    const cutOff = await post(stack.url, '/fn/hang', {}, bearer(token));
    expect(cutOff.status).toBe(504);
    expect(cutOff.json).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(Date.now() - started).toBeLessThan(4000); // its own 1 s limit, not the 5 s default
    const after = (await Promise.all([
      stack.call('whoami', {}, token),
      stack.call('whoami', {}, token),
    ])) as WhoamiResult[];
    expect(after.map((r) => r.openId)).toEqual(['o-ivan', 'o-ivan']);
  });

  test('an unknown function is NOT_FOUND, a non-object event VALIDATION, an oversized body 413', async () => {
    const headers = bearer(await stack.session('o-judy'));
    expect(await post(stack.url, '/fn/nothing-here', {}, headers)).toMatchObject({
      status: 404,
      json: { ok: false, error: { code: 'NOT_FOUND' } },
    });
    expect(await post(stack.url, '/fn/..%2Fwhoami', {}, headers)).toMatchObject({ status: 404 });
    expect(await post(stack.url, '/fn/whoami', [1, 2], headers)).toMatchObject({
      status: 400,
      json: { ok: false, error: { code: 'VALIDATION' } },
    });
    expect(await post(stack.url, '/fn/whoami', '{not json', headers)).toMatchObject({ status: 400 });
    const huge = JSON.stringify({ text: 'x'.repeat(6 * 1024 * 1024) });
    expect(await post(stack.url, '/fn/whoami', huge, headers)).toMatchObject({
      status: 413,
      json: { ok: false, error: { code: 'VALIDATION' } },
    });
  });

  test('a body nested 10,000 levels deep is VALIDATION before any instance is touched, and the host goes on', async () => {
    const token = await stack.session('o-judy');
    const errorsBefore = stack.logs.filter((line) => line.level === 'error').length;
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    // More at once than the pool has instances: none of them may be left busy.
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => post(stack.url, '/fn/whoami', deep, bearer(token))),
    );
    for (const answer of answers) {
      expect(answer).toEqual({
        status: 400,
        json: { ok: false, error: { code: 'VALIDATION', message: '提交的内容层级太深了' } },
      });
    }
    expect(stack.logs.filter((line) => line.level === 'error')).toHaveLength(errorsBefore);
    const after = (await Promise.all([
      stack.call('whoami', {}, token),
      stack.call('whoami', {}, token),
    ])) as WhoamiResult[];
    expect(after.map((r) => r.openId)).toEqual(['o-judy', 'o-judy']);
  });
});

describe('timer triggers', () => {
  test('a timer runs the function with a Timer event, no caller and no userInfo', async () => {
    const result = (await stack.timer('whoami', 'nightly')) as WhoamiResult;
    expect(result.openId).toBe('');
    expect(result.event).toEqual({
      Type: 'Timer',
      TriggerName: 'nightly',
      Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      Message: '',
    });
  });
});

describe('logs', () => {
  test('console output inside a function reaches the host log under the function name', async () => {
    await stack.call('whoami', {}, await stack.session('o-kim'));
    expect(stack.logs).toContainEqual({ functionName: 'whoami', level: 'log', text: 'called by o-kim' });
  });
});
