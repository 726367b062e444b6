import type { Config } from '../config.js';

/** The `--corpus` option of every command that reads or writes the corpus, for `parseArgs`. */
export const CORPUS_OPTION = { corpus: { type: 'string' } } as const;

/** How every command's usage describes `--corpus`. */
export const CORPUS_OPTION_USAGE = '  --corpus DIR   the corpus folder (default: CORPUS_DIR, else corpus/)';

/**
 * The corpus folder a command works on, the same for every command: `--corpus`, else
 * `CORPUS_DIR` (from the environment or `.env`, as `cliConfig` read it), else `corpus/`.
 */
export function corpusFolder(flag: string | undefined, config: Pick<Config, 'corpusDir'>): string {
  return flag ?? config.corpusDir;
}
