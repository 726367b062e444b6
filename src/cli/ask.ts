/** `npm run ask`: the terminal front end over the answer engine. */
import { CorpusFolderError } from '../corpus/corpus-folder-error.js';
import { NO_SNAPSHOT } from '../search/index/snapshot.js';
import { loadEngine } from '../search/load-engine.js';
import type { Engine } from '../search/types.js';
import { ASK_USAGE, AskUsageError, parseAskArguments, type AskArguments } from './ask-arguments.js';
import { cliConfig } from './cli-config.js';
import { corpusFolder } from './corpus-folder.js';
import { parseBatchLine } from './batch-line.js';
import { inputLines } from './input-lines.js';
import { answersToJson, answersToText } from './format-answers.js';
import { describeProblem } from '../corpus/describe-problem.js';

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
  const { engine, problems, snapshotSkipped } = await loadEngine(corpusDir);
  for (const problem of problems) {
    process.stderr.write(`${describeProblem(problem)}\n`);
  }
  if (snapshotSkipped !== null && snapshotSkipped !== NO_SNAPSHOT)
    process.stderr.write(`note: ${snapshotSkipped}; indexed the articles from their files instead\n`);
  const articleIds = new Set(engine.articles.map((article) => article.id));
  if (args.article !== undefined && !articleIds.has(args.article)) {
    process.stderr.write(`ask: there is no article "${args.article}" in ${corpusDir}; known ids: ${[...articleIds].join(', ')}\n`);
    return 2;
  }

  if (args.question !== null) {
    write(answer(engine, args, args.question, args.article, undefined));
    return 0;
  }
  for await (const line of inputLines(process.stdin)) {
    const { question, article, error } = parseBatchLine(line);
    const unknownArticle = article !== undefined && !articleIds.has(article) ? `there is no article "${article}"` : undefined;
    write(answer(engine, args, question, article ?? args.article, error ?? unknownArticle));
  }
  return 0;
}

function answer(engine: Engine, args: AskArguments, question: string, article: string | undefined, error: string | undefined): string {
  const answers = error === undefined ? engine.ask(question, { limit: args.limit, article }) : [];
  if (args.json) return `${answersToJson(question, answers, error)}\n`;
  return error === undefined ? answersToText(question, answers) : `Q: ${question}\n   (skipped: ${error})\n`;
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
