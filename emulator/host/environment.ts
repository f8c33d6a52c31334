/**
 * The environment CloudBase gives a function instance, reproduced for local runs. `@cloudbase/node-sdk` reads
 * all of it from `process.env` (dist/utils/tcbcontext.js, auth/index.js, cloudplatform.js):
 * - `WX_OPENID`/`WX_APPID`/`WX_UNIONID`: the caller, for `auth().getUserInfo()`; the SDK only picks up the
 *   variables that `WX_CONTEXT_KEYS` names, so that list is set too;
 * - `TCB_ENV` + `TCB_CONTEXT_KEYS`: the environment behind `SYMBOL_CURRENT_ENV`;
 * - `TCB_CONTEXT_CNFG.URL`: where the SDK sends its requests, here the local `/admin`;
 * - `TENCENTCLOUD_RUNENV=SCF` (+ region, namespace): without it every SDK call first probes the Tencent Cloud
 *   metadata service and waits ~50 ms for that to fail;
 * - `TENCENTCLOUD_SECRETID`/`SECRETKEY`/`SESSIONTOKEN`: the SDK refuses to sign requests without credentials.
 */
import { randomUUID } from 'node:crypto';
import type { InvocationContext } from './protocol';

export const LOCAL_APP_ID = 'wx-local';
export const LOCAL_REGION = 'ap-shanghai';

/** Variables of the parent process a function may legitimately see; everything else stays out, as in the cloud. */
const INHERITED = ['PATH', 'HOME', 'LANG', 'TZ', 'NODE_ENV'] as const;

export interface InstanceSettings {
  envId: string;
  /** e.g. `http://127.0.0.1:8787/admin` */
  adminUrl: string;
}

export interface Caller {
  openid: string;
}

export interface FunctionSettings {
  timeoutSeconds: number;
  memorySize: number;
  /** `envVariables` from cloudbaserc.json. */
  variables: Record<string, string>;
}

/** What every invocation on this host shares. */
export function instanceEnvironment(settings: InstanceSettings): Record<string, string> {
  const inherited: Record<string, string> = {};
  for (const key of INHERITED) {
    const value = process.env[key];
    if (value !== undefined) inherited[key] = value;
  }
  return {
    ...inherited,
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: LOCAL_REGION,
    SCF_NAMESPACE: settings.envId,
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD_SESSIONTOKEN: 'local',
    TCB_ENV: settings.envId,
    TCB_CONTEXT_KEYS: 'TCB_ENV',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: settings.adminUrl }),
  };
}

/**
 * The environment of one invocation: the instance's, the function's own variables and the caller. A timer
 * trigger has no caller, and then CloudBase sets no WeChat identity at all.
 */
export function invocationEnvironment(
  instance: Record<string, string>,
  name: string,
  settings: FunctionSettings,
  caller: Caller | undefined,
): Record<string, string> {
  const env = { ...instance, ...settings.variables, SCF_FUNCTIONNAME: name };
  if (!caller) return env;
  return {
    ...env,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_OPENID: caller.openid,
    WX_APPID: LOCAL_APP_ID,
    WX_UNIONID: '',
  };
}

export function invocationContext(
  name: string,
  settings: FunctionSettings,
  env: Record<string, string>,
): InvocationContext {
  return {
    request_id: randomUUID(),
    function_name: name,
    function_version: '$LATEST',
    namespace: env.SCF_NAMESPACE ?? '',
    memory_limit_in_mb: settings.memorySize,
    time_limit_in_ms: settings.timeoutSeconds * 1000,
    tencentcloud_region: LOCAL_REGION,
    environment: JSON.stringify(withoutInherited(env)),
  };
}

function withoutInherited(env: Record<string, string>): Record<string, string> {
  const cloud = { ...env };
  for (const key of INHERITED) delete cloud[key];
  return cloud;
}
