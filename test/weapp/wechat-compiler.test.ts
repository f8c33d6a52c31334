/**
 * The production weapp build (made by `npm test` before the suites) through WeChat's own compiler, offline
 * (`scripts/wechat/check.ts`, run as its own process): every page of every package compiles, and every item of
 * WeChat's code-quality check passes, and every package is within its size budget by WeChat's count.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { budgetOf, runWechatCheck, type WechatReport } from '../../scripts/wechat/report';

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

let report: WechatReport;

beforeAll(() => {
  report = runWechatCheck();
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
  expect(report.exitCode).toBe(0);
});

test('every package is within its budget by WeChat’s count (main 450 KB, each subpackage 400 KB)', () => {
  const over = Object.entries(report.sizes)
    .filter(([name, bytes]) => bytes > budgetOf(name))
    .map(
      ([name, bytes]) =>
        `${name}: ${bytes.toLocaleString('en')} B > ${budgetOf(name).toLocaleString('en')} B`,
    );
  expect(over).toEqual([]);
});
