/**
 * The kit every function is built on, exercised through the real `account` function in-process, with the
 * platform's environment set as CloudBase sets it and the real SDK talking to the local database.
 */
import fc from 'fast-check';
import { CONTRACT } from '../../shared/contract';
import { ERROR_CODES, type Result } from '../../shared/errors';
import { collectionCounts } from '../support/client';
import { actAs, startInProcess } from '../support/platform';
import type { Stack } from '../support/stack';

let stack: Stack;
let main: (event: unknown) => Promise<Result<unknown>>;

beforeAll(async () => {
  stack = await startInProcess();
  ({ main } = await import('../../cloudfunctions/account'));
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const as = actAs;

test('VALIDATION names the field, in Chinese, and writes nothing', async () => {
  as('kit-user-validation');
  const before = await collectionCounts(stack);
  const res = await main({ action: 'updateProfile', phone: '12345' });
  expect(res).toEqual({
    ok: false,
    error: {
      code: 'VALIDATION',
      message: '手机号应为11位数字',
      issues: [{ field: 'phone', message: '手机号应为11位数字' }],
    },
  });
  expect(await collectionCounts(stack)).toEqual(before);
});

test('an unknown action is UNKNOWN_ACTION', async () => {
  as('resident-zhang');
  expect(await main({ action: 'dropDatabase' })).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_ACTION' },
  });
  expect(await main({ action: 'toString' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  expect(await main({})).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION', issues: [{ field: 'action' }] },
  });
});

test('no identity in the platform context is UNAUTHENTICATED, whatever the event claims', async () => {
  as('');
  const res = await main({ action: 'whoami', userInfo: { openId: 'demo-city' }, openid: 'demo-city' });
  expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
});

test('wrong role and wrong scope are FORBIDDEN', async () => {
  as('demo-resident-wang');
  expect(await main({ action: 'createInvite', role: 'office', streetId: 's-hefu' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  as('demo-office-hefu');
  expect(await main({ action: 'createInvite', role: 'staff', centerId: 'c-chaoyang' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});

test('a retried mutation with the same requestId returns the first result and writes once', async () => {
  as('kit-user-retry');
  const event = {
    action: 'addFamilyMember',
    displayName: '孙奶奶',
    relation: '祖母',
    requestId: 'retry-test-0001',
  };
  const results = await Promise.all([main(event), main(event)]);
  const settled = [...results, await main(event), await main(event)];
  const oks = settled.filter((r) => r.ok);
  // Concurrent duplicates either get the first result or are told to wait; never a second write.
  expect(oks.length).toBeGreaterThanOrEqual(3);
  for (const r of oks) expect(r).toEqual(oks[0]);
  for (const r of settled.filter((r) => !r.ok)) expect(r).toMatchObject({ error: { code: 'BUSY' } });
  const me = await main({ action: 'whoami' });
  expect(me).toMatchObject({ ok: true, data: { member: { family: [{ displayName: '孙奶奶' }] } } });
  if (me.ok) expect((me.data as { member: { family: unknown[] } }).member.family).toHaveLength(1);
});

describe('fuzz: 1,000 generated events per account action', () => {
  const knownKeys = [
    'displayName',
    'homeCenterId',
    'elderlyMode',
    'phone',
    'role',
    'streetId',
    'centerId',
    'code',
    'relation',
  ];
  const value = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.constantFrom(
      '',
      ' ',
      '13800000000',
      'c-chaoyang',
      's-hefu',
      'office',
      'staff',
      '父亲',
      'ABCDEFGH',
      null,
    ),
  );
  const typedCodes = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));

  for (const action of Object.keys(CONTRACT.account) as (keyof typeof CONTRACT.account)[]) {
    test(`${action}: only typed errors, and invalid events write nothing`, async () => {
      // The office caller can reach every branch of every action; its member record already exists.
      as('demo-office-chaoyang');
      const before = await collectionCounts(stack);
      const schema = CONTRACT.account[action].input;
      let invalid = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys), fc.string({ maxLength: 6 })), value, {
            maxKeys: 4,
          }),
          fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }),
          async (input, requestId) => {
            const valid = schema.safeParse(input).success;
            // Valid mutations legitimately write; the property is about what bad input does.
            fc.pre(!valid || !CONTRACT.account[action].mutation);
            const res = await main({ ...input, action, ...(requestId === undefined ? {} : { requestId }) });
            expect(typeof res.ok).toBe('boolean');
            if (!res.ok) {
              expect(typedCodes.has(res.error.code)).toBe(true);
              expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
            }
            if (!valid) {
              invalid++;
              expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
            }
          },
        ),
        { numRuns: 1000 },
      );
      expect(await collectionCounts(stack)).toEqual(before);
      if (CONTRACT.account[action].mutation) expect(invalid).toBe(1000);
    }, 120_000);
  }
});
