/**
 * Per-function settings from `cloudbaserc.json`, the file the CloudBase CLI deploys with, so the local timeout
 * and variables are the ones production gets.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod';
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
        triggers: z.array(z.object({ name: z.string(), type: z.string(), config: z.string() })).optional(),
      }),
    )
    .default([]),
});

export type SettingsLookup = (name: string) => FunctionSettings;

/** A `timer` trigger: CloudBase calls the function on `schedule` with `{ Type: 'Timer', TriggerName, ... }`. */
export interface TimerTrigger {
  functionName: string;
  trigger: string;
  schedule: string;
}

export interface FunctionConfig {
  settings: SettingsLookup;
  timers: TimerTrigger[];
}

export function readFunctionConfig(file: string): FunctionConfig {
  const config = configSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const byName = new Map<string, FunctionSettings>();
  const timers: TimerTrigger[] = [];
  for (const entry of config.functions) {
    for (const trigger of entry.triggers ?? []) {
      if (trigger.type === 'timer') {
        timers.push({ functionName: entry.name, trigger: trigger.name, schedule: trigger.config });
      }
    }
    byName.set(entry.name, {
      timeoutSeconds: entry.timeout ?? DEFAULT_SETTINGS.timeoutSeconds,
      memorySize: entry.memorySize ?? DEFAULT_SETTINGS.memorySize,
      variables: Object.fromEntries(
        Object.entries(entry.envVariables ?? {}).map(([key, value]) => [key, expandVariables(value)]),
      ),
    });
  }
  return { settings: (name) => byName.get(name) ?? DEFAULT_SETTINGS, timers };
}

/** `{{env.NAME}}` is the CLI's syntax for "take it from the deployer's environment" (config version 2.0). */
export function expandVariables(value: string): string {
  return value.replace(
    /\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g,
    (_, name: string) => process.env[name] ?? '',
  );
}
