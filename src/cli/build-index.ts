/**
 * `npm run build-index [-- --corpus DIR]`: index the articles once and save the snapshot beside
 * them, or at INDEX_SNAPSHOT_PATH. Reads `.env` as `npm start` does, so both agree on where it is.
 */
import { parseArgs } from 'node:util';
import { cliConfig } from './cli-config.js';
import { CORPUS_OPTION, corpusFolder } from './corpus-folder.js';
import { CorpusFolderError } from '../corpus/corpus-folder-error.js';
import { buildSnapshot } from '../search/load-engine.js';
import { describeProblem } from '../corpus/describe-problem.js';

async function main(): Promise<number> {
  // The same `.env` and validation as `npm start`, so that the snapshot is built where the bot looks for it.
  const config = cliConfig('build-index');
  if (config === null) return 1;
  const { values } = parseArgs({ options: CORPUS_OPTION });
  const started = performance.now();
  const { indexed, snapshot } = await buildSnapshot(corpusFolder(values.corpus, config), {}, config.indexSnapshotPath ?? undefined);
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
      `saved ${snapshot.file} (${(snapshot.bytes / 1e6).toFixed(1)} MB).\n`,
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
