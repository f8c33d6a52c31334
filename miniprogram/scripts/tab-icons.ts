/**
 * Draws the tab bar icons (81 × 81 PNG, WeChat's recommended size) so they need no design tool:
 * `npx tsx miniprogram/scripts/tab-icons.ts`. Unselected icons are outlines, selected ones are filled, so
 * the current tab is shown by shape as well as by colour.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const SAMPLES = 4;
const GREY: Rgb = [0x4e, 0x59, 0x69];
const GREEN: Rgb = [0x0a, 0x6b, 0x4a];
const OUT_DIR = join(__dirname, '..', 'src', 'assets', 'tab');

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];
/** Is this point (in icon pixels) ink? */
type Shape = (x: number, y: number) => boolean;

const segmentDistance = (px: number, py: number, [ax, ay]: Point, [bx, by]: Point) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

const stroke =
  (points: readonly Point[], width: number, closed = false): Shape =>
  (x, y) => {
    const last = closed ? points.length : points.length - 1;
    for (let i = 0; i < last; i++) {
      const a = points[i];
      const b = points[(i + 1) % points.length];
      if (a && b && segmentDistance(x, y, a, b) <= width / 2) return true;
    }
    return false;
  };

const fill =
  (points: readonly Point[]): Shape =>
  (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i] ?? [0, 0];
      const [xj, yj] = points[j] ?? [0, 0];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };

const ring =
  (cx: number, cy: number, r: number, width: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) <= width / 2;
const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) <= r;
const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));
const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);

/** Upper half of an ellipse (shoulders), as points. */
const shoulders = (cx: number, cy: number, rx: number, ry: number): Point[] =>
  Array.from({ length: 33 }, (_, i) => {
    const angle = Math.PI + (i / 32) * Math.PI;
    return [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)] as const;
  });

const HOUSE: Point[] = [
  [12, 40],
  [40.5, 14],
  [69, 40],
  [61, 40],
  [61, 68],
  [20, 68],
  [20, 40],
];
const DOOR: Point[] = [
  [34, 68],
  [34, 50],
  [47, 50],
  [47, 68],
];
const home = stroke(
  [
    [12, 40],
    [40.5, 14],
    [69, 40],
  ],
  6,
);
const homeOutline = union(
  home,
  stroke(
    [
      [20, 36],
      [20, 68],
      [61, 68],
      [61, 36],
    ],
    6,
  ),
  stroke(DOOR, 5),
);
const homeFilled = minus(union(home, fill(HOUSE)), fill(DOOR));

const body = shoulders(40.5, 70, 24, 22);
const meOutline = union(ring(40.5, 26, 11, 6), stroke([...body, body[0] ?? [0, 0]], 6));
const meFilled = union(disc(40.5, 26, 14), fill(body));

/** 我的报名: a sheet with a tick and two lines, outlined or filled with the marks cut out. */
const SHEET: Point[] = [
  [18, 12],
  [63, 12],
  [63, 70],
  [18, 70],
];
const TICK: Point[] = [
  [27, 30],
  [33, 36],
  [44, 24],
];
const LINES = union(
  stroke(
    [
      [28, 48],
      [53, 48],
    ],
    5,
  ),
  stroke(
    [
      [28, 59],
      [47, 59],
    ],
    5,
  ),
);
const mineOutline = union(stroke(SHEET, 6, true), stroke(TICK, 5), LINES);
const mineFilled = minus(fill(SHEET), union(stroke(TICK, 5), LINES));

function png(shape: Shape, [r, g, b]: Rgb): Buffer {
  const rows = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    rows[y * (SIZE * 4 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (shape(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES)) hits++;
      const at = y * (SIZE * 4 + 1) + 1 + x * 4;
      rows.set([r, g, b, Math.round((255 * hits) / (SAMPLES * SAMPLES))], at);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const icons: Record<string, Buffer> = {
  'home.png': png(homeOutline, GREY),
  'home-active.png': png(homeFilled, GREEN),
  'mine.png': png(mineOutline, GREY),
  'mine-active.png': png(mineFilled, GREEN),
  'me.png': png(meOutline, GREY),
  'me-active.png': png(meFilled, GREEN),
};
for (const [name, data] of Object.entries(icons)) writeFileSync(join(OUT_DIR, name), data);
console.log(`wrote ${Object.keys(icons).join(', ')} to ${OUT_DIR}`);
