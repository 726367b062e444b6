/**
 * `npm run build-index [-- --corpus DIR] [--lexical]`: index the articles once and save the
 * snapshot beside them, or at INDEX_SNAPSHOT_PATH, with the sentence vectors (those not in
 * VECTOR_CACHE computed first, with a progress bar) unless VECTORS=off or `--lexical`. Reads
 * `.env` as `npm start` does, so both agree on where it is.
 */
import { parseArgs } from 'node:util';
import { cliConfig } from './cli-config.js';
import { CorpusFolderError } from '../corpus/corpus-folder-error.js';
import { buildSnapshot } from '../search/load-engine.js';
import { describeProblem } from '../corpus/describe-problem.js';
import { SentenceEmbedding } from '../search/vectors/sentence-embedding.js';
import { vectorProgress } from './vector-progress.js';

async function main(): Promise<number> {
  // The same `.env` and validation as `npm start`, so that the snapshot is built where the bot looks for it.
  const config = cliConfig('build-index');
  if (config === null) return 1;
  const { values } = parseArgs({
    options: { corpus: { type: 'string', default: config.corpusDir }, lexical: { type: 'boolean', default: false } },
  });
  const started = performance.now();
  const { vectors } = config;
  const embedding =
    values.lexical || !vectors.enabled
      ? null
      : await SentenceEmbedding.open({ cacheDir: vectors.cacheDir, ...(vectors.workers === null ? {} : { workers: vectors.workers }) });
  if (embedding?.cacheProblem != null)
    process.stderr.write(`build-index: note: ${embedding.cacheProblem}; vectors are computed on every run\n`);
  const { indexed, snapshot } = await buildSnapshot(
    values.corpus,
    {},
    config.indexSnapshotPath ?? undefined,
    embedding === null ? undefined : (fresh) => embedding.savedVectorsFor(fresh, null, vectorProgress('build-index')),
  ).finally(() => embedding?.close());
  for (const problem of indexed.corpus.problems) {
    process.stderr.write(`${describeProblem(problem)}\n`);
  }
  if (!snapshot.saved) {
    process.stderr.write(`build-index: ${snapshot.reason}\n`);
    return 1;
  }
  const sentences = indexed.corpus.articles.reduce((sum, article) => sum + article.sentences.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Indexed ${indexed.corpus.articles.length} articles (${sentences} sentences) in ${seconds} s; ` +
      `saved ${snapshot.file} (${(snapshot.bytes / 1e6).toFixed(1)} MB${embedding === null ? ', without sentence vectors' : ', with sentence vectors'}).\n`,
  );
  process.stdout.write('`npm start` and `npm run ask` now load it while the articles and the analysis stay as they are.\n');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `build-index: ${error instanceof CorpusFolderError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
