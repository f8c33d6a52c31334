/**
 * Check-in passes. A confirmed registration gets a secret once; from then on the phone derives a new code every
 * 30 seconds by itself (RFC 6238 style: HMAC of the time step), with no network. The server recomputes it and
 * accepts the current step or one either side, so a screenshot is useless within a minute, and a code made
 * for one registration's secret proves nothing about any other.
 *
 * The QR payload is `LL1.<passId>.<step>.<code>`, all in QR's alphanumeric set so the symbol stays small.
 */
import { hmacSha256 } from './sha256';

export const PASS_STEP_SECONDS = 30;
/** Longer than any real payload (about 30 characters): anything past this is not a pass. */
export const PASS_MAX_LENGTH = 64;

/** Crockford's base32: digits and capitals without I, L, O, U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;
const PAYLOAD = /^LL1\.([0-9A-HJKMNP-TV-Z]{10})\.([0-9A-HJKMNP-TV-Z]{1,8})\.([0-9A-HJKMNP-TV-Z]{10})$/;

export const stepAt = (ms: number): number => Math.floor(ms / 1000 / PASS_STEP_SECONDS);

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function toBase32(bytes: Uint8Array, length: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

const encodeStep = (step: number): string => {
  let out = '';
  let n = step;
  do {
    out = ALPHABET[n % 32] + out;
    n = Math.floor(n / 32);
  } while (n > 0);
  return out;
};

const decodeStep = (text: string): number => [...text].reduce((n, ch) => n * 32 + ALPHABET.indexOf(ch), 0);

/** The code for one time step: 50 bits of HMAC-SHA-256(secret, step as 8 big-endian bytes). */
export function passCode(secretHex: string, step: number): string {
  const message = new Uint8Array(8);
  const view = new DataView(message.buffer);
  view.setUint32(0, Math.floor(step / 0x100000000));
  view.setUint32(4, step >>> 0);
  return toBase32(hmacSha256(hexToBytes(secretHex), message), CODE_LENGTH);
}

/** What the phone shows as a QR code at `nowMs`. */
export function passPayload(passId: string, secretHex: string, nowMs: number): string {
  const step = stepAt(nowMs);
  return `LL1.${passId}.${encodeStep(step)}.${passCode(secretHex, step)}`;
}

export interface ParsedPass {
  passId: string;
  step: number;
  code: string;
}

export function parsePayload(payload: string): ParsedPass | null {
  const match = PAYLOAD.exec(payload.trim().toUpperCase());
  if (!match) return null;
  const [, passId, step, code] = match as unknown as [string, string, string, string];
  return { passId, step: decodeStep(step), code };
}

/** Compares in time independent of where the strings differ, so timing reveals nothing about the code. */
function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type PassVerdict = 'valid' | 'expired' | 'invalid';

/**
 * `valid` for the right code of the current step or one either side; `expired` for a right code of an older
 * step (a screenshot); `invalid` for anything else, including codes from the future.
 */
export function verifyPass(secretHex: string, pass: ParsedPass, nowMs: number): PassVerdict {
  if (!sameCode(passCode(secretHex, pass.step), pass.code)) return 'invalid';
  const now = stepAt(nowMs);
  if (pass.step < now - 1) return 'expired';
  if (pass.step > now + 1) return 'invalid';
  return 'valid';
}

/** A random pass id from random bytes (the caller supplies the randomness: crypto on the server). */
export const passIdFrom = (random: Uint8Array): string => toBase32(random, 10);
