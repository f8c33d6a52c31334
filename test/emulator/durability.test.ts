/** An acknowledged write survives kill -9 of the process that made it (WAL, synced before the reply). */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../emulator/database';
import { WalSync } from '../../emulator/database/durability';

const ROOT = join(__dirname, '../..');
const WRITER = join(__dirname, 'fixtures/durable-writer.ts');

test('every id the writer acknowledged is there after SIGKILL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-durable-'));
  const file = join(dir, 'db.sqlite');
  try {
    // tsx's loader inside this very process (not the tsx launcher, which would leave the writer running as its
    // grandchild), so SIGKILL hits the process that holds the database.
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acknowledged: string[] = [];
    let pending = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = (pending + chunk.toString('utf8')).split('\n');
        pending = lines.pop() ?? '';
        acknowledged.push(...lines);
        // Kill while it is still writing, well into the stream.
        if (acknowledged.length >= 300) resolve();
      });
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const reopened = openDatabase({ file });
    try {
      const reply = await reopened.handle({
        action: 'database.getDocument',
        collectionName: 'acks',
        query: JSON.stringify({ _id: { $in: acknowledged } }),
        projection: JSON.stringify({ _id: 1 }),
        limit: 1000,
      });
      const found = new Set((reply.data as { list: string[] }).list.map((text) => JSON.parse(text)._id));
      expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
    } finally {
      reopened.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

test('a commit is acknowledged only after its WAL sync, and a failed sync fails it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linli-walsync-'));
  try {
    const wal = join(dir, 'db.sqlite-wal');
    writeFileSync(wal, 'frames');
    const sync = new WalSync(wal);
    const first = sync.commit();
    const second = sync.commit();
    await expect(sync.until(second)).resolves.toBeUndefined();
    // Both are on disk now: nothing left to wait for.
    expect(sync.until(first)).toBeUndefined();
    sync.close();

    const lost = new WalSync(join(dir, 'missing', 'db.sqlite-wal'));
    await expect(lost.until(lost.commit())).rejects.toMatchObject({ code: 'ENOENT' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
