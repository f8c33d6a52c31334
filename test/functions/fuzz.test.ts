/**
 * Every action of every function, fed generated events in-process: only typed errors come back (never
 * INTERNAL), invalid events are VALIDATION, and nothing invalid writes anything.
 */
import fc from 'fast-check';
import { CONTRACT, type FunctionName } from '../../shared/contract';
import { ERROR_CODES, type Result } from '../../shared/errors';
import { collectionCounts } from '../support/client';
import { actAs, startInProcess } from '../support/platform';
import type { Stack } from '../support/stack';

let stack: Stack;
type Main = (event: unknown) => Promise<Result<unknown>>;
const mains = new Map<FunctionName, Main>();

beforeAll(async () => {
  stack = await startInProcess();
  for (const name of Object.keys(CONTRACT) as FunctionName[]) {
    if (name === 'account') continue; // fuzzed at 1,000 events per action in kit.test.ts
    const mod = (await import(`../../cloudfunctions/${name}/index`)) as { main: Main };
    mains.set(name, mod.main);
  }
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const typedCodes = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));
const value = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.integer(),
  fc.constantFrom(
    '',
    ' ',
    'c-chaoyang',
    'a-0000000000',
    '2026-13',
    '2026-11-28T14:00:00+08:00',
    -1,
    0,
    501,
    null,
    [],
    {},
  ),
);
const keysOf = (schema: unknown): string[] =>
  typeof schema === 'object' &&
  schema !== null &&
  'shape' in schema &&
  typeof schema.shape === 'object' &&
  schema.shape
    ? Object.keys(schema.shape)
    : [];

const cases = (Object.keys(CONTRACT) as FunctionName[])
  .filter((fn) => fn !== 'account')
  .flatMap((fn) => Object.keys(CONTRACT[fn]).map((action) => [fn, action] as const));

test.each(cases)(
  '%s.%s: typed errors only; invalid events write nothing',
  async (fn, action) => {
    const spec = (
      CONTRACT[fn] as Record<
        string,
        { input: { safeParse(v: unknown): { success: boolean } }; mutation: boolean }
      >
    )[action];
    if (!spec) throw new Error(`no contract for ${fn}.${action}`);
    const main = mains.get(fn) as Main;
    // Staff reach the deepest branches; their member record exists, so a valid query writes nothing either.
    actAs('demo-staff-chaoyang');
    const before = await collectionCounts(stack);
    const keys = [...keysOf(spec.input), 'text', 'x'];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 5 })), value, { maxKeys: 5 }),
        async (input) => {
          const valid = spec.input.safeParse(input).success;
          fc.pre(!valid || !spec.mutation);
          const res = await main({ ...input, action });
          if (!res.ok) {
            expect(typedCodes.has(res.error.code)).toBe(true);
            expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
          }
          if (!valid) expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        },
      ),
      { numRuns: 300 },
    );
    expect(await collectionCounts(stack)).toEqual(before);
  },
  120_000,
);
