/**
 * The production weapp build (made by `npm test` before the suites) through WeChat's own compiler, offline
 * (`scripts/wechat/check.ts`, run as its own process): every page of every package compiles, and every item of
 * WeChat's code-quality check passes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const weapp = path.join(root, 'dist', 'weapp');
const app = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
};
const subRoots = (app.subPackages ?? []).map((sub) => sub.root.replace(/\/$/, ''));
const everyPage = [
  ...app.pages,
  ...(app.subPackages ?? []).flatMap((sub, i) => sub.pages.map((page) => `${subRoots[i]}/${page}`)),
];

interface Report {
  files: string[];
  quality: { name: string; success: boolean; text: string }[];
  sizes: Record<string, number>;
}

let report: Report;
let exitCode: number | null;

beforeAll(() => {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts', 'wechat', 'check.ts'), '--json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 240_000 },
  );
  exitCode = run.status;
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (!last.startsWith('{')) throw new Error(`WeChat's compiler printed no report:\n${run.stderr}`);
  report = JSON.parse(last) as Report;
}, 300_000);

test('the build is the production one (no watch-mode prebundle)', () => {
  expect(existsSync(path.join(weapp, 'prebundle'))).toBe(false);
  expect(everyPage.length).toBeGreaterThan(20);
});

test('WeChat compiles every page of the main package and of each subpackage', () => {
  for (const page of everyPage) {
    expect(report.files).toContain(`${page}.js`);
    expect(report.files).toContain(`${page}.wxml`);
  }
  expect(report.files).toEqual(expect.arrayContaining(['app.js', 'app.json', 'app.wxss']));
});

test('every item of WeChat’s code-quality check passes, and it counts every package', () => {
  expect(report.quality.length).toBeGreaterThanOrEqual(10);
  expect(report.quality.filter((item) => !item.success).map((item) => `${item.name}: ${item.text}`)).toEqual(
    [],
  );
  expect(Object.keys(report.sizes).sort()).toEqual(['__APP__', ...subRoots.map((r) => `${r}/`)].sort());
  expect(exitCode).toBe(0);
});
