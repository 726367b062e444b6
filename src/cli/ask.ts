/** `npm run ask`: the terminal front end over the answer engine. */
import type { VectorConfig } from '../config.js';
import { CorpusFolderError } from '../corpus/corpus-folder-error.js';
import { NO_SNAPSHOT } from '../search/index/snapshot.js';
import { type LoadedEngine, loadEngine } from '../search/load-engine.js';
import { SentenceEmbedding } from '../search/vectors/sentence-embedding.js';
import type { AnswerSet, Engine } from '../search/types.js';
import { ASK_USAGE, AskUsageError, parseAskArguments, type AskArguments } from './ask-arguments.js';
import { cliConfig } from './cli-config.js';
import { corpusFolder } from './corpus-folder.js';
import { type BatchQuestion, parseBatchLine } from './batch-line.js';
import { inputLines } from './input-lines.js';
import { answersToJson, answersToText } from './format-answers.js';
import { describeProblem } from '../corpus/describe-problem.js';
import { vectorProgress } from './vector-progress.js';

const NOT_ASKED: AnswerSet = { answers: [], confidence: 'none', probability: null };

async function main(argv: readonly string[]): Promise<number> {
  let args: AskArguments;
  try {
    args = parseAskArguments(argv);
  } catch (error) {
    if (!(error instanceof AskUsageError)) throw error;
    process.stderr.write(`ask: ${error.message}\n\n${ASK_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${ASK_USAGE}\n`);
    return 0;
  }

  const config = cliConfig('ask');
  if (config === null) return 2;
  const corpusDir = corpusFolder(args.corpus, config);
  const loaded = await loadEngine(corpusDir);
  const { problems, snapshotSkipped } = loaded;
  for (const problem of problems) {
    process.stderr.write(`${describeProblem(problem)}\n`);
  }
  if (snapshotSkipped !== null && snapshotSkipped !== NO_SNAPSHOT)
    process.stderr.write(`note: ${snapshotSkipped}; indexed the articles from their files instead\n`);
  const articleIds = new Set(loaded.engine.articles.map((article) => article.id));
  if (args.article !== undefined && !articleIds.has(args.article)) {
    process.stderr.write(`ask: there is no article "${args.article}" in ${corpusDir}; known ids: ${[...articleIds].join(', ')}\n`);
    return 2;
  }
  const embedding = args.lexical || !config.vectors.enabled ? null : await openEmbedding(config.vectors);
  try {
    return await answerAll(embedding === null ? loaded.engine : await engineWithVectors(loaded, embedding), args, articleIds);
  } finally {
    await embedding?.close();
  }
}

async function openEmbedding(config: VectorConfig): Promise<SentenceEmbedding> {
  const embedding = await SentenceEmbedding.open({
    cacheDir: config.cacheDir,
    ...(config.workers === null ? {} : { workers: config.workers }),
  });
  if (embedding.cacheProblem !== null) process.stderr.write(`ask: note: ${embedding.cacheProblem}; vectors are computed on every run\n`);
  return embedding;
}

/** The engine with sentence vectors; the one that answers by words, after one line saying why, when they cannot be had. */
async function engineWithVectors(loaded: LoadedEngine, embedding: SentenceEmbedding): Promise<Engine> {
  try {
    return await embedding.engineWithVectors(loaded.indexed, loaded.savedVectors, {}, vectorProgress('ask'));
  } catch (error) {
    process.stderr.write(
      `ask: sentence vectors are off (${error instanceof Error ? error.message : String(error)}); answering by words only (--lexical skips them)\n`,
    );
    return loaded.engine;
  }
}

async function answerAll(engine: Engine, args: AskArguments, articleIds: ReadonlySet<string>): Promise<number> {
  if (args.question !== null) {
    write(await answer(engine, args, { question: args.question, article: args.article, context: undefined, error: undefined }));
    return 0;
  }
  for await (const line of inputLines(process.stdin)) {
    const asked = parseBatchLine(line);
    const { article } = asked;
    const unknownArticle = article !== undefined && !articleIds.has(article) ? `there is no article "${article}"` : undefined;
    write(await answer(engine, args, { ...asked, article: article ?? args.article, error: asked.error ?? unknownArticle }));
  }
  return 0;
}

async function answer(engine: Engine, args: AskArguments, { question, article, context, error }: BatchQuestion): Promise<string> {
  const found = error === undefined ? await engine.ask(question, { limit: args.limit, article, context }) : NOT_ASKED;
  if (args.json) return `${answersToJson(question, found, error)}\n`;
  return error === undefined ? answersToText(question, found) : `Q: ${question}\n   (skipped: ${error})\n`;
}

function write(text: string): void {
  process.stdout.write(text);
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `ask: ${error instanceof CorpusFolderError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
