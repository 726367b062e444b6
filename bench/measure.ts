/** Milliseconds on the monotonic clock. */
export function now(): number {
  return performance.now();
}

/** Wall-clock epoch milliseconds, comparable between a parent and the child it spawned. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Nearest-rank percentile of a list of numbers (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Heap in use after full collections, so garbage from building is not counted. Needs
 * `node --expose-gc`; two passes because one can leave objects that finalisers freed.
 */
export function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Heap, array buffers and RSS after full collections (needs `node --expose-gc`). */
export function memoryAfterGc(): { heapUsed: number; arrayBuffers: number; rss: number } {
  heapAfterGc();
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
  return { heapUsed, arrayBuffers, rss };
}
