// Measuring helpers the benchmarks share (bench layer, never imported by src/): a settled heap,
// the median and spread of repeated timings, CPU time beside wall time, and a least-squares slope.
// The printed line every scenario returns is declared here too.
import { loadavg } from 'node:os';

/** One printed JSON line: the figures every scenario gives, then its own. */
export interface Line {
  readonly scenario: string;
  readonly nodes: number;
  readonly virtualSeconds: number;
  readonly wallMs: number;
  readonly events: number;
  readonly virtualSecondsPerWallSecond: number;
  readonly heapMB: number;
  readonly [extra: string]: unknown;
}

export const round = (x: number, digits = 1): number => Number(x.toFixed(digits));

/** Two full collections, so what is left is what something still holds. */
export function collect(): void {
  if (!globalThis.gc) throw new Error('run with node --expose-gc (npm run bench does)');
  globalThis.gc();
  globalThis.gc();
}

export const heapMB = (): number => {
  collect();
  return round(process.memoryUsage().heapUsed / 2 ** 20, 2);
};

export const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Min, median and max, the way a noisy machine's figures should be quoted. */
export function spread(
  xs: readonly number[],
  digits = 2,
): { min: number; median: number; max: number } {
  return {
    min: round(Math.min(...xs), digits),
    median: round(median(xs), digits),
    max: round(Math.max(...xs), digits),
  };
}

export const loadAverage = (): number => round(loadavg()[0]!, 2);

/**
 * Wall and CPU milliseconds of `body`. CPU time (user + system of this process) is what the
 * code cost; wall time also counts waiting for a core, which a busy 2-core machine adds.
 */
export function clocked<T>(body: () => T): { result: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = body();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { result, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/**
 * The least-squares slope of ys over xs. Example: heap samples 10, 12, 14 MB at minutes 1, 2,
 * 3 → 2 MB per minute.
 */
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
