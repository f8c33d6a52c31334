/**
 * Serves the h5 build. Routes the app owns (no file extension) fall back to `index.html`, so a reload on a deep
 * link works; content-hashed assets are cached for good, everything else is revalidated.
 */
import { createReadStream, existsSync, type Stats, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** webpack's `[contenthash]` (hex) in a file name, e.g. `js/app.3f2a9c1b.js`. */
const HASHED = /[.-][0-9a-f]{8,}\.[A-Za-z0-9]+$/;

export function h5IsBuilt(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

type Target = { file: string; stats: Stats; immutable: boolean } | { status: number; text: string };

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  const target = locate(resolve(root), pathname);
  if ('file' in target) sendFile(req, res, target.file, target.stats, target.immutable);
  else sendText(res, target.status, target.text);
}

function locate(base: string, pathname: string): Target {
  let requested: string;
  try {
    requested = decodeURIComponent(pathname);
  } catch {
    return { status: 400, text: 'bad path' };
  }
  const file = resolve(base, `.${requested}`);
  if (file !== base && !file.startsWith(base + sep)) return { status: 404, text: 'not found' };

  const stats = fileStats(file);
  if (stats) return { file, stats, immutable: HASHED.test(file) };
  if (extname(file) !== '') return { status: 404, text: 'not found' };

  const index = join(base, 'index.html');
  const indexStats = fileStats(index);
  if (!indexStats) return { status: 503, text: 'The h5 app is not built yet: run `npm run build:h5`.' };
  return { file: index, stats: indexStats, immutable: false };
}

function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  stats: Stats,
  immutable: boolean,
): void {
  const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  res.setHeader('etag', etag);
  res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('content-type', CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304).end();
    return;
  }
  res.setHeader('content-length', stats.size);
  if (req.method === 'HEAD') {
    res.writeHead(200).end();
    return;
  }
  res.writeHead(200);
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function fileStats(file: string): Stats | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
