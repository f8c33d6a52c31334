/**
 * `npm run bench`: the local stack's figures against DESIGN.md's budgets. Starts `npm start` in a child process
 * on a free port with a throwaway data directory (so client and server do not share an event loop), drives it
 * through the real SDK and the `/fn` HTTP contract, then reads build output sizes. Prints tables; asserts nothing.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { localDatabase } from '../emulator/client';
import { budgetOf, runWechatCheck } from '../scripts/wechat/report';
import { passPayload } from '../shared/rules/pass';
import { monthOf, shiftMonth } from '../shared/rules/time';
import { MEASUREMENT_HEADER, measure, measurementRow, printTable, progress } from './measure';

const root = path.resolve(__dirname, '..');
const DOCS = 100_000;

process.env.TENCENTCLOUD_RUNENV = 'SCF';
process.env.TENCENTCLOUD_REGION = 'ap-shanghai';
process.env.SCF_NAMESPACE = 'local';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function startLocalStack(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'linli-bench-'));
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LINLI_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`local stack exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child, dataDir };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('local stack did not become healthy in 5 minutes');
}

async function databaseBench(adminUrl: string) {
  const db = localDatabase(adminUrl);
  const regs = db.collection('registrations');
  const _ = db.command;
  console.log(`\n准备 ${DOCS.toLocaleString()} 条报名记录…`);
  for (let i = 0; i < DOCS; i += 1000) {
    const batch = Array.from({ length: 1000 }, (_x, j) => {
      const n = i + j;
      return {
        _id: `bench-${n}`,
        activityId: `a-${n % 500}`,
        openid: `o-${n % 20_000}`,
        status: ['confirmed', 'waitlisted', 'attended', 'cancelled'][n % 4],
        createdAt: new Date(1_700_000_000_000 + n * 1000),
        seats: 0,
      };
    });
    await regs.add(batch);
    progress('写入', i + 1000, DOCS);
  }
  console.log('');

  const results = [
    await measure('get by _id', 5000, 16, (i) => regs.doc(`bench-${(i * 7919) % DOCS}`).get()),
    await measure('get indexed where (activityId+status, limit 20)', 3000, 16, (i) =>
      regs
        .where({ activityId: `a-${i % 500}`, status: 'confirmed' })
        .limit(20)
        .get(),
    ),
    await measure('add one', 3000, 16, (i) =>
      regs.add({ _id: `bench-add-${i}`, activityId: 'a-new', status: 'confirmed' }),
    ),
    await measure('conditional update (inc while < bound)', 5000, 16, (i) =>
      regs.where({ _id: `bench-${i % 200}`, seats: _.lt(1_000_000) }).update({ seats: _.inc(1) }),
    ),
    await measure(`aggregate group over ${DOCS.toLocaleString()} docs`, 10, 1, () =>
      regs
        .aggregate()
        .group({ _id: '$status', n: db.command.aggregate.sum(1) })
        .end(),
    ),
  ];
  printTable('数据库（真实 SDK → /admin，并发 16）', MEASUREMENT_HEADER, results.map(measurementRow));
}

/**
 * The load generator shares the two cores with the stack, so it is kept light: plain `node:http` over kept-alive
 * connections (fetch costs several times more CPU per request, which the stack would then not get).
 */
const agent = new Agent({ keepAlive: true });

function post(url: string, body: unknown, token?: string): Promise<unknown> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

async function sessionFor(url: string, who: { persona: string } | { openid: string }): Promise<string> {
  const { token } = (await post(`${url}/dev/session`, who)) as { token: string };
  return token;
}

/** A published activity of the bench's center, five days ahead, with the given capacity. */
async function benchActivity(url: string, staff: string, title: string, capacity: number): Promise<string> {
  const start = new Date(Date.now() + 5 * 24 * 3600_000);
  const draft = {
    action: 'saveDraft',
    category: 'culture_sports',
    title,
    place: '中心大礼堂',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    signupDeadline: new Date(start.getTime() - 3600_000).toISOString(),
    capacity,
  };
  const saved = (await post(`${url}/fn/activities`, draft, staff)) as { data: { activityId: string } };
  await post(`${url}/fn/activities`, { action: 'publishMonth', month: monthOf(start) }, staff);
  return saved.data.activityId;
}

type SignUpReply = { ok: boolean; data: { status: string; waitlistPosition: number | null } };

/** One sign-up as the app sends it, with a request id of its own; throws unless it succeeded. */
async function signUpOnce(url: string, activityId: string, token: string, requestId: string) {
  const res = (await post(
    `${url}/fn/registrations`,
    { action: 'signUp', activityId, requestId },
    token,
  )) as SignUpReply;
  if (!res.ok) throw new Error(`sign-up failed: ${JSON.stringify(res)}`);
  return res.data;
}

/**
 * DESIGN.md and issue 13: 2,000 concurrent sign-ups for a 30-seat activity end with exactly 30 confirmed, the
 * rest waiting in distinct places; the rate is compared with the stack's raw conditional-update rate on one
 * document; and 500 sign-ups arriving behind 0, 2,000 and 10,000 people already waiting show whether a place in
 * line costs more the longer the line.
 */
async function signUpCrowdBench(url: string) {
  const PEOPLE = 2000;
  const BEHIND = [0, 2000, 10_000];
  const LATE = 500;
  const staff = await sessionFor(url, { persona: 'staff-chaoyang' });
  const crowd = await benchActivity(url, staff, '压测：春节联欢会', 30);

  const needed = Math.max(PEOPLE, 1 + Math.max(...BEHIND) + LATE);
  console.log(`\n准备 ${needed.toLocaleString()} 位居民的会话…`);
  const tokens: string[] = [];
  for (let i = 0; i < needed; i += 100) {
    const batch = Math.min(100, needed - i);
    tokens.push(
      ...(await Promise.all(
        Array.from({ length: batch }, (_x, j) => sessionFor(url, { openid: `o-bench-${i + j}` })),
      )),
    );
    progress('会话', tokens.length, needed);
  }
  console.log('');

  const outcomes: { status: string; waitlistPosition: number | null }[] = [];
  const storm = await measure('signUp, 2,000 at once, 30 seats', PEOPLE, PEOPLE, async (i) => {
    outcomes.push(await signUpOnce(url, crowd, tokens[i] ?? '', `bench-signup-${i}`));
  });
  const confirmed = outcomes.filter((o) => o.status === 'confirmed').length;
  const positions = new Set(outcomes.map((o) => o.waitlistPosition).filter((p) => p !== null));

  // The ceiling: the same stack's conditional updates on one document through the SDK, as the seat step is.
  const db = localDatabase(`${url}/admin`);
  const _ = db.command;
  await db.collection('activities').add({ _id: 'bench-raw', n: 0 });
  const raw = await measure('raw conditional update, one document (SDK)', 5000, 64, () =>
    db
      .collection('activities')
      .where({ _id: 'bench-raw', n: _.lt(1_000_000) })
      .update({ n: _.inc(1) }),
  );
  printTable(
    '报名高峰（HTTP /fn，2,000 并发，30 个名额）',
    [...MEASUREMENT_HEADER, 'all answered s', 'confirmed', 'waitlisted', 'distinct places'],
    [
      [...measurementRow(storm), storm.seconds, confirmed, outcomes.length - confirmed, positions.size],
      [...measurementRow(raw), raw.seconds, '', '', ''],
    ],
  );
  console.log(
    `  sign-ups/s ÷ raw conditional updates/s = ${(storm.opsPerSecond / raw.opsPerSecond).toFixed(2)}`,
  );

  // Late arrivals: one seat, `behind` people already waiting (signed up 100 at a time), then 500 at once.
  const rows: (string | number)[][] = [];
  let base = 0;
  for (const behind of BEHIND) {
    const activityId = await benchActivity(url, staff, `压测：候补 ${behind} 人`, 1);
    for (let i = 0; i <= behind; i += 100) {
      const upto = Math.min(i + 100, behind + 1);
      await Promise.all(
        Array.from({ length: upto - i }, (_x, j) =>
          signUpOnce(url, activityId, tokens[i + j] ?? '', `bench-line-${behind}-${i + j}`),
        ),
      );
      progress(`候补 ${behind} 人`, upto - 1, behind);
    }
    console.log('');
    const late = await measure(`${LATE} at once behind ${behind.toLocaleString()} waiting`, LATE, LATE, (i) =>
      signUpOnce(url, activityId, tokens[behind + 1 + i] ?? '', `bench-late-${behind}-${i}`),
    );
    if (behind === 0) base = late.seconds;
    rows.push([...measurementRow(late), late.seconds, late.seconds / base]);
  }
  printTable(
    '候补越长越慢吗（1 个名额，再来 500 人）',
    [...MEASUREMENT_HEADER, 'seconds', '× behind 0'],
    rows,
  );
}

/**
 * DESIGN.md: check-in scans ≥ 500/s with p99 ≤ 50 ms; a duplicate-scan storm ends exactly once. Three sessions
 * of a clinic start in half an hour with 480 people each; the scanner shows each phone's code as it is at the
 * moment of the scan (the phone computes it offline from the pass), and every scan carries its own request id,
 * as the app's scanner does.
 */
async function checkinBench(url: string) {
  const SESSIONS = 3;
  const SEATS = 480; // capacity is at most 500
  const PEOPLE = SESSIONS * SEATS;
  const staff = await sessionFor(url, { persona: 'staff-chaoyang' });
  const start = new Date(Date.now() + 30 * 60_000);
  const activityIds: string[] = [];
  for (let k = 0; k < SESSIONS; k++) {
    const saved = (await post(
      `${url}/fn/activities`,
      {
        action: 'saveDraft',
        category: 'convenience',
        title: `压测：社区义诊（第${k + 1}场）`,
        place: `中心${k + 1}楼`,
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
        signupDeadline: new Date(start.getTime() - 10 * 60_000).toISOString(),
        // One seat more than the crowd: the storm below needs a confirmed registration too.
        capacity: SEATS + 1,
      },
      staff,
    )) as { data?: { activityId: string } };
    if (!saved.data) throw new Error(`saveDraft failed: ${JSON.stringify(saved)}`);
    activityIds.push(saved.data.activityId);
  }
  await post(`${url}/fn/activities`, { action: 'publishMonth', month: monthOf(start) }, staff);

  /** Signs someone up for a session and fetches their pass. */
  const passFor = async (openid: string, activityId: string) => {
    const token = await sessionFor(url, { openid });
    const reg = (await post(`${url}/fn/registrations`, { action: 'signUp', activityId }, token)) as {
      data: { registrationId: string };
    };
    const pass = (await post(
      `${url}/fn/checkin`,
      { action: 'pass', registrationId: reg.data.registrationId },
      token,
    )) as { data?: { passId: string; secret: string } };
    if (!pass.data) throw new Error(`no pass: ${JSON.stringify(pass)}`);
    return pass.data;
  };

  console.log(`\n准备 ${PEOPLE.toLocaleString()} 张签到码（${SESSIONS} 场，报名 + 领码）…`);
  const passes: { passId: string; secret: string }[] = [];
  for (let i = 0; i < PEOPLE; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, PEOPLE - i) }, (_x, j) =>
        passFor(`o-door-${i + j}`, activityIds[Math.floor((i + j) / SEATS)] as string),
      ),
    );
    passes.push(...batch);
    progress('签到码', passes.length, PEOPLE);
  }
  console.log('');
  const codeOf = (i: number) => {
    const pass = passes[i % PEOPLE] as { passId: string; secret: string };
    return passPayload(pass.passId, pass.secret, Date.now());
  };
  // The center's attendance figure as a summary shows it (a summary counts waiting check-ins before it reads).
  const attendances = async () => {
    const res = (await post(`${url}/fn/summary`, { action: 'center', month: monthOf(start) }, staff)) as {
      data?: { figures: { attendances: number } };
    };
    if (!res.data) throw new Error(`summary failed: ${JSON.stringify(res)}`);
    return res.data.figures.attendances;
  };
  const attendedBefore = await attendances();
  const tally = new Map<string, number>();
  const scan = async (code: string, requestId: string) => {
    const res = (await post(`${url}/fn/checkin`, { action: 'scan', code, requestId }, staff)) as {
      ok: boolean;
      data: { result: string };
    };
    if (!res.ok) throw new Error(`scan failed: ${JSON.stringify(res)}`);
    tally.set(res.data.result, (tally.get(res.data.result) ?? 0) + 1);
  };
  // The first session at a door with four scanners; the other two with sixteen at once, for throughput.
  const door = await measure('first scans (签到成功), 4 scanners', SEATS, 4, (i) =>
    scan(codeOf(i), `bench-first-${i}`),
  );
  const fresh = await measure('first scans (签到成功), 16 scanners', PEOPLE - SEATS, 16, (i) =>
    scan(codeOf(SEATS + i), `bench-first-${SEATS + i}`),
  );
  const again = await measure('repeat scans (已签到), 16 scanners', 2000, 16, (i) =>
    scan(codeOf(i), `bench-again-${i}`),
  );
  printTable('扫码签到（HTTP /fn）', MEASUREMENT_HEADER, [
    measurementRow(door),
    measurementRow(fresh),
    measurementRow(again),
  ]);
  printTable('扫码结果', ['result', 'scans'], [...tally].sort());

  // A storm of duplicates: one fresh pass scanned by 200 devices at once.
  const stormPass = await passFor('o-door-storm', activityIds[0] as string);
  const stormCode = passPayload(stormPass.passId, stormPass.secret, Date.now());
  const storm = new Map<string, number>();
  await Promise.all(
    Array.from({ length: 200 }, async (_x, device) => {
      const res = (await post(
        `${url}/fn/checkin`,
        { action: 'scan', code: stormCode, requestId: `bench-storm-${device}` },
        staff,
      )) as { data: { result: string } };
      storm.set(res.data.result, (storm.get(res.data.result) ?? 0) + 1);
    }),
  );
  printTable(
    '重复扫码风暴（同一张码 200 次同时扫）',
    ['checked_in', 'already'],
    [[storm.get('checked_in') ?? 0, storm.get('already') ?? 0]],
  );

  // What the door left for later: audit entries, visitor markers and counters, written by the tally (the minute
  // timer may already have done part of it while the scans ran).
  const started = performance.now();
  const round = (await post(`${url}/dev/timer/checkin/tally`, {})) as {
    ok: boolean;
    data?: { tallied: number };
  };
  const ms = performance.now() - started;
  if (!round.ok || !round.data) throw new Error(`tally failed: ${JSON.stringify(round)}`);
  printTable(
    '签到计数（tally：审计记录、到访标记、中心计数）',
    ['check-ins', 'in the summary', 'this round', 'ms', 'per s'],
    [
      [
        PEOPLE + 1,
        (await attendances()) - attendedBefore,
        round.data.tallied,
        ms.toFixed(0),
        round.data.tallied ? Math.round((round.data.tallied / ms) * 1000) : '-',
      ],
    ],
  );
}

async function functionBench(url: string) {
  const token = await sessionFor(url, { persona: 'resident-wang' });
  const call = async () => {
    const body = (await post(`${url}/fn/account`, { action: 'whoami' }, token)) as { ok: boolean };
    if (!body.ok) throw new Error(`whoami failed: ${JSON.stringify(body)}`);
  };
  // Every worker of the pool loaded and compiled before measuring: the steady state, not the first seconds.
  await measure('warm-up', 400, 8, call);
  const results = [await measure('account.whoami via /fn', 2000, 8, call)];
  printTable('云函数调用（HTTP /fn，并发 8）', MEASUREMENT_HEADER, results.map(measurementRow));
}

/** Resident memory (bytes) of a process and all its descendants: the server, its database thread and workers. */
function treeRss(root: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(rss?.[1] ?? 0) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/**
 * DESIGN.md at the city's scale: the generator's time, street and city summaries from counters (≤ 50 ms and
 * ≤ 200 ms), and a full rebuild from the raw records (≤ 10 s) with the server's peak memory.
 */
async function cityBench(url: string, server: ChildProcess) {
  console.log('\n生成城市规模数据（npm run seed -- --scale city，替换当前数据）…');
  const port = new URL(url).port;
  const started = performance.now();
  const generator = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['scripts/seed.ts', '--scale', 'city'],
    {
      cwd: root,
      env: { ...process.env, PORT: port },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((resolve) => generator.once('exit', resolve));
  if (code !== 0) throw new Error(`the city generator exited with ${code}`);
  const generatorSeconds = (performance.now() - started) / 1000;

  const to = monthOf(new Date());
  const from = shiftMonth(to, -11);
  const call = async (fn: string, body: unknown, token: string) => {
    const res = (await post(`${url}/fn/${fn}`, body, token)) as { ok: boolean; data?: unknown };
    if (!res.ok) throw new Error(`${fn} failed: ${JSON.stringify(res).slice(0, 300)}`);
    return res.data;
  };
  const office = await sessionFor(url, { persona: 'office-chaoyang' });
  const city = await sessionFor(url, { persona: 'city' });
  await measure('warm-up', 10, 2, () => call('summary', { action: 'street', from, to }, office));
  const street = await measure('summary.street, 12 months (budget 50 ms)', 50, 1, () =>
    call('summary', { action: 'street', from, to }, office),
  );
  const cityResult = await measure('summary.city, 12 months (budget 200 ms)', 50, 1, () =>
    call('summary', { action: 'city', from, to }, city),
  );
  printTable('城市规模汇总（HTTP /fn，逐个调用）', MEASUREMENT_HEADER, [
    measurementRow(street),
    measurementRow(cityResult),
  ]);

  console.log('\n全量重算 summary.rebuild…');
  const pid = server.pid ?? 0;
  const before = treeRss(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, 100);
  const rebuildStarted = performance.now();
  const rebuilt = (await call('summary', { action: 'rebuild' }, city)) as {
    drift: unknown[];
    centerMonths: number;
  };
  const rebuildMs = performance.now() - rebuildStarted;
  clearInterval(sampler);
  peak = Math.max(peak, treeRss(pid));
  const db = localDatabase(`${url}/admin`);
  const total = async (name: string) =>
    ((await db.collection(name).count()) as { total?: number }).total ?? 0;
  const records = (
    await Promise.all(
      ['registrations', 'feedback', 'activities', 'needs', 'topics', 'organizations'].map(total),
    )
  ).reduce((a, b) => a + b, 0);
  printTable(
    '城市规模：生成与重算',
    ['what', 'value', 'budget'],
    [
      ['generator (npm run seed -- --scale city), s', generatorSeconds, ''],
      [`summary.rebuild over ${records.toLocaleString('en-US')} raw records, s`, rebuildMs / 1000, 10],
      ['  center-months recounted', rebuilt.centerMonths, ''],
      ['  drift found', rebuilt.drift.length, 0],
      ['server RSS before rebuild, MB', before / 2 ** 20, ''],
      ['server RSS peak during rebuild, MB', peak / 2 ** 20, ''],
    ],
  );
}

function coldStart() {
  const fn = path.join(root, 'dist', 'cloudfunctions', 'account', 'index.js');
  const script = `
    const t0 = performance.now(); require('@cloudbase/node-sdk'); const t1 = performance.now();
    require(${JSON.stringify(fn)}); const t2 = performance.now();
    console.log(JSON.stringify({ sdk: t1 - t0, ours: t2 - t1 }));`;
  const runs = Array.from({ length: 7 }, () => {
    const out = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    return JSON.parse(out.stdout) as { sdk: number; ours: number };
  }).sort((a, b) => a.sdk + a.ours - (b.sdk + b.ours));
  const median = runs[Math.floor(runs.length / 2)] ?? { sdk: 0, ours: 0 };
  printTable(
    '函数冷启动（新进程 require，7 次取中位数）',
    ['part', 'ms'],
    [
      ['@cloudbase/node-sdk', median.sdk],
      ['our code (account bundle)', median.ours],
    ],
  );
}

function folderSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const p = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderSize(p) : statSync(p).size);
  }, 0);
}

/** Package sizes by WeChat's own count, or an empty map (shown as ?) if its compiler fails. */
function wechatSizes(): Record<string, number> {
  console.log('包体积：微信编译器检查（约 30 s）…');
  try {
    return runWechatCheck().sizes;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return {};
  }
}

function sizes() {
  const weapp = path.join(root, 'dist', 'weapp');
  const rows: (string | number)[][] = [];
  if (existsSync(path.join(weapp, 'app.json'))) {
    const app = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as {
      subPackages?: { root: string }[];
      subpackages?: { root: string }[];
    };
    const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
    const subSizes = subs.map((s) => [s, folderSize(path.join(weapp, s))] as const);
    const main = folderSize(weapp) - subSizes.reduce((a, [, b]) => a + b, 0);
    const wechat = wechatSizes();
    const byWechat = (key: string) => wechat[key]?.toLocaleString('en') ?? '?';
    rows.push([
      'weapp main package',
      Math.round(main / 1024),
      byWechat('__APP__'),
      budgetOf('__APP__') / 1000,
    ]);
    for (const [name, size] of subSizes)
      rows.push([
        `weapp subpackage ${name}`,
        Math.round(size / 1024),
        byWechat(`${name}/`),
        budgetOf(`${name}/`) / 1000,
      ]);
  } else {
    rows.push(['weapp build missing: run npm run build:weapp', 0, '', 0]);
  }
  // The budget is for our own code; the bundle adds zod and the rest of node_modules it uses (the build's record).
  const fnDir = path.join(root, 'dist', 'cloudfunctions');
  for (const name of existsSync(fnDir) ? readdirSync(fnDir) : []) {
    const file = path.join(fnDir, name, 'index.js');
    const record = path.join(fnDir, '.build', `${name}.json`);
    if (!existsSync(file) || !existsSync(record)) continue;
    const { ownBytes } = JSON.parse(readFileSync(record, 'utf8')) as { ownBytes: number };
    rows.push([`function ${name}: own code`, Math.round(ownBytes / 1024), '', 150]);
    rows.push([`function ${name}: whole index.js`, Math.round(statSync(file).size / 1024), '', '']);
  }
  printTable('包体积（生产构建）', ['package', 'KiB (files)', 'B (WeChat)', 'budget KB'], rows);
}

/** The sections, in the order they run; `npm run bench -- signup checkin` runs only those named. */
const SECTIONS = {
  fn: (url: string) => functionBench(url),
  signup: (url: string) => signUpCrowdBench(url),
  checkin: (url: string) => checkinBench(url),
  db: (url: string) => databaseBench(`${url}/admin`),
  city: (url: string, server: ChildProcess) => cityBench(url, server),
} as const;

async function main() {
  const started = Date.now();
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !Object.hasOwn(SECTIONS, name) && name !== 'sizes');
  if (unknown.length)
    throw new Error(
      `unknown bench section ${unknown.join(', ')}: use ${Object.keys(SECTIONS).join(', ')}, sizes`,
    );
  const wanted = (name: string) => asked.length === 0 || asked.includes(name);
  const sections = Object.entries(SECTIONS).filter(([name]) => wanted(name));
  if (sections.length) {
    console.log('启动本地服务（npm start，独立进程）…');
    const stack = await startLocalStack();
    try {
      for (const [, run] of sections) await run(stack.url, stack.child);
    } finally {
      stack.child.kill('SIGTERM');
      await new Promise((r) => stack.child.once('exit', r));
      rmSync(stack.dataDir, { recursive: true, force: true });
    }
  }
  if (wanted('sizes')) {
    coldStart();
    sizes();
  }
  console.log(`\n完成，用时 ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
