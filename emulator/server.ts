/**
 * The local CloudBase: one process on 127.0.0.1 serving the database endpoint (`/admin`), the cloud functions
 * (`/fn/<name>`), local sign-in (`/dev/*`) and the h5 app. The contract is in /work/shared/DESIGN.md
 * ("Local HTTP contract"); `npm start` runs it (scripts/start.ts), emulator/README.md tells more.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { readIndexManifest } from './database/index';
import { openDatabaseThread, type ThreadedDatabase } from './database/threaded';
import { createFunctionHost, type FunctionHost, printPrefixed } from './host/index';
import type { LogLevel } from './host/protocol';
import { readFunctionConfig } from './host/settings';
import { startTimers, type TimerClock, timerEvent } from './host/timers';
import { BodyNotJson, BodyTooDeep, BodyTooLarge, readJson } from './http/body';
import { findPersona, listPersonas } from './http/personas';
import { sendError, sendJson, sendJsonText } from './http/respond';
import { OPENID, openSessionSigner, type SessionSigner } from './http/sessions';
import { h5IsBuilt, serveStatic } from './http/static-files';

const REPO_ROOT = resolve(__dirname, '..');

export interface ServerOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Database file and session key; default `.linli/` in the checkout. */
  dataDir?: string;
  /** Built functions; default `dist/cloudfunctions`. */
  functionsDir?: string;
  /** The h5 build; default `dist/h5`. */
  h5Dir?: string;
  /** Function timeouts and variables; default `cloudbaserc.json`. */
  configFile?: string;
  /** Default `database/indexes.json`. */
  indexesFile?: string;
  /** Function instances; default 4. */
  poolSize?: number;
  /** What `TCB_ENV` says inside functions; default `linli-local`. */
  envId?: string;
  /** Function output; default stdout/stderr prefixed with `[name]`. */
  log?: (functionName: string, level: LogLevel, text: string) => void;
  /** Fire cloudbaserc.json's timer triggers on their schedule; default false (tests fire them by hand). */
  timers?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Resolves once the database and the function instances are up (the h5 build is checked per request). */
  ready: Promise<void>;
  /** Keeps `/healthz` at 503 until `task` settles, e.g. while `npm start` seeds the demo world. */
  waitFor(label: string, task: Promise<unknown>): void;
  /** Stops taking calls, lets running ones finish, then stops the instances and closes the database. */
  close(): Promise<void>;
}

/** The contract's environment variables, for the command line and `npm start`. */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  const options: ServerOptions = {};
  if (env.PORT) options.port = Number(env.PORT);
  if (env.LINLI_DATA_DIR) options.dataDir = resolve(env.LINLI_DATA_DIR);
  if (env.LINLI_WORKERS) options.poolSize = Number(env.LINLI_WORKERS);
  if (env.TCB_ENV_ID) options.envId = env.TCB_ENV_ID;
  return options;
}

export const defaultDataDir = join(REPO_ROOT, '.linli');

const sessionRequest = z.union([z.object({ persona: z.string().min(1) }), z.object({ openid: z.string() })]);

interface State {
  database: ThreadedDatabase;
  signer: SessionSigner;
  functionsReady: boolean;
  draining: boolean;
  /** Labels of outside work `/healthz` waits for. */
  pending: Set<string>;
  host?: FunctionHost;
  log: (functionName: string, level: LogLevel, text: string) => void;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? defaultDataDir;
  const h5Dir = options.h5Dir ?? join(REPO_ROOT, 'dist', 'h5');
  mkdirSync(dataDir, { recursive: true });
  const indexes = readIndexManifest(options.indexesFile ?? join(REPO_ROOT, 'database', 'indexes.json'));
  const state: State = {
    database: await openDatabaseThread({ file: join(dataDir, 'database.sqlite'), indexes }),
    signer: openSessionSigner(dataDir),
    functionsReady: false,
    draining: false,
    pending: new Set(),
    log: options.log ?? printPrefixed,
  };

  let inFlight = 0;
  const server = createServer((req, res) => {
    inFlight++;
    res.on('close', () => inFlight--);
    route(state, h5Dir, req, res).catch((error: unknown) => {
      console.error('[server]', error);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL');
      else res.destroy();
    });
  });
  // Longer than any client's idle keep-alive (Node's agent: 5 s, the SDK's agentkeepalive: 4.8 s), so the client
  // always closes first and never writes into a socket the server has just closed.
  server.keepAliveTimeout = 30_000;

  try {
    await new Promise<void>((listening, failed) => {
      server.once('error', failed);
      server.listen(options.port ?? 8787, '127.0.0.1', () => listening());
    });
  } catch (error) {
    await state.database.closed(); // e.g. the port is taken: leave nothing open behind
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const config = readFunctionConfig(options.configFile ?? join(REPO_ROOT, 'cloudbaserc.json'));
  const host = createFunctionHost({
    functionsDir: options.functionsDir ?? join(REPO_ROOT, 'dist', 'cloudfunctions'),
    // Functions talk to the database thread directly; `/admin` on the public port serves everyone else.
    adminUrl: state.database.url,
    envId: options.envId ?? 'linli-local',
    settings: config.settings,
    poolSize: options.poolSize ?? 4,
    log: state.log,
  });
  state.host = host;
  let timers: TimerClock | undefined;
  const ready = host.ready.then(() => {
    state.functionsReady = true;
    if (options.timers) {
      timers = startTimers(config.timers, async ({ functionName, trigger }) => {
        if (state.draining) return;
        const outcome = await host.invoke(functionName, timerEvent(trigger), undefined);
        if (outcome.kind !== 'result') state.log(functionName, 'error', `timer ${trigger}: ${outcome.kind}`);
      });
    }
  });
  ready.catch(() => undefined); // surfaced to whoever awaits `ready`

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      state.draining = true;
      timers?.stop();
      await host.drain(); // `/admin` keeps serving: running functions still need their database
      const stopped = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      const deadline = Date.now() + 5_000;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((tick) => setTimeout(tick, 10));
      server.closeAllConnections();
      await stopped;
      await host.close();
      await state.database.closed();
    })();
    return closing;
  };

  const waitFor = (label: string, task: Promise<unknown>) => {
    state.pending.add(label);
    const done = () => state.pending.delete(label);
    task.then(done, done);
  };

  return { url, port, dataDir, ready, waitFor, close };
}

async function route(state: State, h5Dir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';

  if (pathname === '/healthz' && method === 'GET') return health(state, h5Dir, res);
  if (pathname === '/admin' && method === 'POST') return admin(state, req, res);
  if (pathname === '/dev/personas' && method === 'GET')
    return sendJson(res, 200, await listPersonas(state.database));
  if (pathname === '/dev/session' && method === 'POST') return session(state, req, res);
  if (pathname.startsWith('/fn/') && method === 'POST')
    return callFunction(state, pathname.slice(4), req, res);
  if (pathname.startsWith('/dev/timer/') && method === 'POST')
    return fireTimer(state, pathname.slice(11), res);
  if (method === 'GET' || method === 'HEAD') return serveStatic(h5Dir, req, res, pathname);
  sendError(res, 405, 'NOT_FOUND', '不支持的请求');
}

function health(state: State, h5Dir: string, res: ServerResponse): void {
  const waiting = [
    ...(state.functionsReady ? [] : ['functions']),
    ...(h5IsBuilt(h5Dir) ? [] : ['h5']),
    ...state.pending,
    ...(state.draining ? ['shutdown'] : []),
  ];
  if (waiting.length === 0) sendJson(res, 200, { ok: true });
  else sendJson(res, 503, { ok: false, waiting });
}

/** The SDK's endpoint. Replies keep CloudBase's shape, errors included, so the SDK throws what it would. */
async function admin(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      res.setHeader('connection', 'close');
      return sendJson(res, 413, { code: 'INVALID_PARAM', message: 'request body exceeds the 6 MB limit' });
    }
    if (!(error instanceof BodyNotJson || error instanceof BodyTooDeep)) throw error;
    body = undefined; // the database answers INVALID_PARAM for it, in CloudBase's shape
  }
  sendJson(res, 200, await state.database.handle(body));
}

async function session(state: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req, res);
  if (body === invalid) return;
  const parsed = sessionRequest.safeParse(body);
  if (!parsed.success) return sendError(res, 400, 'VALIDATION', '请提供 openid 或 persona');
  let openid: string;
  if ('persona' in parsed.data) {
    const persona = await findPersona(state.database, parsed.data.persona);
    if (!persona) return sendError(res, 404, 'NOT_FOUND', `没有名为 ${parsed.data.persona} 的演示身份`);
    openid = persona.openid;
  } else {
    openid = parsed.data.openid;
    if (!OPENID.test(openid)) return sendError(res, 400, 'VALIDATION', 'openid 格式不对');
  }
  sendJson(res, 200, { token: state.signer.issue(openid) });
}

async function callFunction(
  state: State,
  name: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const openid = token === undefined ? undefined : state.signer.verify(token);
  if (!openid) return sendError(res, 401, 'UNAUTHENTICATED');
  const body = await readBody(req, res);
  if (body === invalid) return;
  const event = body ?? {};
  if (!isRecord(event)) return sendError(res, 400, 'VALIDATION', '请求内容应是一个对象');
  // Checked after the body arrived: a shutdown may have begun meanwhile, and it waits only for accepted calls.
  const host = state.host;
  if (state.draining || !host) return sendError(res, 503, 'BUSY', '服务正在重启，请稍后再试');

  const outcome = await host.invoke(name, event, { openid });
  switch (outcome.kind) {
    case 'result':
      return sendJsonText(res, 200, outcome.json);
    case 'unknown-function':
      return sendError(res, 404, 'NOT_FOUND', '没有这项服务');
    case 'failure':
      state.log(
        name,
        'error',
        `uncaught ${outcome.error.stack ?? `${outcome.error.name}: ${outcome.error.message}`}`,
      );
      return sendError(res, 500, 'INTERNAL');
    case 'crash':
      state.log(name, 'error', `instance died: ${outcome.message}; replaced`);
      return sendError(res, 500, 'INTERNAL');
    case 'timeout':
      state.log(name, 'error', 'timed out; instance replaced');
      return sendError(res, 504, 'INTERNAL', '处理超时了，请稍后再试');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `POST /dev/timer/<function>/<trigger>`: runs a timer trigger now, as the platform would (no caller). */
async function fireTimer(state: State, path: string, res: ServerResponse): Promise<void> {
  const [name = '', trigger = '', extra] = path.split('/');
  const host = state.host;
  if (!trigger || extra !== undefined) return sendError(res, 404, 'NOT_FOUND', '没有这个定时任务');
  if (state.draining || !host) return sendError(res, 503, 'BUSY', '服务正在重启，请稍后再试');
  const outcome = await host.invoke(name, timerEvent(decodeURIComponent(trigger)), undefined);
  if (outcome.kind === 'result') return sendJsonText(res, 200, outcome.json);
  if (outcome.kind === 'unknown-function') return sendError(res, 404, 'NOT_FOUND', '没有这项服务');
  state.log(name, 'error', `timer ${trigger}: ${outcome.kind}`);
  sendError(res, outcome.kind === 'timeout' ? 504 : 500, 'INTERNAL');
}

const invalid = Symbol('invalid body');

/** The parsed JSON body, or `invalid` after an error reply has been sent. */
async function readBody(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  try {
    return await readJson(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      res.setHeader('connection', 'close');
      sendError(res, 413, 'VALIDATION', '提交的内容太大了');
    } else if (error instanceof BodyNotJson) {
      sendError(res, 400, 'VALIDATION', '请求内容不是有效的 JSON');
    } else if (error instanceof BodyTooDeep) {
      sendError(res, 400, 'VALIDATION', '提交的内容层级太深了');
    } else {
      throw error;
    }
    return invalid;
  }
}

/** Runs the server until SIGINT or SIGTERM, then shuts down gracefully; a second signal exits at once. */
export async function serveUntilSignal(options: ServerOptions): Promise<RunningServer> {
  const running = await startServer(options);
  await running.ready;
  console.log(`Linli local CloudBase listening on ${running.url} (data: ${running.dataDir})`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: finishing running calls, then stopping`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return running;
}
