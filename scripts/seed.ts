/**
 * `npm run seed [-- --reset]`: seeds the local database with the demo world. `-- --scale city` builds the
 * city-scale world instead (152 centers, a year of records; replaces what was there). Uses the running local
 * server when there is one (PORT), otherwise opens the data directory itself, with the database in a thread
 * of its own so generating and storing use both cores.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { rebuildCounters } from '../cloudfunctions/summary/recount';
import { readIndexManifest } from '../emulator/database';
import { openDatabaseThread } from '../emulator/database/threaded';
import { seedCity } from './seed/city';
import { seed } from './seed/index';

const port = Number(process.env.PORT ?? 8787);
const dataDir = path.resolve(process.env.LINLI_DATA_DIR ?? path.join(__dirname, '..', '.linli'));
const reset = process.argv.includes('--reset');
const scaleAt = process.argv.indexOf('--scale');
const scale = scaleAt >= 0 ? process.argv[scaleAt + 1] : 'demo';
const log = (line: string) => console.log(`  ${line}`);

// What the cloud runtime sets; without them every SDK call first waits ~50 ms on a metadata lookup.
process.env.TENCENTCLOUD_RUNENV ??= 'SCF';
process.env.TENCENTCLOUD_REGION ??= 'ap-shanghai';
process.env.SCF_NAMESPACE ??= 'local';

async function runningServerUrl(): Promise<string | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
    return res.ok ? `http://127.0.0.1:${port}/admin` : null;
  } catch {
    return null;
  }
}

async function seedAt(serviceUrl: string): Promise<void> {
  const started = Date.now();
  if (scale === 'city') {
    const result = await seedCity({
      serviceUrl,
      log,
      countStats: (db) =>
        rebuildCounters(db, (month, index, of) => log(`统计 ${month}（${index + 1}/${of}）`)),
    });
    console.log('\n城市规模数据 city-scale world');
    for (const [name, n] of Object.entries(result.counts)) log(`${name.padEnd(14)} ${n.toLocaleString()}`);
    log(
      `中心 ${result.centers.built}（运营 ${result.centers.operating}），参与 ${result.attendances.toLocaleString()} 人次`,
    );
    log(
      `用时 ${result.seconds.total.toFixed(1)} s（写入 ${result.seconds.write.toFixed(1)} s，统计 ${result.seconds.stats.toFixed(1)} s）`,
    );
    return;
  }
  const { created } = await seed({ serviceUrl, reset, log });
  console.log(created ? `完成，用时 ${Date.now() - started} ms` : '未做改动');
}

async function main() {
  if (scale !== 'demo' && scale !== 'city') throw new Error(`--scale takes demo or city, not ${scale}`);
  const running = await runningServerUrl();
  if (running) {
    console.log(`使用正在运行的本地服务 ${running}`);
    await seedAt(running);
    return;
  }
  mkdirSync(dataDir, { recursive: true });
  const indexes = readIndexManifest(path.join(__dirname, '..', 'database', 'indexes.json'));
  const database = await openDatabaseThread({ file: path.join(dataDir, 'database.sqlite'), indexes });
  try {
    console.log(`数据目录 ${dataDir}`);
    await seedAt(database.url);
  } finally {
    await database.closed();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
