/**
 * `npm run deploy [-- --dry-run] [-- --mode <mode>]`: builds the cloud functions and makes the CloudBase
 * environment hold everything the project needs (collections, their security rules and indexes, the functions and
 * their timer triggers) through @cloudbase/manager-node; a second run changes nothing that is already right.
 * `--dry-run` prints the whole plan and needs no credentials. `{{env.X}}` in cloudbaserc.json and the credentials
 * (TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY, optional TCB_TOKEN) come from the process environment, then
 * `.env.<mode>`, `.env.local` and `.env` (see deploy/variables.ts).
 */
import path from 'node:path';
import { buildFunctions } from './build-functions/index';
import { applyPlan, formatReport } from './deploy/apply';
import { formatPlan, planSummary, readPlan } from './deploy/plan';
import { envFiles, loadVariables } from './deploy/variables';

const root = path.resolve(__dirname, '..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at === -1) return undefined;
  const value = process.argv[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} 后面要跟一个值，例如 ${name} production`);
  return value;
}

async function main(): Promise<number> {
  const dryRun = process.argv.includes('--dry-run');
  const mode = option('--mode');
  const variables = loadVariables(root, mode, process.env);

  console.log(dryRun ? '▸ 构建云函数（演练：只构建有改动的）' : '▸ 构建云函数');
  await buildFunctions({ force: !dryRun });
  const plan = readPlan({ variables });

  if (dryRun) {
    console.log(
      `\n部署计划（演练：不连接云开发，不需要密钥；变量来源依次为 进程环境变量、${envFiles(mode).reverse().join('、')}）\n`,
    );
    console.log(formatPlan(plan));
  }
  if (plan.problems.length > 0) {
    console.error(`\n计划有 ${plan.problems.length} 个问题，不能部署：`);
    for (const problem of plan.problems) console.error(`  - ${problem}`);
    return 1;
  }
  if (dryRun) {
    if (plan.missing.length > 0) {
      console.log(`\n真实部署前还要设置：${plan.missing.join('、')}（可以设为空值）`);
    }
    console.log(`\n${planSummary(plan)}；演练，什么都没有改动`);
    return 0;
  }

  const { TCB_SECRET_ID: secretId, TCB_SECRET_KEY: secretKey, TCB_TOKEN: token } = variables.values;
  const absent = new Set(plan.missing);
  if (!plan.envId) absent.add('TCB_ENV_ID');
  if (!secretId) absent.add('TCB_SECRET_ID');
  if (!secretKey) absent.add('TCB_SECRET_KEY');
  if (!secretId || !secretKey || absent.size > 0) {
    console.error(
      `缺少 ${[...absent].join('、')}：请在环境变量或 .env.local 里设置。TCB_ENV_ID 是云开发环境 ID，` +
        'TCB_SECRET_ID / TCB_SECRET_KEY 是腾讯云 API 密钥（访问管理 → API 密钥管理）；' +
        'cloudbaserc.json 读取的变量可以设为空值。先看计划：npm run deploy -- --dry-run',
    );
    return 1;
  }

  console.log(`\n▸ 部署到 ${plan.envId}。${planSummary(plan)}`);
  const { cloudBaseTarget } = await import('./deploy/cloudbase');
  const target = cloudBaseTarget({ envId: plan.envId, secretId, secretKey, ...(token ? { token } : {}) });
  try {
    const report = await applyPlan(plan, target, (line) => console.log(`  ${line}`));
    console.log(`\n${formatReport(report)}`);
    return 0;
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    console.error('之前的步骤已生效；修正后重新运行 npm run deploy 即可（重复运行只补缺和更新）。');
    return 1;
  }
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
