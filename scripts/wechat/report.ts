/**
 * Runs `scripts/wechat/check.ts --json` in its own process (miniprogram-ci leaves a compiler process and file
 * watchers behind) and returns its report. Loads nothing of miniprogram-ci into the caller.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { QualityItem } from './compiler';

/** Size budgets by WeChat's count, in bytes (1 KB = 1,000 B): the main package, and each subpackage. */
export const PACKAGE_BUDGETS = { main: 450_000, subpackage: 400_000 } as const;

/** The budget of a package as WeChat names it (`__APP__` for the main package, else the subpackage root). */
export const budgetOf = (wechatName: string): number =>
  wechatName === '__APP__' ? PACKAGE_BUDGETS.main : PACKAGE_BUDGETS.subpackage;

export interface WechatReport {
  /** Paths of the files WeChat's compiler produced. */
  files: string[];
  compileMs: number;
  quality: QualityItem[];
  /** Bytes by WeChat's count: `__APP__` is the main package, the rest are subpackage roots (`packages/x/`). */
  sizes: Record<string, number>;
  /** The check's exit code: 0 when every quality item passed. */
  exitCode: number | null;
}

const root = path.resolve(__dirname, '..', '..');

export function runWechatCheck(): WechatReport {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'check.ts'), '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 240_000,
  });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (!last.startsWith('{')) throw new Error(`微信编译器没有给出结果：${run.stderr.slice(-2000)}`);
  return { ...(JSON.parse(last) as Omit<WechatReport, 'exitCode'>), exitCode: run.status };
}
