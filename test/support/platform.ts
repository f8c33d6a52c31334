import { type Stack, startStack } from './stack';

/**
 * Sets, in this process, the environment CloudBase gives a function instance, pointed at the stack's database,
 * so a function's `main` can be called in-process exactly as the platform would call it.
 */
export function actAsFunctionInstance(stack: Stack): void {
  Object.assign(process.env, {
    TCB_ENV: 'local',
    TCB_CONTEXT_KEYS: 'TCB_ENV',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${stack.url}/admin` }),
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: 'local',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD_SESSIONTOKEN: '',
    WX_APPID: 'wx-local',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
  });
}

/** The caller WeChat would inject; an empty string is a call with no user (a timer trigger). */
export function actAs(openid: string): void {
  process.env.WX_OPENID = openid;
}

/**
 * A seeded stack whose functions the test calls in-process, as the platform would. One log line per call is for
 * production's log search; thousands of generated calls would drown the report, so `console.log` is muted.
 */
export async function startInProcess(): Promise<Stack> {
  const stack = await startStack({ seed: true });
  actAsFunctionInstance(stack);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  return stack;
}
