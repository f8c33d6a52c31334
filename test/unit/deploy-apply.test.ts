/**
 * Applying a deploy plan to an in-memory CloudBase (its servers are out of reach here): the repository's plan
 * applied twice creates everything once and then changes nothing; an index already there is not created again,
 * a changed one is rebuilt; new code, settings and a moved timer are updated in place; a plan with problems or
 * unset variables touches nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type IndexSpec, readIndexManifest } from '../../emulator/database/manifest';
import {
  type ApplyReport,
  applyPlan,
  type CloudBaseTarget,
  type RemoteFunction,
  type RemoteIndex,
} from '../../scripts/deploy/apply';
import {
  type BuiltFolder,
  buildPlan,
  type DeployPlan,
  type FunctionPlan,
  type SecurityRule,
} from '../../scripts/deploy/plan';
import { PROCESS_ENV, templateNames, type Variables } from '../../scripts/deploy/variables';
import { ALL_COLLECTIONS } from '../../shared/collections';

const root = join(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

interface Collection {
  rule?: SecurityRule;
  indexes: Map<string, RemoteIndex>;
}

/** Behaves as CloudBase does where the deploy relies on it, and refuses what CloudBase refuses. */
class MemoryCloudBase implements CloudBaseTarget {
  readonly collections = new Map<string, Collection>();
  readonly functions = new Map<string, RemoteFunction & { code: string }>();
  /** Every write, in order. */
  readonly writes: string[] = [];

  private collection(name: string): Collection {
    const found = this.collections.get(name);
    if (!found) throw new Error(`DATABASE_COLLECTION_NOT_EXIST ${name}`);
    return found;
  }
  private fn(name: string): RemoteFunction & { code: string } {
    const found = this.functions.get(name);
    if (!found) throw new Error(`ResourceNotFound.Function ${name}`);
    return found;
  }

  async ensureCollection(name: string) {
    if (this.collections.has(name)) return false;
    this.writes.push(`createCollection ${name}`);
    this.collections.set(name, { indexes: new Map() });
    return true;
  }
  async listIndexes(collection: string) {
    return [...this.collection(collection).indexes.values()];
  }
  async createIndexes(collection: string, indexes: IndexSpec[]) {
    const there = this.collection(collection).indexes;
    for (const index of indexes) {
      if (there.has(index.name)) throw new Error(`index ${collection}.${index.name} already exists`);
      this.writes.push(`createIndex ${collection}.${index.name}`);
      there.set(index.name, {
        name: index.name,
        keys: Object.entries(index.keys).map(([field, direction]) => [field, String(direction)]),
      });
    }
  }
  async dropIndexes(collection: string, names: string[]) {
    const there = this.collection(collection).indexes;
    for (const name of names) {
      if (!there.delete(name)) throw new Error(`no index ${collection}.${name}`);
      this.writes.push(`dropIndex ${collection}.${name}`);
    }
  }
  async readRule(collection: string) {
    return this.collection(collection).rule;
  }
  async writeRule(collection: string, rule: SecurityRule) {
    this.writes.push(`writeRule ${collection}`);
    this.collection(collection).rule = { ...rule };
  }
  async readFunction(name: string) {
    const found = this.functions.get(name);
    return found && { ...found, envVariables: { ...found.envVariables }, timers: [...found.timers] };
  }
  async createFunction(fn: FunctionPlan) {
    if (this.functions.has(fn.name)) throw new Error(`ResourceInUse.Function ${fn.name}`);
    this.writes.push(`createFunction ${fn.name}`);
    this.functions.set(fn.name, {
      runtime: fn.runtime,
      handler: fn.handler,
      memorySize: fn.memorySize,
      timeout: fn.timeout,
      installDependency: fn.installDependency,
      envVariables: { ...fn.envVariables },
      description: fn.description,
      timers: [],
      code: fn.codeHash,
    });
  }
  async updateFunctionCode(fn: FunctionPlan) {
    this.writes.push(`updateCode ${fn.name}`);
    Object.assign(this.fn(fn.name), { code: fn.codeHash, handler: fn.handler });
  }
  async updateFunctionConfig(fn: FunctionPlan) {
    this.writes.push(`updateConfig ${fn.name}`);
    const there = this.fn(fn.name);
    Object.assign(there, {
      memorySize: fn.memorySize,
      timeout: fn.timeout,
      installDependency: fn.installDependency,
      description: fn.description,
    });
    // As the manager does: variables are replaced as a whole, and only when there are some.
    if (Object.keys(fn.envVariables).length > 0) there.envVariables = { ...fn.envVariables };
  }
  async createTimer(functionName: string, timer: { name: string; cron: string }) {
    const there = this.fn(functionName);
    if (there.timers.length > 0) throw new Error(`${functionName} already has a timer`);
    this.writes.push(`createTimer ${functionName}.${timer.name}`);
    there.timers.push({ ...timer });
  }
  async deleteTimer(functionName: string, timerName: string) {
    const there = this.fn(functionName);
    if (!there.timers.some((t) => t.name === timerName))
      throw new Error(`no timer ${functionName}.${timerName}`);
    this.writes.push(`deleteTimer ${functionName}.${timerName}`);
    there.timers = there.timers.filter((t) => t.name !== timerName);
  }
}

const cloudbaserc = readJson('cloudbaserc.json') as { functions: { name: string }[] };
const names = templateNames(cloudbaserc);
const allSet: Variables = {
  values: Object.fromEntries(names.map((name) => [name, `value-${name.toLowerCase().replace(/_/g, '-')}`])),
  sources: Object.fromEntries(names.map((name) => [name, PROCESS_ENV])),
};
const built = (fnNames: string[], hash = 'c0de'): Record<string, BuiltFolder> =>
  Object.fromEntries(fnNames.map((name) => [name, { dir: `/built/${name}`, codeHash: hash }]));

/** The repository's plan, with stand-in build folders (the applier never reads them; the target uploads them). */
const repositoryPlan = (variables: Variables = allSet): DeployPlan =>
  buildPlan({
    config: cloudbaserc,
    rules: readJson('database/security-rules.json'),
    indexes: readIndexManifest(join(root, 'database', 'indexes.json')),
    collections: ALL_COLLECTIONS,
    builds: built(cloudbaserc.functions.map((f) => f.name)),
    variables,
  });

const apply = async (
  plan: DeployPlan,
  cloud: MemoryCloudBase,
): Promise<{ report: ApplyReport; log: string[] }> => {
  const log: string[] = [];
  const report = await applyPlan(plan, cloud, (line) => log.push(line));
  return { report, log };
};

test("the repository's plan applied twice creates everything once, then changes nothing", async () => {
  const plan = repositoryPlan();
  expect(plan.problems).toEqual([]);
  const cloud = new MemoryCloudBase();

  const first = await apply(plan, cloud);
  const indexCount = plan.collections.reduce((sum, c) => sum + (c.indexes?.length ?? 0), 0);
  const timerCount = plan.functions.reduce((sum, f) => sum + f.timers.length, 0);
  expect(first.report.counts).toMatchObject({
    collectionsCreated: ALL_COLLECTIONS.length,
    rulesWritten: ALL_COLLECTIONS.length,
    indexesCreated: indexCount,
    functionsCreated: plan.functions.length,
    timersCreated: timerCount,
  });
  const steps = ALL_COLLECTIONS.length + plan.functions.length;
  expect(first.log).toHaveLength(steps);
  expect(first.log[0]).toMatch(
    new RegExp(`^\\[1/${steps}\\] 集合 ${ALL_COLLECTIONS[0]}：已新建；安全规则已设置；索引 新建`),
  );
  expect(first.log.at(-1)).toMatch(new RegExp(`^\\[${steps}/${steps}\\] 云函数 `));
  for (const name of ALL_COLLECTIONS)
    expect(cloud.collections.get(name)?.rule).toEqual({ read: false, write: false });

  // The settings the applier handed over carry every {{env.X}} resolved.
  for (const fn of plan.functions) {
    const deployed = cloud.functions.get(fn.name);
    expect(deployed?.envVariables).toEqual(fn.envVariables);
    expect(JSON.stringify(deployed?.envVariables)).not.toContain('{{');
    expect(deployed?.timers).toEqual(fn.timers);
  }
  expect(cloud.functions.get('needs')?.envVariables).toEqual({
    LINLI_CONTENT_CHECK: 'value-linli-content-check',
  });

  const writes = cloud.writes.length;
  const second = await apply(plan, cloud);
  expect(cloud.writes.slice(writes)).toEqual([]);
  expect(second.report.counts).toEqual({
    collectionsCreated: 0,
    rulesWritten: 0,
    indexesCreated: 0,
    indexesRebuilt: 0,
    functionsCreated: 0,
    codeUpdated: 0,
    configUpdated: 0,
    timersCreated: 0,
    timersDeleted: 0,
    // Per collection: itself, its rule, each index; per function: its code, its settings, each timer.
    unchanged: ALL_COLLECTIONS.length * 2 + indexCount + plan.functions.length * 2 + timerCount,
  });
});

test('an index already there is not created again; one with other keys is rebuilt; an extra one is left', async () => {
  const cloud = new MemoryCloudBase();
  cloud.collections.set('activities', {
    indexes: new Map<string, RemoteIndex>([
      ['month', { name: 'month', keys: [['month', '1']] }],
      ['street_month', { name: 'street_month', keys: [['streetId', '1']] }],
      ['by_title', { name: 'by_title', keys: [['title', '1']] }],
    ]),
  });
  const { report, log } = await apply(repositoryPlan(), cloud);

  const activityWrites = cloud.writes.filter(
    (w) => / activities(\.|$)/.test(w) && !w.includes('Function') && !w.includes('Timer'),
  );
  expect(activityWrites).toEqual([
    'writeRule activities', // a simple permission preset becomes the custom rule
    'dropIndex activities.street_month',
    'createIndex activities.street_month',
    'createIndex activities.center_month',
  ]);
  expect(cloud.writes).not.toContain('createCollection activities');
  expect(cloud.collections.get('activities')?.indexes.get('street_month')?.keys).toEqual([
    ['streetId', '1'],
    ['month', '1'],
  ]);
  expect(log.find((line) => line.includes('集合 activities'))).toMatch(
    /已存在；安全规则已设置；索引 新建 1，重建 1，已有 1$/,
  );
  expect(report.counts.indexesRebuilt).toBe(1);
  expect(report.notes).toEqual(['集合 activities 有 indexes.json 没有的索引 by_title（未删除）']);
});

/** A two-function world: `a` carries a variable, the timer moves from `a` to `b` between releases. */
function smallPlan(release: {
  timerOn: 'a' | 'b';
  codeOfB: string;
  memoryOfA: number;
  check: string;
}): DeployPlan {
  const timer = [{ name: 'sweep', type: 'timer', config: '0 0 3 * * * *' }];
  return buildPlan({
    config: {
      envId: '{{env.TCB_ENV_ID}}',
      functionRoot: 'dist/cloudfunctions',
      functions: [
        {
          name: 'a',
          runtime: 'Nodejs18.15',
          timeout: 10,
          memorySize: release.memoryOfA,
          envVariables: { CHECK: '{{env.CHECK}}' },
          ...(release.timerOn === 'a' ? { triggers: timer } : {}),
        },
        {
          name: 'b',
          runtime: 'Nodejs18.15',
          timeout: 10,
          memorySize: 256,
          ...(release.timerOn === 'b' ? { triggers: timer } : {}),
        },
      ],
    },
    rules: { things: { read: false, write: false } },
    indexes: { things: [] },
    collections: ['things'],
    builds: { ...built(['a']), ...built(['b'], release.codeOfB) },
    variables: { values: { TCB_ENV_ID: 'linli-1', CHECK: release.check }, sources: {} },
  });
}

test('new code, new settings and a timer moved to another function are updated in place', async () => {
  const cloud = new MemoryCloudBase();
  await apply(smallPlan({ timerOn: 'a', codeOfB: 'c0de', memoryOfA: 256, check: 'word-list' }), cloud);
  const before = cloud.writes.length;

  const { report, log } = await apply(
    smallPlan({ timerOn: 'b', codeOfB: 'beef', memoryOfA: 512, check: 'wechat' }),
    cloud,
  );
  expect(cloud.writes.slice(before)).toEqual([
    'updateConfig a',
    'deleteTimer a.sweep',
    'updateCode b',
    'updateConfig b', // the description records the new code
    'createTimer b.sweep',
  ]);
  expect(cloud.functions.get('a')).toMatchObject({
    memorySize: 512,
    envVariables: { CHECK: 'wechat' },
    timers: [],
  });
  expect(cloud.functions.get('b')).toMatchObject({
    code: 'beef',
    timers: [{ name: 'sweep', cron: '0 0 3 * * * *' }],
  });
  expect(report.counts).toMatchObject({
    codeUpdated: 1,
    configUpdated: 2,
    timersCreated: 1,
    timersDeleted: 1,
  });
  expect(log).toEqual([
    '[1/3] 集合 things：已存在；安全规则不变；索引 无',
    '[2/3] 云函数 a：代码不变；配置已更新；定时触发器 删除 sweep',
    '[3/3] 云函数 b：代码已更新；配置已更新；定时触发器 新建 sweep',
  ]);
});

test('a plan with problems or unset variables is refused before anything is written', async () => {
  const cloud = new MemoryCloudBase();
  const unset = repositoryPlan({ values: {}, sources: {} });
  expect([...unset.missing].sort()).toEqual([...names].sort());
  await expect(applyPlan(unset, cloud, () => {})).rejects.toThrow('缺少变量');

  const twoTimers = buildPlan({
    config: {
      envId: 'linli-1',
      functionRoot: 'dist/cloudfunctions',
      functions: [
        {
          name: 'notify',
          runtime: 'Nodejs18.15',
          timeout: 20,
          memorySize: 256,
          triggers: [
            { name: 'dispatch', type: 'timer', config: '0 * * * * * *' },
            { name: 'remind', type: 'timer', config: '0 0 18 * * * *' },
          ],
        },
      ],
    },
    rules: {},
    indexes: { things: [] },
    collections: ['things'],
    builds: built(['notify']),
    variables: { values: {}, sources: {} },
  });
  expect(twoTimers.problems).toEqual([
    '集合 things 在 database/security-rules.json 里没有安全规则',
    '云函数 notify 有 2 个定时触发器（dispatch、remind），CloudBase 每个云函数最多 1 个',
  ]);
  await expect(applyPlan(twoTimers, cloud, () => {})).rejects.toThrow('计划有 2 个问题');
  expect(cloud.writes).toEqual([]);
});
