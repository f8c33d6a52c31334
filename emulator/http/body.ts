import type { IncomingMessage } from 'node:http';

/** CloudBase's limit for a synchronous call's payload. */
export const BODY_LIMIT_BYTES = 6 * 1024 * 1024;

export class BodyTooLarge extends Error {}
export class BodyNotJson extends Error {}

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
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyNotJson();
  }
}
