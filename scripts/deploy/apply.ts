/**
 * Makes a CloudBase environment match a deploy plan, step by step and idempotently: what is already there as
 * planned is left alone, what differs is updated, what is missing is created, so a second run changes nothing.
 * It talks to CloudBase only through `CloudBaseTarget`; `cloudbase.ts` implements it with @cloudbase/manager-node.
 */
import type { IndexSpec } from '../../emulator/database/manifest';
import type { CollectionPlan, DeployPlan, FunctionPlan, SecurityRule, TimerTrigger } from './plan';

export interface RemoteIndex {
  name: string;
  /** Field → direction as CloudBase spells it ('1', '-1', '2dsphere', …), in index order. */
  keys: [string, string][];
}

export interface RemoteFunction {
  runtime: string;
  handler: string;
  memorySize: number;
  timeout: number;
  installDependency: boolean;
  envVariables: Record<string, string>;
  description: string;
  timers: TimerTrigger[];
}

/** What the deploy needs from a CloudBase environment. */
export interface CloudBaseTarget {
  /** Creates the collection when it is missing; true when it did. */
  ensureCollection(name: string): Promise<boolean>;
  /** The collection's indexes other than `_id`'s. */
  listIndexes(collection: string): Promise<RemoteIndex[]>;
  createIndexes(collection: string, indexes: IndexSpec[]): Promise<void>;
  dropIndexes(collection: string, names: string[]): Promise<void>;
  /** The collection's custom security rule, or undefined while it has one of the simple permission presets. */
  readRule(collection: string): Promise<SecurityRule | undefined>;
  writeRule(collection: string, rule: SecurityRule): Promise<void>;
  readFunction(name: string): Promise<RemoteFunction | undefined>;
  /** Uploads the code and sets the configuration; triggers are separate. */
  createFunction(fn: FunctionPlan): Promise<void>;
  updateFunctionCode(fn: FunctionPlan): Promise<void>;
  updateFunctionConfig(fn: FunctionPlan): Promise<void>;
  createTimer(functionName: string, timer: TimerTrigger): Promise<void>;
  deleteTimer(functionName: string, timerName: string): Promise<void>;
}

export interface ApplyCounts {
  collectionsCreated: number;
  rulesWritten: number;
  indexesCreated: number;
  indexesRebuilt: number;
  functionsCreated: number;
  codeUpdated: number;
  configUpdated: number;
  timersCreated: number;
  timersDeleted: number;
  /** Things found exactly as planned. */
  unchanged: number;
}

export interface ApplyReport {
  counts: ApplyCounts;
  /** Things the deploy leaves alone but someone should look at (indexes only the console has, and such). */
  notes: string[];
}

/** Applies the plan; throws on the first failed step (everything before it stays applied, a rerun resumes). */
export async function applyPlan(
  plan: DeployPlan,
  target: CloudBaseTarget,
  log: (line: string) => void,
): Promise<ApplyReport> {
  if (plan.problems.length > 0) {
    throw new Error(`计划有 ${plan.problems.length} 个问题，不能部署：${plan.problems.join('；')}`);
  }
  if (plan.missing.length > 0) throw new Error(`缺少变量 ${plan.missing.join('、')}，不能部署`);
  const counts: ApplyCounts = {
    collectionsCreated: 0,
    rulesWritten: 0,
    indexesCreated: 0,
    indexesRebuilt: 0,
    functionsCreated: 0,
    codeUpdated: 0,
    configUpdated: 0,
    timersCreated: 0,
    timersDeleted: 0,
    unchanged: 0,
  };
  const notes: string[] = [];
  const total = plan.collections.length + plan.functions.length;
  let step = 0;
  const run = async (label: string, work: () => Promise<string[]>): Promise<void> => {
    step += 1;
    try {
      const done = await work();
      log(`[${step}/${total}] ${label}：${done.join('；')}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`[${step}/${total}] ${label} 失败：${reason}`);
    }
  };
  for (const collection of plan.collections) {
    await run(`集合 ${collection.name}`, () => applyCollection(collection, target, counts, notes));
  }
  for (const fn of plan.functions) {
    await run(`云函数 ${fn.name}`, () => applyFunction(fn, target, counts, notes));
  }
  return { counts, notes };
}

async function applyCollection(
  collection: CollectionPlan,
  target: CloudBaseTarget,
  counts: ApplyCounts,
  notes: string[],
): Promise<string[]> {
  const { name, rule, indexes } = collection;
  if (!rule || !indexes) throw new Error('计划里缺少安全规则或索引条目');
  const done: string[] = [];
  if (await target.ensureCollection(name)) {
    counts.collectionsCreated += 1;
    done.push('已新建');
  } else {
    counts.unchanged += 1;
    done.push('已存在');
  }

  const current = await target.readRule(name);
  if (current && sameRule(current, rule)) {
    counts.unchanged += 1;
    done.push('安全规则不变');
  } else {
    await target.writeRule(name, rule);
    counts.rulesWritten += 1;
    done.push('安全规则已设置');
  }

  const remote = new Map((await target.listIndexes(name)).map((index) => [index.name, index]));
  const missing = indexes.filter((index) => !remote.has(index.name));
  const changed = indexes.filter((index) => {
    const there = remote.get(index.name);
    return there !== undefined && !sameKeys(there, index);
  });
  const kept = indexes.length - missing.length - changed.length;
  if (changed.length > 0)
    await target.dropIndexes(
      name,
      changed.map((index) => index.name),
    );
  if (missing.length + changed.length > 0) await target.createIndexes(name, [...changed, ...missing]);
  counts.indexesCreated += missing.length;
  counts.indexesRebuilt += changed.length;
  counts.unchanged += kept;
  const planned = new Set(indexes.map((index) => index.name));
  const extra = [...remote.keys()].filter((index) => !planned.has(index));
  if (extra.length > 0) {
    notes.push(`集合 ${name} 有 indexes.json 没有的索引 ${extra.join('、')}（未删除）`);
  }
  done.push(
    `索引 ${
      [
        missing.length > 0 ? `新建 ${missing.length}` : '',
        changed.length > 0 ? `重建 ${changed.length}` : '',
        kept > 0 ? `已有 ${kept}` : '',
      ]
        .filter(Boolean)
        .join('，') || '无'
    }`,
  );
  return done;
}

async function applyFunction(
  fn: FunctionPlan,
  target: CloudBaseTarget,
  counts: ApplyCounts,
  notes: string[],
): Promise<string[]> {
  const done: string[] = [];
  const remote = await target.readFunction(fn.name);
  if (!remote) {
    await target.createFunction(fn);
    counts.functionsCreated += 1;
    done.push('已新建（代码与配置）');
  } else {
    if (remote.runtime !== fn.runtime) {
      throw new Error(
        `云端运行时是 ${remote.runtime}，计划是 ${fn.runtime}：CloudBase 不能修改已有函数的运行时`,
      );
    }
    // The handler travels with the code: UpdateFunctionCode sets it, UpdateFunctionConfiguration cannot.
    if (remote.description === fn.description && remote.handler === fn.handler) {
      counts.unchanged += 1;
      done.push('代码不变');
    } else {
      await target.updateFunctionCode(fn);
      counts.codeUpdated += 1;
      done.push('代码已更新');
    }
    if (sameConfig(remote, fn)) {
      counts.unchanged += 1;
      done.push('配置不变');
    } else {
      await target.updateFunctionConfig(fn);
      counts.configUpdated += 1;
      done.push('配置已更新');
    }
    const stale = Object.keys(remote.envVariables).filter((name) => !(name in fn.envVariables));
    if (Object.keys(fn.envVariables).length === 0 && stale.length > 0) {
      notes.push(`云函数 ${fn.name} 在云端还有环境变量 ${stale.join('、')}（计划里没有，未清除）`);
    }
  }

  const existing = remote?.timers ?? [];
  const planned = new Map(fn.timers.map((t) => [t.name, t]));
  const outdated = existing.filter((t) => planned.get(t.name)?.cron !== t.cron);
  const kept = new Set(existing.filter((t) => !outdated.includes(t)).map((t) => t.name));
  // Delete first: a function holds one timer at most, so a renamed or moved timer must go before the new one.
  for (const timer of outdated) await target.deleteTimer(fn.name, timer.name);
  const added = fn.timers.filter((t) => !kept.has(t.name));
  for (const timer of added) await target.createTimer(fn.name, timer);
  counts.timersDeleted += outdated.length;
  counts.timersCreated += added.length;
  counts.unchanged += kept.size;
  const timerWork = [
    added.length > 0 ? `新建 ${added.map((t) => t.name).join('、')}` : '',
    outdated.length > 0 ? `删除 ${outdated.map((t) => t.name).join('、')}` : '',
    kept.size > 0 ? `已有 ${[...kept].join('、')}` : '',
  ].filter(Boolean);
  done.push(`定时触发器 ${timerWork.join('，') || '无'}`);
  return done;
}

function sameRule(a: SecurityRule, b: SecurityRule): boolean {
  return a.read === b.read && a.write === b.write;
}

function sameKeys(remote: RemoteIndex, planned: IndexSpec): boolean {
  const keys = Object.entries(planned.keys).map(([field, direction]) => [field, String(direction)]);
  return JSON.stringify(remote.keys) === JSON.stringify(keys);
}

function sameConfig(remote: RemoteFunction, fn: FunctionPlan): boolean {
  const envSame =
    Object.keys(fn.envVariables).length === 0 ||
    JSON.stringify(Object.entries(remote.envVariables).sort()) ===
      JSON.stringify(Object.entries(fn.envVariables).sort());
  return (
    envSame &&
    remote.memorySize === fn.memorySize &&
    remote.timeout === fn.timeout &&
    remote.installDependency === fn.installDependency &&
    remote.description === fn.description
  );
}

/** The report as the deploy's last lines. */
export function formatReport(report: ApplyReport): string {
  const c = report.counts;
  const lines = report.notes.map((note) => `注意：${note}`);
  lines.push(
    `部署完成：新建集合 ${c.collectionsCreated} 个，设置安全规则 ${c.rulesWritten} 条，` +
      `新建索引 ${c.indexesCreated} 个、重建 ${c.indexesRebuilt} 个，新建云函数 ${c.functionsCreated} 个，` +
      `更新代码 ${c.codeUpdated} 个、配置 ${c.configUpdated} 个，定时触发器新建 ${c.timersCreated} 个、删除 ${c.timersDeleted} 个；` +
      `${c.unchanged} 项原样未动`,
  );
  return lines.join('\n');
}
