import { type CloudBase, init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk';

type CloudApp = CloudBase;
export type Database = ReturnType<CloudApp['database']>;

let app: CloudApp | undefined;

/**
 * One SDK instance per function instance (a warm container or a host worker reuses it). The environment is
 * resolved per call from the platform's context, so the same code runs on CloudBase and on the local host.
 */
export function cloud(): CloudApp {
  app ??= init({ env: SYMBOL_CURRENT_ENV, keepalive: true, timeout: 10_000 });
  return app;
}

export const database = (): Database => cloud().database();

/** The caller's OPENID as injected by WeChat; empty when the call did not come from a signed-in user. */
export function callerOpenid(): string {
  return cloud().auth().getUserInfo().openId ?? '';
}
