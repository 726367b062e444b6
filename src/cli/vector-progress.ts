import type { VectorsForOptions } from '../search/vectors/corpus-vectors.js';

/** Where progress goes: standard error, drawn as a bar only when it is a terminal. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/** How often, at most, the bar is redrawn. */
const REDRAW_MS = 100;
const BAR_WIDTH = 30;

/**
 * Progress of computing a corpus's sentence vectors, for a terminal command (`ask`,
 * `build-index`, and the training and evaluation scripts): on a terminal, a bar redrawn in
 * place with the count and the time left; elsewhere (a pipe, a CI log) one plain line before and
 * one after. Nothing at all when every vector was in the cache.
 */
export function vectorProgress(command: string, stream: ProgressStream = process.stderr): Omit<VectorsForOptions, 'cache'> {
  const tty = stream.isTTY === true;
  let started = 0;
  let lastDrawn = 0;
  return {
    onPlan: ({ texts, cached, toEmbed }) => {
      if (toEmbed === 0) return;
      started = performance.now();
      stream.write(
        `${command}: computing sentence vectors for ${count(toEmbed)} of ${count(texts)} sentences and titles (${count(cached)} from the cache); ` +
          'a first run over a new corpus is slow once, later runs read them from the cache\n',
      );
    },
    onProgress: (done, total) => {
      const now = performance.now();
      if (done === total) {
        if (tty) stream.write(`\r${' '.repeat(Math.max(0, Math.min(stream.columns || 80, 100) - 1))}\r`);
        stream.write(`${command}: computed ${count(total)} sentence vectors in ${seconds(now - started)}\n`);
        return;
      }
      if (!tty || now - lastDrawn < REDRAW_MS) return;
      lastDrawn = now;
      const share = done / total;
      const filled = Math.round(share * BAR_WIDTH);
      const left = done === 0 ? '' : ` · ${seconds(((now - started) / done) * (total - done))} left`;
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${count(done)} / ${count(total)} sentence vectors${left} `);
    },
    onCacheProblem: (problem) => stream.write(`${command}: note: ${problem.message}; the next run computes these vectors again\n`),
  };
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function seconds(ms: number): string {
  const total = Math.round(ms / 1000);
  return total < 60 ? `${total} s` : `${Math.floor(total / 60)} min ${total % 60} s`;
}
