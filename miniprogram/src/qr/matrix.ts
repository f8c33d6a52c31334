import qrcode from 'qrcode-generator';

/**
 * A QR symbol as rows of modules (`true` = dark), with the 4-module quiet zone around it already added, so
 * whatever draws it only paints cells. Error correction M: a phone screen with a glare or a crack still reads.
 */
export interface QrMatrix {
  /** Modules per side, quiet zone included. */
  size: number;
  rows: readonly (readonly boolean[])[];
}

export const QUIET_ZONE = 4;

/** QR's alphanumeric set: pass payloads (`LL1.<id>.<step>.<code>`) fit it, which keeps the symbol small. */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/** Byte mode takes one character per byte; non-ASCII text goes in as its UTF-8 bytes, as readers expect. */
function utf8Bytes(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out += char;
    else if (code < 0x800) out += String.fromCharCode(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000)
      out += String.fromCharCode(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else
      out += String.fromCharCode(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      );
  }
  return out;
}

export function qrMatrix(payload: string): QrMatrix {
  const symbol = qrcode(0, 'M');
  if (ALPHANUMERIC.test(payload)) symbol.addData(payload, 'Alphanumeric');
  else symbol.addData(utf8Bytes(payload), 'Byte');
  symbol.make();
  const count = symbol.getModuleCount();
  const size = count + QUIET_ZONE * 2;
  const rows: boolean[][] = [];
  for (let y = 0; y < size; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < size; x++) {
      const r = y - QUIET_ZONE;
      const c = x - QUIET_ZONE;
      row.push(r >= 0 && r < count && c >= 0 && c < count && symbol.isDark(r, c));
    }
    rows.push(row);
  }
  return { size, rows };
}

export interface DarkRun {
  /** First dark module of the run. */
  x: number;
  length: number;
}

/** A row as its runs of dark modules: one drawn block per run keeps the node count low and leaves no seams. */
export function darkRuns(row: readonly boolean[]): DarkRun[] {
  const runs: DarkRun[] = [];
  let start = -1;
  row.forEach((dark, x) => {
    if (dark && start < 0) start = x;
    if (!dark && start >= 0) {
      runs.push({ x: start, length: x - start });
      start = -1;
    }
  });
  if (start >= 0) runs.push({ x: start, length: row.length - start });
  return runs;
}
