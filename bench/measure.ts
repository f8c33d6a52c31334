/** Small measuring helpers: run a task N times at a given concurrency and report throughput and latency. */

export interface Measurement {
  name: string;
  ops: number;
  seconds: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
}

export async function measure(
  name: string,
  total: number,
  concurrency: number,
  task: (i: number) => Promise<unknown>,
): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      await task(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { name, ops: total, seconds, opsPerSecond: total / seconds, p50: at(0.5), p99: at(0.99) };
}

export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: (string | number)[]) => r.map((c, i) => String(c).padStart(widths[i] ?? 0)).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}

export const measurementRow = (m: Measurement) => [m.name, m.ops, m.opsPerSecond, m.p50, m.p99];
export const MEASUREMENT_HEADER = ['operation', 'ops', 'ops/s', 'p50 ms', 'p99 ms'];

export function progress(label: string, done: number, total: number): void {
  if (process.stdout.isTTY) process.stdout.write(`\r  ${label} ${done}/${total}   `);
  else if (done === total || done % Math.ceil(total / 5) === 0) console.log(`  ${label} ${done}/${total}`);
}
