/**
 * WeChat open APIs (云调用) that functions call through the SDK's `callWxOpenApi`, declared once: CloudBase lets a
 * function make such a call only when its folder ships a `config.json` whose `permissions.openapi` names the API
 * (`<category>.<method>`, as WeChat's cloud-call documentation spells them). The build reads which APIs a bundle
 * calls from the bundle itself, so the permission follows the code wherever a caller moves.
 */

/** The `apiName` path a call passes → the permission name `config.json` must list. */
export const OPEN_API_PERMISSIONS: Readonly<Record<string, string>> = {
  '/wxa/msg_sec_check': 'security.msgSecCheck',
  '/cgi-bin/message/subscribe/send': 'subscribeMessage.send',
};

export interface FunctionConfig {
  permissions: { openapi: string[] };
}

/** The `apiName` paths a (minified) bundle passes to `callWxOpenApi`, sorted. */
export function openApiPaths(bundle: string): string[] {
  const paths = new Set<string>();
  for (const match of bundle.matchAll(/apiName:\s*["']([^"']+)["']/g)) {
    if (match[1]) paths.add(match[1]);
  }
  return [...paths].sort();
}

/**
 * The `config.json` a function needs, or undefined when it makes no open API call. An API missing from the table
 * stops the build: deployed without its permission, the call would fail only in production.
 */
export function functionConfig(name: string, bundle: string): FunctionConfig | undefined {
  const paths = openApiPaths(bundle);
  if (paths.length === 0) return undefined;
  const openapi = paths.map((path) => {
    const permission = OPEN_API_PERMISSIONS[path];
    if (!permission) {
      throw new Error(
        `${name} calls the open API ${path}, which has no permission name: add it to OPEN_API_PERMISSIONS in scripts/build-functions/openapi.ts`,
      );
    }
    return permission;
  });
  return { permissions: { openapi: [...new Set(openapi)].sort() } };
}
