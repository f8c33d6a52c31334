/**
 * Bundles every cloud function into a folder `npm run deploy` uploads as is and the local host runs as is:
 * `<out>/<name>/index.js` (CommonJS, minified, source map alongside), a `package.json` asking for the
 * packages that stay external, which the cloud installs (`installDependency`): `@cloudbase/node-sdk`, and
 * large libraries only some actions need, so every other call does not pay for loading them; and, for a
 * function that calls WeChat open APIs, the `config.json` naming their permissions (see `openapi.ts`).
 * The command is `scripts/build-functions.ts`.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { functionConfig } from './openapi';

const REPO_ROOT = resolve(__dirname, '..', '..');
const SDK = '@cloudbase/node-sdk';
/** Installed by the cloud rather than bundled. exceljs alone is 1.1 MB: bundled, it would slow every cold start. */
const EXTERNAL = [SDK, 'exceljs'];
/** Folders under the source root that are not functions. */
const NOT_FUNCTIONS = new Set(['kit', 'node_modules']);

export interface BuildOptions {
  /** Folder holding `<name>/index.ts`; default `cloudfunctions/`. */
  sourceDir?: string;
  /** Default `dist/cloudfunctions/`. */
  outDir?: string;
  /** Rebuild even when the output is newer than every input. */
  force?: boolean;
}

export interface BuiltFunction {
  name: string;
  /** Minified bytes of the project's own code (everything outside node_modules) in the bundle. */
  ownBytes: number;
  totalBytes: number;
  rebuilt: boolean;
}

/** What the last build of one function read, so the next run can tell whether anything changed. */
interface BuildRecord {
  inputs: string[];
  ownBytes: number;
  totalBytes: number;
  /** Open API permissions written to config.json; absent in records older than config.json, which rebuild. */
  openapi?: string[];
}

export const defaultSourceDir = join(REPO_ROOT, 'cloudfunctions');
export const defaultOutDir = join(REPO_ROOT, 'dist', 'cloudfunctions');

export function listFunctionSources(sourceDir: string): string[] {
  if (!existsSync(sourceDir)) return [];
  return readdirSync(sourceDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_FUNCTIONS.has(entry.name))
    .filter((entry) => existsSync(join(sourceDir, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

export async function buildFunctions(options: BuildOptions = {}): Promise<BuiltFunction[]> {
  const sourceDir = options.sourceDir ?? defaultSourceDir;
  const outDir = options.outDir ?? defaultOutDir;
  const versions = externalVersions();
  return Promise.all(
    listFunctionSources(sourceDir).map((name) =>
      buildOne(name, sourceDir, outDir, versions, options.force === true),
    ),
  );
}

async function buildOne(
  name: string,
  sourceDir: string,
  outDir: string,
  versions: Record<string, string>,
  force: boolean,
): Promise<BuiltFunction> {
  const target = join(outDir, name);
  const bundle = join(target, 'index.js');
  const recordFile = join(outDir, '.build', `${name}.json`);
  const previous = readRecord(recordFile);
  if (!force && previous?.openapi && isFresh(bundle, previous.inputs)) {
    return { name, ownBytes: previous.ownBytes, totalBytes: previous.totalBytes, rebuilt: false };
  }

  const result = await build({
    entryPoints: [join(sourceDir, name, 'index.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    sourcemap: true,
    external: EXTERNAL,
    metafile: true,
    write: false,
    absWorkingDir: REPO_ROOT,
    logLevel: 'warning',
  });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  const code = result.outputFiles.find((file) => file.path === bundle)?.text ?? '';
  const config = functionConfig(name, code);
  const configFile = join(target, 'config.json');
  if (config) writeAtomically(configFile, `${JSON.stringify(config, null, 2)}\n`);
  else rmSync(configFile, { force: true });
  // The SDK always; other externals only where the bundle imports them.
  const imported = new Set(
    Object.values(result.metafile.outputs).flatMap((o) =>
      o.imports.filter((i) => i.external).map((i) => i.path),
    ),
  );
  const dependencies = Object.fromEntries(
    Object.entries(versions).filter(([pkg]) => pkg === SDK || imported.has(pkg)),
  );
  writeAtomically(
    join(target, 'package.json'),
    `${JSON.stringify({ name, private: true, main: 'index.js', dependencies }, null, 2)}\n`,
  );
  const record = { ...summarize(result.metafile, bundle), openapi: config?.permissions.openapi ?? [] };
  writeAtomically(recordFile, JSON.stringify(record));
  return { name, ownBytes: record.ownBytes, totalBytes: record.totalBytes, rebuilt: true };
}

function summarize(metafile: Metafile, bundle: string): BuildRecord {
  const output = metafile.outputs[relative(REPO_ROOT, bundle)];
  if (!output) throw new Error(`esbuild reported no output for ${bundle}`);
  let ownBytes = 0;
  for (const [path, input] of Object.entries(output.inputs)) {
    if (!path.includes('node_modules/')) ownBytes += input.bytesInOutput;
  }
  // Input paths in the metafile are relative to the working directory; keep them absolute for later runs.
  const inputs = Object.keys(metafile.inputs).map((path) => resolve(REPO_ROOT, path));
  return { inputs, ownBytes, totalBytes: output.bytes };
}

/**
 * Test suites build in parallel into the same folder and a running host may load a bundle at any moment:
 * a rename makes each file appear whole or not at all.
 */
function writeAtomically(file: string, contents: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

function isFresh(bundle: string, inputs: string[]): boolean {
  if (!existsSync(bundle)) return false;
  const builtAt = statSync(bundle).mtimeMs;
  return inputs.every((input) => existsSync(input) && statSync(input).mtimeMs <= builtAt);
}

function readRecord(file: string): BuildRecord | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
  } catch {
    return undefined; // a damaged record only costs a rebuild
  }
}

/** The pinned versions of the external packages, from the root package.json. */
function externalVersions(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.fromEntries(
    EXTERNAL.map((pkg) => {
      const version = manifest.dependencies?.[pkg];
      if (!version) throw new Error(`${pkg} is missing from the root package.json dependencies`);
      return [pkg, version];
    }),
  );
}

export function formatBuildTable(built: BuiltFunction[]): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows = built.map((f) => [
    f.name,
    kb(f.ownBytes),
    kb(f.totalBytes),
    f.rebuilt ? 'built' : 'up to date',
  ]);
  const header = ['function', 'own code', 'bundle', ''];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
