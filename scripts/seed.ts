/**
 * `npm run seed [-- --reset]`: seeds the local database with the demo world. Uses the running local server when
 * there is one (PORT), otherwise opens the data directory itself.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { openDatabase, readIndexManifest } from '../emulator/database';
import { seed } from './seed/index';

const port = Number(process.env.PORT ?? 8787);
const dataDir = path.resolve(process.env.LINLI_DATA_DIR ?? path.join(__dirname, '..', '.linli'));
const reset = process.argv.includes('--reset');
const log = (line: string) => console.log(`  ${line}`);

async function runningServerUrl(): Promise<string | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
    return res.ok ? `http://127.0.0.1:${port}/admin` : null;
  } catch {
    return null;
  }
}

async function main() {
  const started = Date.now();
  const running = await runningServerUrl();
  if (running) {
    console.log(`使用正在运行的本地服务 ${running}`);
    const { created } = await seed({ serviceUrl: running, reset, log });
    console.log(created ? `完成，用时 ${Date.now() - started} ms` : '未做改动');
    return;
  }
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dataDir, { recursive: true });
  const indexes = readIndexManifest(path.join(__dirname, '..', 'database', 'indexes.json'));
  const db = openDatabase({ file: path.join(dataDir, 'database.sqlite'), indexes });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const reply = await db.handle(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: tempPort } = server.address() as AddressInfo;
  try {
    console.log(`数据目录 ${dataDir}`);
    const { created } = await seed({ serviceUrl: `http://127.0.0.1:${tempPort}/admin`, reset, log });
    console.log(created ? `完成，用时 ${Date.now() - started} ms` : '未做改动');
  } finally {
    server.close();
    db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
