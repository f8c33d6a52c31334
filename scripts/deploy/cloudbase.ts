/**
 * `CloudBaseTarget` on a real CloudBase environment, through Tencent's management library @cloudbase/manager-node:
 * its database service for collections and indexes (flexdb CreateTable / DescribeTable / UpdateTable), the tcb
 * API's DescribeSafeRule / ModifySafeRule (through its commonService) for security rules, and its function
 * service for code, configuration and timer triggers.
 */
import CloudBase from '@cloudbase/manager-node';
import type { ICloudFunction } from '@cloudbase/manager-node/types/interfaces';
import type { CloudBaseTarget, RemoteFunction } from './apply';
import type { FunctionPlan, SecurityRule } from './plan';

export interface Credentials {
  envId: string;
  secretId: string;
  secretKey: string;
  /** Only with temporary keys. */
  token?: string;
}

export function cloudBaseTarget(credentials: Credentials): CloudBaseTarget {
  const { envId, secretId, secretKey, token } = credentials;
  const manager = new CloudBase({ envId, secretId, secretKey, ...(token ? { token } : {}) });
  const { database, functions } = manager;
  const tcb = manager.commonService('tcb');

  return {
    async ensureCollection(name) {
      return (await database.createCollectionIfNotExists(name)).IsCreated;
    },
    async listIndexes(collection) {
      const table = await database.describeCollection(collection);
      return (table.Indexes ?? [])
        .filter((index) => index.Name !== '_id_')
        .map((index) => ({
          name: index.Name,
          keys: (index.Keys ?? []).map((key): [string, string] => [
            key.Name ?? '',
            String(key.Direction ?? ''),
          ]),
        }));
    },
    async createIndexes(collection, indexes) {
      await database.updateCollection(collection, {
        CreateIndexes: indexes.map((index) => ({
          IndexName: index.name,
          MgoKeySchema: {
            MgoIndexKeys: Object.entries(index.keys).map(([Name, direction]) => ({
              Name,
              Direction: String(direction),
            })),
            MgoIsUnique: false,
          },
        })),
      });
    },
    async dropIndexes(collection, names) {
      await database.updateCollection(collection, { DropIndexes: names.map((IndexName) => ({ IndexName })) });
    },
    async readRule(collection) {
      const reply = (await tcb.call({
        Action: 'DescribeSafeRule',
        Param: { EnvId: envId, CollectionName: collection },
      })) as { AclTag?: string; Rule?: string | null };
      return reply.AclTag === 'CUSTOM' && reply.Rule ? parseRule(reply.Rule) : undefined;
    },
    async writeRule(collection, rule) {
      await tcb.call({
        Action: 'ModifySafeRule',
        Param: { EnvId: envId, CollectionName: collection, AclTag: 'CUSTOM', Rule: JSON.stringify(rule) },
      });
    },
    async readFunction(name) {
      try {
        return remoteFunction(await functions.getFunctionDetail(name));
      } catch (error) {
        if (String((error as { code?: unknown }).code ?? '').startsWith('ResourceNotFound')) return undefined;
        throw error;
      }
    },
    async createFunction(fn) {
      await functions.createFunction({ func: settings(fn), functionPath: fn.codeDir, force: false });
    },
    async updateFunctionCode(fn) {
      await functions.updateFunctionCode({
        func: { ...settings(fn), isWaitInstall: true },
        functionPath: fn.codeDir,
      });
    },
    async updateFunctionConfig(fn) {
      await functions.waitFunctionActive(fn.name);
      await functions.updateFunctionConfig(settings(fn));
    },
    async createTimer(functionName, timer) {
      await functions.waitFunctionActive(functionName);
      await functions.createFunctionTriggers(functionName, [
        { name: timer.name, type: 'timer', config: timer.cron },
      ]);
    },
    async deleteTimer(functionName, timerName) {
      await functions.deleteFunctionTrigger(functionName, timerName);
    },
  };
}

/** The function as the manager takes it: no triggers (the deploy manages them one by one). */
function settings(fn: FunctionPlan): ICloudFunction {
  return {
    name: fn.name,
    runtime: fn.runtime,
    handler: fn.handler,
    memorySize: fn.memorySize,
    timeout: fn.timeout,
    installDependency: fn.installDependency,
    envVariables: fn.envVariables,
    description: fn.description,
  };
}

type FunctionDetail = Awaited<ReturnType<CloudBase['functions']['getFunctionDetail']>>;

function remoteFunction(detail: FunctionDetail): RemoteFunction {
  return {
    runtime: detail.Runtime,
    handler: detail.Handler,
    memorySize: detail.MemorySize,
    timeout: detail.Timeout,
    installDependency: detail.InstallDependency === 'TRUE',
    envVariables: Object.fromEntries((detail.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
    description: detail.Description ?? '',
    timers: (detail.Triggers ?? [])
      .filter((trigger) => trigger.Type === 'timer')
      .map((trigger) => ({ name: trigger.TriggerName, cron: timerCron(trigger.TriggerDesc) })),
  };
}

/** SCF reports a timer's description as `{"cron":"…"}`; it is created with the bare expression. */
function timerCron(description: string): string {
  try {
    const parsed = JSON.parse(description) as { cron?: unknown };
    return typeof parsed.cron === 'string' ? parsed.cron : description;
  } catch {
    return description;
  }
}

/** A rule written elsewhere that is not `{ read, write }` reads as no rule, so the deploy writes its own. */
function parseRule(text: string): SecurityRule | undefined {
  try {
    const rule = JSON.parse(text) as Partial<Record<'read' | 'write', unknown>>;
    const valid = (v: unknown): v is boolean | string => typeof v === 'boolean' || typeof v === 'string';
    return valid(rule.read) && valid(rule.write) && Object.keys(rule).length === 2
      ? { read: rule.read, write: rule.write }
      : undefined;
  } catch {
    return undefined;
  }
}
