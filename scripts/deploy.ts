/**
 * `npm run deploy [-- --dry-run]`: builds the cloud functions and deploys each one to the CloudBase environment
 * named by TCB_ENV_ID with the CloudBase CLI (`npm i -g @cloudbase/cli`, then `tcb login`). Function settings
 * (runtime, timeout, memory) come from cloudbaserc.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const dryRun = process.argv.includes('--dry-run');
const envId = process.env.TCB_ENV_ID ?? '';
const cli = process.env.TCB_CLI ?? 'tcb';

function run(command: string, args: string[]): boolean {
  console.log(`$ ${command} ${args.join(' ')}`);
  if (dryRun) return true;
  return spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status === 0;
}

function main(): number {
  if (!/^[a-z0-9-]+$/i.test(envId)) {
    console.error('请设置 TCB_ENV_ID 为云开发环境 ID，例如 TCB_ENV_ID=linli-prod-1a2b npm run deploy');
    return 1;
  }
  if (!dryRun && spawnSync(cli, ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.error(`找不到 CloudBase CLI（${cli}）。请先 npm i -g @cloudbase/cli，再 tcb login。`);
    return 1;
  }
  if (!run('npm', ['run', 'build:functions', '--', '--force'])) return 1;

  const config = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as {
    functions: { name: string }[];
  };
  const names = config.functions
    .map((f) => f.name)
    .filter((name) => existsSync(path.join(root, 'dist', 'cloudfunctions', name, 'index.js')));
  const results = names.map((name, i) => {
    console.log(`\n[${i + 1}/${names.length}] 部署 ${name}`);
    return { name, ok: run(cli, ['fn', 'deploy', name, '-e', envId, '--force']) };
  });

  console.log('\n部署结果');
  for (const r of results) console.log(`  ${r.ok ? '成功' : '失败'}  ${r.name}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} 个成功，${failed} 个失败${dryRun ? '（演练，未真正部署）' : ''}`);
  console.log(
    '数据库安全规则见 database/security-rules.json，索引见 database/indexes.json（在控制台创建）。',
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
