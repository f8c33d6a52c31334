/**
 * The values behind `{{env.X}}` in cloudbaserc.json, read the way the CloudBase CLI documents it (`.env` and
 * `.env.local` always, `.env.<mode>` with `--mode <mode>`, later files overriding earlier ones), with the
 * process environment above them all, so `TCB_ENV_ID=… npm run deploy` wins over any file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

export interface Variables {
  values: Record<string, string>;
  /** Where each value came from: a file name, or 进程环境变量. Never the value. */
  sources: Record<string, string>;
}

export const PROCESS_ENV = '进程环境变量';

/** The `.env` files read, lowest precedence first. */
export function envFiles(mode?: string): string[] {
  if (mode !== undefined && !/^[A-Za-z0-9_-]+$/.test(mode)) {
    throw new Error(`--mode 只能是字母、数字、- 和 _，收到「${mode}」`);
  }
  return ['.env', '.env.local', ...(mode ? [`.env.${mode}`] : [])];
}

export function loadVariables(root: string, mode: string | undefined, env: NodeJS.ProcessEnv): Variables {
  const values: Record<string, string> = {};
  const sources: Record<string, string> = {};
  const layers: [string, NodeJS.Dict<string>][] = envFiles(mode)
    .filter((file) => existsSync(join(root, file)))
    .map((file) => [file, parseEnv(readFileSync(join(root, file), 'utf8'))]);
  layers.push([PROCESS_ENV, env]);
  for (const [source, layer] of layers) {
    for (const [name, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      values[name] = value;
      sources[name] = source;
    }
  }
  return { values, sources };
}

const TEMPLATE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every X of `{{env.X}}` anywhere in a parsed JSON value, in order of first appearance. */
export function templateNames(value: unknown): string[] {
  const names = new Set<string>();
  visitStrings(value, (text) => {
    for (const match of text.matchAll(TEMPLATE)) names.add(variableName(match[1] ?? ''));
  });
  return [...names];
}

/** Replaces every `{{env.X}}` in the strings of a parsed JSON value; names without a value are `missing`. */
export function resolveTemplates<T>(
  value: T,
  values: Record<string, string>,
): { value: T; missing: string[] } {
  const missing = new Set<string>();
  const resolve = (item: unknown): unknown => {
    if (typeof item === 'string') {
      return item.replace(TEMPLATE, (_, expression: string) => {
        const name = variableName(expression);
        const found = values[name];
        if (found === undefined) missing.add(name);
        return found ?? '';
      });
    }
    if (Array.isArray(item)) return item.map(resolve);
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, resolve(inner)]));
    }
    return item;
  };
  return { value: resolve(value) as T, missing: [...missing] };
}

function variableName(expression: string): string {
  const match = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expression);
  if (!match?.[1]) {
    throw new Error(`cloudbaserc.json 里的「{{${expression}}}」不是 {{env.变量名}}：部署只支持 env 变量`);
  }
  return match[1];
}

function visitStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const item of value) visitStrings(item, visit);
  else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) visitStrings(item, visit);
  }
}
