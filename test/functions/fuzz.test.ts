/**
 * Every action of every function, fed generated events in-process: only typed errors come back (never
 * INTERNAL), invalid events are VALIDATION, and nothing invalid writes anything.
 */
import { init } from '@cloudbase/node-sdk';
import fc from 'fast-check';
import { ALL_COLLECTIONS } from '../../shared/collections';
import { CONTRACT, type FunctionName } from '../../shared/contract';
import { ERROR_CODES, type Result } from '../../shared/errors';
import { actAs, actAsFunctionInstance } from '../support/platform';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
type Main = (event: unknown) => Promise<Result<unknown>>;
const mains = new Map<FunctionName, Main>();

beforeAll(async () => {
  stack = await startStack({ seed: true });
  actAsFunctionInstance(stack);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  for (const name of Object.keys(CONTRACT) as FunctionName[]) {
    if (name === 'account') continue; // fuzzed at 1,000 events per action in kit.test.ts
    const mod = (await import(`../../cloudfunctions/${name}/index`)) as { main: Main };
    mains.set(name, mod.main);
  }
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function snapshot(): Promise<Record<string, number>> {
  const db = init({
    env: 'local',
    serviceUrl: `${stack.url}/admin`,
    secretId: 'local',
    secretKey: 'local',
  }).database();
  const counts: Record<string, number> = {};
  for (const name of ALL_COLLECTIONS)
    counts[name] = ((await db.collection(name).count()) as { total?: number }).total ?? -1;
  return counts;
}

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
    const before = await snapshot();
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
    expect(await snapshot()).toEqual(before);
  },
  120_000,
);
