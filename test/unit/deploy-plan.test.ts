/**
 * The deploy plan against the code: every collection of shared/collections.ts with a security rule and an indexes
 * entry, every function folder in cloudbaserc.json, no more timers per function than CloudBase runs, config.json
 * with the open API permissions each built bundle needs, `{{env.X}}` read from the environment and .env files;
 * and `npm run deploy -- --dry-run` itself, run without credentials.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFunctions } from '../../scripts/build-functions/index';
import { type DeployPlan, formatPlan, MAX_TIMERS_PER_FUNCTION, readPlan } from '../../scripts/deploy/plan';
import { loadVariables, PROCESS_ENV, templateNames, type Variables } from '../../scripts/deploy/variables';
import { ALL_COLLECTIONS } from '../../shared/collections';

const root = join(__dirname, '..', '..');
const cloudbaserc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as {
  functions: { name: string; envVariables?: Record<string, string> }[];
};
/** Every `{{env.X}}` of cloudbaserc.json, each with a value of its own. */
const names = templateNames(cloudbaserc);
const sampleValue = (name: string) => `v-${name.toLowerCase().replace(/_/g, '-')}`;
const variables: Variables = {
  values: Object.fromEntries(names.map((name) => [name, sampleValue(name)])),
  sources: Object.fromEntries(names.map((name) => [name, PROCESS_ENV])),
};

/** WeChat's permission names for the open API paths the functions pass to callWxOpenApi. */
const PERMISSION_OF: Record<string, string> = {
  '/wxa/msg_sec_check': 'security.msgSecCheck',
  '/cgi-bin/message/subscribe/send': 'subscribeMessage.send',
};

let functionsDir: string;
let plan: DeployPlan;

beforeAll(async () => {
  functionsDir = mkdtempSync(join(tmpdir(), 'linli-deploy-'));
  await buildFunctions({ outDir: functionsDir, force: true });
  plan = readPlan({ variables, functionsDir });
}, 120_000);

afterAll(() => rmSync(functionsDir, { recursive: true, force: true }));

test('every collection has a rule that shuts clients out and an indexes entry; the plan has no problem', () => {
  expect(plan.collections.map((c) => c.name)).toEqual([...ALL_COLLECTIONS]);
  for (const collection of plan.collections) {
    expect({ name: collection.name, rule: collection.rule }).toEqual({
      name: collection.name,
      rule: { read: false, write: false },
    });
    expect({ name: collection.name, hasIndexes: Array.isArray(collection.indexes) }).toEqual({
      name: collection.name,
      hasIndexes: true,
    });
  }
  expect(plan.problems).toEqual([]);
});

test('each function folder (but the shared kit and records) is a function of cloudbaserc.json, and built', () => {
  const folders = readdirSync(join(root, 'cloudfunctions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !['kit', 'records'].includes(entry.name))
    .map((entry) => entry.name)
    .sort();
  expect(plan.functions.map((f) => f.name).sort()).toEqual(folders);
  for (const fn of plan.functions) expect(existsSync(join(fn.codeDir, 'index.js'))).toBe(true);
});

test('no function has more timer triggers than CloudBase runs (one)', () => {
  expect(MAX_TIMERS_PER_FUNCTION).toBe(1);
  const over = plan.functions.filter((f) => f.timers.length > MAX_TIMERS_PER_FUNCTION);
  expect(over.map((f) => `${f.name}: ${f.timers.map((t) => t.name).join(', ')}`)).toEqual([]);
});

test('a built function that calls a WeChat open API ships config.json listing its permission', () => {
  const callers: Record<string, string[]> = {};
  for (const fn of plan.functions) {
    const bundle = readFileSync(join(functionsDir, fn.name, 'index.js'), 'utf8');
    const paths = [...new Set([...bundle.matchAll(/apiName:"([^"]+)"/g)].map((m) => m[1] ?? ''))];
    expect(paths.filter((path) => !PERMISSION_OF[path])).toEqual([]);
    const needed = [...new Set(paths.map((path) => PERMISSION_OF[path] ?? ''))].sort();
    const configFile = join(functionsDir, fn.name, 'config.json');
    if (needed.length === 0) {
      expect({ name: fn.name, config: existsSync(configFile) }).toEqual({ name: fn.name, config: false });
      continue;
    }
    callers[fn.name] = needed;
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as { permissions: { openapi: string[] } };
    expect({ name: fn.name, openapi: [...config.permissions.openapi].sort() }).toEqual({
      name: fn.name,
      openapi: needed,
    });
    expect(fn.openapi).toEqual(config.permissions.openapi);
  }
  // The text checks and the notices: the calls are really found in the bundles.
  for (const name of ['needs', 'feedback', 'councils'])
    expect(callers[name]).toContain('security.msgSecCheck');
  expect(Object.values(callers).flat()).toContain('subscribeMessage.send');
});

test('every {{env.X}} of cloudbaserc.json resolves into the function settings; the dry run names them', () => {
  expect(names).toEqual(
    expect.arrayContaining(['TCB_ENV_ID', 'LINLI_CONTENT_CHECK', 'LINLI_SUBSCRIBE_TEMPLATES']),
  );
  expect(plan.envId).toBe(sampleValue('TCB_ENV_ID'));
  expect(plan.missing).toEqual([]);
  for (const declared of cloudbaserc.functions) {
    const fn = plan.functions.find((f) => f.name === declared.name);
    const expected = Object.fromEntries(
      Object.entries(declared.envVariables ?? {}).map(([key, value]) => [
        key,
        value.replace(/\{\{\s*env\.(\w+)\s*\}\}/g, (_, name: string) => sampleValue(name)),
      ]),
    );
    expect({ name: declared.name, env: fn?.envVariables }).toEqual({ name: declared.name, env: expected });
    expect(JSON.stringify(fn?.envVariables)).not.toContain('{{');
  }
  const printed = formatPlan(plan);
  for (const name of names) expect(printed).toContain(name);
  // Values stay out of the printout; the environment ID is shown on purpose, it is not a secret.
  for (const name of names.filter((n) => n !== 'TCB_ENV_ID'))
    expect(printed).not.toContain(sampleValue(name));
  expect(printed).toContain(`环境：${sampleValue('TCB_ENV_ID')}`);

  const unset = readPlan({ variables: { values: {}, sources: {} }, functionsDir });
  expect([...unset.missing].sort()).toEqual([...names].sort());
  expect(unset.variables.every((v) => v.source === undefined)).toBe(true);
});

test('.env, .env.local and .env.<mode> are read in that order of precedence, the environment above them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-env-'));
  try {
    writeFileSync(join(dir, '.env'), 'A=env\nB=env\nC=env\nD=env\n');
    writeFileSync(join(dir, '.env.local'), 'B=local\nC=local\nD=local\n');
    writeFileSync(join(dir, '.env.production'), 'C=production\nD=production\n');
    writeFileSync(join(dir, '.env.test'), 'D=test\n');
    const loaded = loadVariables(dir, 'production', { D: 'process' });
    expect(loaded.values).toMatchObject({ A: 'env', B: 'local', C: 'production', D: 'process' });
    expect(loaded.sources).toMatchObject({
      A: '.env',
      B: '.env.local',
      C: '.env.production',
      D: PROCESS_ENV,
    });
    expect(loadVariables(dir, undefined, {}).values).toEqual({
      A: 'env',
      B: 'local',
      C: 'local',
      D: 'local',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('.env files stay out of git', () => {
  const ignored = spawnSync('git', ['check-ignore', '.env', '.env.local', '.env.production'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(ignored.stdout.trim().split('\n')).toEqual(['.env', '.env.local', '.env.production']);
});

test('npm run deploy -- --dry-run prints the whole plan with no credentials and no values', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, LINLI_CONTENT_CHECK: 'secret-value-7f3a' };
  for (const name of ['TCB_ENV_ID', 'TCB_SECRET_ID', 'TCB_SECRET_KEY', 'TCB_TOKEN']) delete env[name];
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'deploy.ts'), '--dry-run'],
    {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({
    status: 0,
    stderr: '',
  });
  for (const name of ALL_COLLECTIONS) expect(run.stdout).toMatch(new RegExp(`^ {2}${name} +规则 \\{`, 'm'));
  for (const { name } of cloudbaserc.functions)
    expect(run.stdout).toMatch(new RegExp(`^ {2}${name} {2}Nodejs`, 'm'));
  expect(run.stdout).toContain('LINLI_CONTENT_CHECK');
  expect(run.stdout).not.toContain('secret-value-7f3a');
  expect(run.stdout).toContain('security.msgSecCheck');
  expect(run.stdout.trim().split('\n').at(-1)).toMatch(
    new RegExp(
      `^计划：${ALL_COLLECTIONS.length} 个集合、${ALL_COLLECTIONS.length} 条安全规则、\\d+ 个索引、`,
    ),
  );
}, 120_000);
