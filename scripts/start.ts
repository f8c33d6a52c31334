/**
 * `npm start`: builds what is missing (cloud functions, the h5 app), starts the local CloudBase on 127.0.0.1,
 * seeds the demo world on the first run and shows whom to sign in as. Ctrl-C stops it gracefully.
 * `PORT` and `LINLI_DATA_DIR` move it; `npm run seed -- --reset` starts the demo data over.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Persona } from '../emulator/http/personas';
import { h5IsBuilt } from '../emulator/http/static-files';
import { serverOptionsFromEnv, serveUntilSignal } from '../emulator/server';
import { buildFunctions, formatBuildTable } from './build-functions/index';
import { seed } from './seed/index';

const REPO_ROOT = resolve(__dirname, '..');
const H5_DIR = join(REPO_ROOT, 'dist', 'h5');
/** One of each kind of person, the first ones to try (the README's examples where the seed has them). */
const SHOWCASE: { role: Persona['role']; preferred: string }[] = [
  { role: 'resident', preferred: 'resident-wang' },
  { role: 'staff', preferred: 'staff-chaoyang' },
  { role: 'office', preferred: 'office-chaoyang' },
  { role: 'admin', preferred: 'city' },
];

async function main(): Promise<void> {
  const started = Date.now();

  console.log('▸ 云函数 cloud functions');
  const built = await buildFunctions();
  console.log(indent(formatBuildTable(built)));

  if (!h5IsBuilt(H5_DIR)) {
    console.log('▸ h5 应用 building the h5 app (npm run build:h5, ~20 s)');
    await runWithProgress('npm', ['run', 'build:h5']);
  } else {
    console.log('▸ h5 应用 already built (npm run build:h5 to refresh)');
  }

  console.log('▸ 本地云开发 starting the local CloudBase');
  const running = await serveUntilSignal({ ...serverOptionsFromEnv(), timers: true });

  const seeding = seed({ serviceUrl: `${running.url}/admin`, log: (line) => console.log(indent(line)) });
  running.waitFor('seed', seeding);
  const { created } = await seeding;
  console.log(created ? '▸ 演示数据 demo world seeded' : '▸ 演示数据 demo world already there');

  const personas = (await (await fetch(`${running.url}/dev/personas`)).json()) as Persona[];
  console.log(`\n就绪 ready in ${((Date.now() - started) / 1000).toFixed(1)} s → ${running.url}\n`);
  console.log('Sign in as one of these (all of them: GET /dev/personas):');
  const shown = SHOWCASE.flatMap(({ role, preferred }) => {
    const persona = personas.find((p) => p.persona === preferred) ?? personas.find((p) => p.role === role);
    return persona ? [persona] : [];
  });
  for (const p of shown) console.log(indent(`${p.persona.padEnd(18)} ${p.role.padEnd(9)} ${p.displayName}`));
  const example = shown[0]?.persona ?? 'resident-wang';
  console.log(`\n  curl -s -X POST ${running.url}/dev/session -d '{"persona":"${example}"}'\n`);
}

/** Runs a build quietly, with a heartbeat; on failure shows the end of its output. */
function runWithProgress(command: string, args: string[]): Promise<void> {
  return new Promise((done, failed) => {
    const startedAt = Date.now();
    const output: string[] = [];
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      if (output.length > 200) output.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const heartbeat = setInterval(() => {
      console.log(indent(`… ${Math.round((Date.now() - startedAt) / 1000)} s`));
    }, 5000);
    child.on('error', failed);
    child.on('exit', (code) => {
      clearInterval(heartbeat);
      if (code === 0) {
        console.log(indent(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`));
        done();
      } else {
        console.error(output.join('').split('\n').slice(-40).join('\n'));
        failed(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      }
    });
  });
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    message.includes('EADDRINUSE')
      ? `端口已被占用 port in use: stop the other server or set PORT (${message})`
      : `npm start failed: ${message}`,
  );
  process.exit(1);
});
