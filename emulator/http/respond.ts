import type { ServerResponse } from 'node:http';
import { DEFAULT_MESSAGES, type ErrorCode } from '../../shared/errors';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** For bodies that already are JSON (a function's result). */
export function sendJsonText(res: ServerResponse, status: number, json: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  res.end(json);
}

/** The same envelope a function returns, so the app handles both alike. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message = DEFAULT_MESSAGES[code],
): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}
