/**
 * WeChat's own compiler (miniprogram-ci, the compile module of WeChat DevTools) run offline on the weapp build.
 * The project's attributes, which miniprogram-ci would ask WeChat's servers for, are supplied locally, and the
 * private key it wants is a throwaway one: compiling and checking never sign anything (only upload does).
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ci from 'miniprogram-ci';

const repoRoot = path.resolve(__dirname, '..', '..');

export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}

export interface WechatProject {
  project: InstanceType<typeof ci.Project>;
  /** Removes the throwaway key. */
  dispose(): void;
}

export function openWechatProject(): WechatProject {
  const config = JSON.parse(readFileSync(path.join(repoRoot, 'project.config.json'), 'utf8')) as {
    appid: string;
  };
  const scratch = mkdtempSync(path.join(tmpdir(), 'linli-wechat-'));
  const keyPath = path.join(scratch, 'throwaway.key');
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  writeFileSync(keyPath, privateKey);
  const project = new ci.Project({
    appid: config.appid,
    type: 'miniProgram',
    projectPath: repoRoot,
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*'],
  });
  project.attr = async () => ({ ...ci.DefaultProjectAttr, appid: config.appid });
  return { project, dispose: () => rmSync(scratch, { recursive: true, force: true }) };
}

/** Compiles every page and subpackage as WeChat would ship them; returns the compiled files by path. */
export async function compileWeapp(
  { project }: WechatProject,
  outDir: string,
): Promise<Record<string, string | Buffer>> {
  // `version` is an upload's; compiling ignores it.
  return ci.getCompiledResult({ project, version: '0.0.0', setting: { es6: true, minify: true } }, outDir);
}

export async function checkCodeQuality({ project }: WechatProject): Promise<QualityItem[]> {
  return (await ci.checkCodeQuality(project)) as QualityItem[];
}

/** Package sizes by WeChat's count: `__APP__` is the main package, the rest are subpackage roots. */
export function packageSizes(quality: QualityItem[]): Record<string, number> {
  const item = quality.find((q) => q.name === 'PACKAGE_SIZE_LIMIT');
  return (item?.detail ?? {}) as Record<string, number>;
}
