/**
 * Local sign-in: a token is the caller's openid signed with HMAC-SHA256. The key lives in the data dir, so
 * tokens outlive restarts and die with `rm -rf .linli`. Local only: production identity comes from WeChat.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a WeChat openid looks like (28 characters of this alphabet), with room for readable demo ids. */
export const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

export interface SessionSigner {
  issue(openid: string): string;
  /** The openid a valid token was issued for, or undefined. */
  verify(token: string): string | undefined;
}

export function openSessionSigner(dataDir: string): SessionSigner {
  const key = sessionKey(join(dataDir, 'session.key'));
  const sign = (openid: string) => createHmac('sha256', key).update(openid).digest();
  return {
    issue: (openid) => `${Buffer.from(openid).toString('base64url')}.${sign(openid).toString('base64url')}`,
    verify(token) {
      const [encodedOpenid, encodedSignature, extra] = token.split('.');
      if (!encodedOpenid || !encodedSignature || extra !== undefined) return undefined;
      const openid = Buffer.from(encodedOpenid, 'base64url').toString('utf8');
      if (!OPENID.test(openid)) return undefined;
      const given = Buffer.from(encodedSignature, 'base64url');
      const expected = sign(openid);
      return given.length === expected.length && timingSafeEqual(given, expected) ? openid : undefined;
    },
  };
}

function sessionKey(file: string): Buffer {
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  const key = randomBytes(32);
  // `wx` refuses to overwrite a key another process wrote a moment ago.
  try {
    writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }
}
