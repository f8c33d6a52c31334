/** `npm run build:functions`: one deployable folder per function, rebuilt only when its inputs change. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunctions, formatBuildTable } from '../../scripts/build-functions/index';

let root: string;
let sourceDir: string;
let outDir: string;

beforeAll(() => {
  // Inside the checkout, so the built bundle resolves @cloudbase/node-sdk when the test loads it.
  const scratch = join(__dirname, '..', '..', 'dist', 'test');
  mkdirSync(scratch, { recursive: true });
  root = mkdtempSync(join(scratch, 'build-'));
  sourceDir = join(root, 'src');
  outDir = join(root, 'out');
  const write = (path: string, text: string) => {
    mkdirSync(join(sourceDir, path, '..'), { recursive: true });
    writeFileSync(join(sourceDir, path), text);
  };
  write('kit/index.ts', "export const greet = (name: string): string => '你好，' + name;\n");
  write(
    'hello/index.ts',
    "import { init } from '@cloudbase/node-sdk';\nimport { greet } from '../kit';\n" +
      'export async function main(event: { name: string }) {\n  return { text: greet(event.name), sdk: typeof init };\n}\n',
  );
  write('notes/README.md', 'not a function\n');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

test('each function becomes a minified CommonJS bundle with a source map and a package.json for the cloud', async () => {
  const built = await buildFunctions({ sourceDir, outDir });
  expect(built.map((f) => f.name)).toEqual(['hello']); // not kit, not a folder without index.ts

  const bundle = readFileSync(join(outDir, 'hello', 'index.js'), 'utf8');
  expect(bundle).toContain('require("@cloudbase/node-sdk")'); // installed by the cloud, not bundled
  expect(bundle).toMatch(/\/\/# sourceMappingURL=index\.js\.map\s*$/);
  expect(JSON.parse(readFileSync(join(outDir, 'hello', 'index.js.map'), 'utf8')).sources).toEqual(
    expect.arrayContaining([expect.stringContaining('hello/index.ts')]),
  );
  const rootManifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  expect(JSON.parse(readFileSync(join(outDir, 'hello', 'package.json'), 'utf8'))).toEqual({
    name: 'hello',
    private: true,
    main: 'index.js',
    dependencies: { '@cloudbase/node-sdk': rootManifest.dependencies['@cloudbase/node-sdk'] },
  });

  const loaded = require(join(outDir, 'hello', 'index.js')) as {
    main: (event: { name: string }) => Promise<unknown>;
  };
  await expect(loaded.main({ name: '王阿姨' })).resolves.toEqual({ text: '你好，王阿姨', sdk: 'function' });

  const [hello] = built;
  expect(hello?.rebuilt).toBe(true);
  expect(hello?.ownBytes).toBeGreaterThan(0);
  expect(hello?.ownBytes).toBeLessThanOrEqual(hello?.totalBytes ?? 0);
  expect(formatBuildTable(built)).toMatch(
    /^function\s+own code\s+bundle\nhello\s+[\d.]+ KB\s+[\d.]+ KB\s+built$/,
  );
});

test('an unchanged function is not rebuilt; a changed input or --force rebuilds it', async () => {
  await buildFunctions({ sourceDir, outDir });
  expect((await buildFunctions({ sourceDir, outDir }))[0]?.rebuilt).toBe(false);

  const earlier = new Date(Date.now() - 60_000);
  utimesSync(join(outDir, 'hello', 'index.js'), earlier, earlier); // as if kit/ had been edited since

  expect((await buildFunctions({ sourceDir, outDir }))[0]?.rebuilt).toBe(true);
  expect((await buildFunctions({ sourceDir, outDir }))[0]?.rebuilt).toBe(false);
  expect((await buildFunctions({ sourceDir, outDir, force: true }))[0]?.rebuilt).toBe(true);
});
