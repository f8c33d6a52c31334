/**
 * `npm run check:weapp [-- --json]`: the weapp build through WeChat's own compiler, offline. Prints each
 * package's size by WeChat's count and every code-quality item; `--json` prints one JSON document instead
 * (the test suite and the bench read it). miniprogram-ci leaves a compiler process and file watchers behind,
 * so this runs as its own process and exits when done.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkCodeQuality, compileWeapp, openWechatProject, packageSizes } from './compiler';

async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const progress = (line: string) => {
    if (!json) console.log(line);
  };
  const wechat = openWechatProject();
  const scratch = mkdtempSync(path.join(tmpdir(), 'linli-wechat-out-'));
  try {
    progress('微信编译器：编译全部页面和分包 …');
    const started = Date.now();
    const compiled = Object.keys(await compileWeapp(wechat, path.join(scratch, 'compiled')));
    const compileMs = Date.now() - started;
    progress(`  编译完成：${compiled.length} 个文件，${(compileMs / 1000).toFixed(1)} s`);
    progress('微信代码质量检查 …');
    const quality = await checkCodeQuality(wechat);
    const sizes = packageSizes(quality);
    if (json) {
      process.stdout.write(`${JSON.stringify({ files: compiled, compileMs, quality, sizes })}\n`);
    } else {
      for (const [name, bytes] of Object.entries(sizes)) {
        console.log(`  ${name === '__APP__' ? '主包' : name}  ${bytes.toLocaleString('en')} B`);
      }
      for (const item of quality) console.log(`  ${item.success ? '通过' : '未通过'}  ${item.name}`);
    }
    const failed = quality.filter((item) => !item.success).length;
    progress(`${quality.length - failed} 项通过，${failed} 项未通过`);
    return failed === 0 ? 0 : 1;
  } finally {
    wechat.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
