import type { IncomingMessage } from 'node:http';

/** CloudBase's limit for a synchronous call's payload. */
export const BODY_LIMIT_BYTES = 6 * 1024 * 1024;

/**
 * How deeply a body may nest. No event of ours goes past a handful of levels; a body nested thousands deep
 * would overflow the stack where it is copied into a worker or walked by a schema.
 */
export const BODY_MAX_DEPTH = 64;

export class BodyTooLarge extends Error {}
export class BodyNotJson extends Error {}
export class BodyTooDeep extends Error {}

/** Reads and parses a JSON request body; an empty body is `undefined`. */
export async function readJson(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyNotJson();
  }
  if (nestsDeeperThan(value, BODY_MAX_DEPTH)) throw new BodyTooDeep();
  return value;
}

/** Whether a parsed JSON value nests deeper than `limit` (a scalar is 0 deep), walked without recursion. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}
