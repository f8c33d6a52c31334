/**
 * What `npm run deploy` makes a CloudBase environment hold, built from the repository alone: every collection of
 * shared/collections.ts with its security rule (database/security-rules.json) and indexes (database/indexes.json),
 * and every function of cloudbaserc.json with its settings, `{{env.X}}` resolved, its timer triggers and the
 * built folder it uploads. Nothing here talks to CloudBase; `apply.ts` does, and `--dry-run` prints this.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as z from 'zod';
import { type IndexManifest, type IndexSpec, readIndexManifest } from '../../emulator/database/manifest';
import { ALL_COLLECTIONS } from '../../shared/collections';
import { resolveTemplates, templateNames, type Variables } from './variables';

/**
 * CloudBase runs at most one timer trigger per function: WeChat's cloud development guide says of a function's
 * `triggers` "目前仅支持一个触发器，即数组只能填写一个，不可添加多个".
 */
export const MAX_TIMERS_PER_FUNCTION = 1;
/** Platform limits of the document database. */
export const MAX_COLLECTIONS = 100;
export const MAX_INDEXES_PER_COLLECTION = 100;

export interface SecurityRule {
  read: boolean | string;
  write: boolean | string;
}

export interface CollectionPlan {
  name: string;
  /** Absent when security-rules.json has no entry: a problem, and the deploy refuses. */
  rule?: SecurityRule;
  /** Absent when indexes.json has no entry (an empty list is a deliberate "no index"). */
  indexes?: IndexSpec[];
}

export interface TimerTrigger {
  name: string;
  /** Seven-field cron expression: second minute hour day month weekday year. */
  cron: string;
}

export interface FunctionPlan {
  name: string;
  runtime: string;
  handler: string;
  memorySize: number;
  timeout: number;
  installDependency: boolean;
  /** Resolved values; a variable without a value resolves to '' and is listed in `DeployPlan.missing`. */
  envVariables: Record<string, string>;
  /** For each environment variable, the `{{env.X}}` names its value reads. */
  envTemplates: Record<string, string[]>;
  timers: TimerTrigger[];
  /** The built folder uploaded as the function's code. */
  codeDir: string;
  /** Digest of every file in `codeDir`, '' when it is not built; kept in the description to skip unchanged code. */
  codeHash: string;
  description: string;
  /** `permissions.openapi` of the built config.json; absent when the function ships none. */
  openapi?: string[];
}

export interface DeployPlan {
  envId: string;
  collections: CollectionPlan[];
  functions: FunctionPlan[];
  /** Every `{{env.X}}` cloudbaserc.json reads, with where its value comes from (names only, never values). */
  variables: { name: string; source?: string }[];
  /** `{{env.X}}` names no source defines: a real deploy refuses until they are set (an empty value counts). */
  missing: string[];
  /** What makes the plan undeployable whatever the credentials. */
  problems: string[];
}

/** A function folder as the build left it. */
export interface BuiltFolder {
  dir: string;
  codeHash: string;
  openapi?: string[];
}

export interface PlanSources {
  /** cloudbaserc.json, parsed. */
  config: unknown;
  /** security-rules.json, parsed. */
  rules: unknown;
  indexes: IndexManifest;
  collections: readonly string[];
  /** Built folders by function name; a function missing here has not been built. */
  builds: Record<string, BuiltFolder>;
  variables: Variables;
}

const triggerSchema = z.object({ name: z.string(), type: z.string(), config: z.string() });
const functionSchema = z.object({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
  runtime: z.string(),
  handler: z.string().default('index.main'),
  timeout: z.number().int().min(1).max(900),
  memorySize: z.number().int().positive(),
  installDependency: z.boolean().default(true),
  envVariables: z.record(z.string(), z.string()).default({}),
  triggers: z.array(triggerSchema).default([]),
});
const configSchema = z.object({
  envId: z.string(),
  functionRoot: z.string(),
  functions: z.array(functionSchema),
});
const ruleValue = z.union([z.boolean(), z.string().min(1)]);
const rulesSchema = z.record(z.string(), z.object({ read: ruleValue, write: ruleValue }).strict());

/** The pure part: the whole plan from the parsed files. */
export function buildPlan(sources: PlanSources): DeployPlan {
  const problems: string[] = [];
  const resolved = resolveTemplates(sources.config, sources.variables.values);
  const config = configSchema.parse(resolved.value);
  const raw = configSchema.parse(sources.config);
  const rules = rulesSchema.parse(sources.rules);

  const known = new Set(sources.collections);
  for (const [file, names] of [
    ['database/security-rules.json', Object.keys(rules)],
    ['database/indexes.json', Object.keys(sources.indexes)],
  ] as const) {
    for (const name of names.filter((n) => !known.has(n))) {
      problems.push(`${file} 里的 ${name} 不是 shared/collections.ts 的集合`);
    }
  }
  if (sources.collections.length > MAX_COLLECTIONS) {
    problems.push(`集合 ${sources.collections.length} 个，超过每个环境 ${MAX_COLLECTIONS} 个的上限`);
  }
  const collections = sources.collections.map((name): CollectionPlan => {
    const rule = rules[name];
    const indexes = sources.indexes[name];
    if (!rule) problems.push(`集合 ${name} 在 database/security-rules.json 里没有安全规则`);
    if (!indexes) problems.push(`集合 ${name} 在 database/indexes.json 里没有条目（不要索引就写空列表 []）`);
    else if (indexes.length > MAX_INDEXES_PER_COLLECTION) {
      problems.push(`集合 ${name} 有 ${indexes.length} 个索引，超过 ${MAX_INDEXES_PER_COLLECTION} 个的上限`);
    }
    return { name, ...(rule ? { rule } : {}), ...(indexes ? { indexes } : {}) };
  });

  const functions = config.functions.map((fn, i): FunctionPlan => {
    const declared = raw.functions[i]?.envVariables ?? {};
    const timers = fn.triggers.map((t) => ({ name: t.name, cron: t.config }));
    problems.push(...triggerProblems(fn.name, fn.triggers));
    const built = sources.builds[fn.name];
    if (!built) problems.push(`云函数 ${fn.name} 没有构建产物（${config.functionRoot}/${fn.name}/index.js）`);
    const codeHash = built?.codeHash ?? '';
    return {
      name: fn.name,
      runtime: fn.runtime,
      handler: fn.handler,
      memorySize: fn.memorySize,
      timeout: fn.timeout,
      installDependency: fn.installDependency,
      envVariables: fn.envVariables,
      envTemplates: Object.fromEntries(
        Object.entries(declared).map(([key, value]) => [key, templateNames(value)]),
      ),
      timers,
      codeDir: built?.dir ?? '',
      codeHash,
      description: codeDescription(codeHash),
      ...(built?.openapi ? { openapi: built.openapi } : {}),
    };
  });

  if (config.envId && !/^[A-Za-z0-9-]+$/.test(config.envId)) {
    problems.push(`环境 ID「${config.envId}」只能含字母、数字和 -`);
  }
  const variables = templateNames(sources.config).map((name) => {
    const source = sources.variables.sources[name];
    return source ? { name, source } : { name };
  });
  return { envId: config.envId, collections, functions, variables, missing: resolved.missing, problems };
}

/** The description a deployed function carries: the digest of its code, so an unchanged upload is skipped. */
export const codeDescription = (codeHash: string): string => `linli code ${codeHash}`;

function triggerProblems(fn: string, triggers: z.infer<typeof triggerSchema>[]): string[] {
  const problems: string[] = [];
  const timers = triggers.filter((t) => t.type === 'timer');
  if (timers.length > MAX_TIMERS_PER_FUNCTION) {
    problems.push(
      `云函数 ${fn} 有 ${timers.length} 个定时触发器（${timers.map((t) => t.name).join('、')}），CloudBase 每个云函数最多 ${MAX_TIMERS_PER_FUNCTION} 个`,
    );
  }
  for (const t of triggers) {
    if (t.type !== 'timer')
      problems.push(`云函数 ${fn} 的触发器 ${t.name} 类型是 ${t.type}，CloudBase 只支持 timer`);
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(t.name)) {
      problems.push(
        `云函数 ${fn} 的触发器名「${t.name}」须以字母开头，只含字母、数字、- 和 _，最长 60 个字符`,
      );
    }
    if (t.config.trim().split(/\s+/).length !== 7) {
      problems.push(
        `云函数 ${fn} 的触发器 ${t.name} 的 cron「${t.config}」须有 7 段（秒 分 时 日 月 星期 年）`,
      );
    }
  }
  const names = triggers.map((t) => t.name);
  for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
    problems.push(`云函数 ${fn} 有两个同名触发器 ${name}`);
  }
  return problems;
}

export interface ReadPlanOptions {
  variables: Variables;
  /** Default: the repository root. */
  root?: string;
  /** Where the built function folders are; default cloudbaserc.json's functionRoot. */
  functionsDir?: string;
}

/** The plan from the files in the repository and the build output. */
export function readPlan(options: ReadPlanOptions): DeployPlan {
  const root = options.root ?? resolve(__dirname, '..', '..');
  const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const config = readJson('cloudbaserc.json');
  const { functionRoot, functions } = configSchema
    .pick({ functionRoot: true, functions: true })
    .parse(config);
  const functionsDir = options.functionsDir ?? join(root, functionRoot);
  const builds: Record<string, BuiltFolder> = {};
  for (const { name } of functions) {
    const built = readBuiltFolder(join(functionsDir, name));
    if (built) builds[name] = built;
  }
  return buildPlan({
    config,
    rules: readJson('database/security-rules.json'),
    indexes: readIndexManifest(join(root, 'database', 'indexes.json')),
    collections: ALL_COLLECTIONS,
    builds,
    variables: options.variables,
  });
}

const configFileSchema = z.object({ permissions: z.object({ openapi: z.array(z.string()) }) });

function readBuiltFolder(dir: string): BuiltFolder | undefined {
  if (!existsSync(join(dir, 'index.js'))) return undefined;
  const files = listFiles(dir);
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${relative(dir, file)}\0`).update(readFileSync(file));
  const configFile = join(dir, 'config.json');
  const openapi = existsSync(configFile)
    ? configFileSchema.parse(JSON.parse(readFileSync(configFile, 'utf8'))).permissions.openapi
    : undefined;
  return { dir, codeHash: hash.digest('hex').slice(0, 16), ...(openapi ? { openapi } : {}) };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(path);
      return entry.name.endsWith('.tmp') ? [] : [path];
    })
    .sort();
}

const ruleText = (rule: SecurityRule): string => JSON.stringify(rule);
const keysText = (index: IndexSpec): string =>
  Object.entries(index.keys)
    .map(([field, direction]) => `${field}${direction === 1 ? '↑' : '↓'}`)
    .join(' ');

/** The plan as `--dry-run` prints it: names and settings, never a variable's value. */
export function formatPlan(plan: DeployPlan): string {
  const lines: string[] = [];
  lines.push(`环境：${plan.envId || '（TCB_ENV_ID 未设置；演练不需要）'}`);
  lines.push('', `集合 ${plan.collections.length} 个（安全规则与索引）`);
  for (const c of plan.collections) {
    const indexes = c.indexes
      ? c.indexes.length === 0
        ? '无索引（只用 _id）'
        : c.indexes.map((i) => `${i.name}(${keysText(i)})`).join('，')
      : '缺少索引条目';
    lines.push(`  ${c.name.padEnd(14)} 规则 ${c.rule ? ruleText(c.rule) : '缺少'}  索引 ${indexes}`);
  }
  lines.push('', `云函数 ${plan.functions.length} 个`);
  for (const f of plan.functions) {
    lines.push(
      `  ${f.name}  ${f.runtime} · 内存 ${f.memorySize} MB · 超时 ${f.timeout} s · 入口 ${f.handler}` +
        ` · ${f.installDependency ? '云端安装依赖' : '不安装依赖'} · 代码 ${f.codeHash || '未构建'}`,
    );
    const env = Object.entries(f.envTemplates).map(([name, from]) =>
      from.length > 0 ? `${name} ← ${from.map((n) => `{{env.${n}}}`).join(' ')}` : name,
    );
    lines.push(`    环境变量：${env.length > 0 ? env.join('，') : '无'}`);
    const timers = f.timers.map((t) => `${t.name}「${t.cron}」`);
    lines.push(`    定时触发器：${timers.length > 0 ? timers.join('，') : '无'}`);
    lines.push(
      `    config.json：${f.openapi ? `permissions.openapi = ${f.openapi.join('、')}` : '无（不调用微信开放接口）'}`,
    );
  }
  lines.push('', '读取的变量（只列名字，不显示值）');
  for (const v of plan.variables)
    lines.push(`  ${v.name.padEnd(26)} ${v.source ? `已设置（${v.source}）` : '未设置'}`);
  return lines.join('\n');
}

/** One line counting what the plan holds. */
export function planSummary(plan: DeployPlan): string {
  const indexes = plan.collections.reduce((sum, c) => sum + (c.indexes?.length ?? 0), 0);
  const rules = plan.collections.filter((c) => c.rule).length;
  const timers = plan.functions.reduce((sum, f) => sum + f.timers.length, 0);
  const openapi = plan.functions.filter((f) => f.openapi).length;
  return (
    `计划：${plan.collections.length} 个集合、${rules} 条安全规则、${indexes} 个索引、` +
    `${plan.functions.length} 个云函数（${openapi} 个带云调用权限）、${timers} 个定时触发器`
  );
}
