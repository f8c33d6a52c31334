/**
 * Per-function settings from `cloudbaserc.json`, the file the CloudBase CLI deploys with, so the local timeout
 * and variables are the ones production gets.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { FunctionSettings } from './environment';

/** The CLI's defaults for a function the file does not list. */
export const DEFAULT_SETTINGS: FunctionSettings = { timeoutSeconds: 5, memorySize: 256, variables: {} };

const configSchema = z.object({
  functions: z
    .array(
      z.object({
        name: z.string(),
        timeout: z.number().positive().optional(),
        memorySize: z.number().positive().optional(),
        envVariables: z.record(z.string(), z.string()).optional(),
      }),
    )
    .default([]),
});

export type SettingsLookup = (name: string) => FunctionSettings;

export function readFunctionSettings(file: string): SettingsLookup {
  const config = configSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const byName = new Map<string, FunctionSettings>();
  for (const entry of config.functions) {
    byName.set(entry.name, {
      timeoutSeconds: entry.timeout ?? DEFAULT_SETTINGS.timeoutSeconds,
      memorySize: entry.memorySize ?? DEFAULT_SETTINGS.memorySize,
      variables: Object.fromEntries(
        Object.entries(entry.envVariables ?? {}).map(([key, value]) => [key, expandVariables(value)]),
      ),
    });
  }
  return (name) => byName.get(name) ?? DEFAULT_SETTINGS;
}

/** `{{env.NAME}}` is the CLI's syntax for "take it from the deployer's environment" (config version 2.0). */
export function expandVariables(value: string): string {
  return value.replace(
    /\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g,
    (_, name: string) => process.env[name] ?? '',
  );
}
