import { parseArgs } from 'node:util';
import { CORPUS_OPTION, CORPUS_OPTION_USAGE } from './corpus-folder.js';

export interface AskArguments {
  /** `--corpus`, when given; `corpusFolder` decides the folder. */
  readonly corpus: string | undefined;
  readonly article: string | undefined;
  readonly limit: number;
  readonly json: boolean;
  /** Answer by words only: no sentence vectors computed or compared. */
  readonly lexical: boolean;
  /** The question given on the command line, or null to read questions from standard input. */
  readonly question: string | null;
  readonly help: boolean;
}

export const ASK_USAGE = `usage: npm run --silent ask -- [--corpus DIR] [--article ID] [--limit N] [--json] [--lexical] [QUESTION...]

Answers a question from the articles in the corpus folder. With no QUESTION, reads
standard input: one question per line, or a JSON object {"question": "...", "article": "..."}
on a line that starts with "{". A follow-up question adds "context": the earlier turns, oldest
first, each {"question": "...", "passages": [{"article": "...", "paragraph": 1, "sentence": 1}]}
(the passages its answer showed). Sentence vectors the corpus lacks are computed first
(progress on standard error) and kept in VECTOR_CACHE (default data/vector-cache/) for later runs.

${CORPUS_OPTION_USAGE}
  --article ID   answer only from the article with this id (its file name without extension)
  --limit N      passages per question, 1-50 (default: 3)
  --json         one JSON object per question and line on standard output
  --lexical      answer by words only: compute no sentence vectors (as VECTORS=off)
  -h, --help     show this help`;

/** A command line we cannot act on, with the reason to show next to the usage. */
export class AskUsageError extends Error {
  override name = 'AskUsageError';
}

function parseArgsForAsk(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      ...CORPUS_OPTION,
      article: { type: 'string' },
      limit: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
      lexical: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

export function parseAskArguments(argv: readonly string[]): AskArguments {
  let parsed: ReturnType<typeof parseArgsForAsk>;
  try {
    parsed = parseArgsForAsk(argv);
  } catch (error) {
    throw new AskUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
    throw new AskUsageError(`--limit must be a whole number from 1 to 50 (got "${values.limit}")`);
  }
  const question = positionals.join(' ').trim();
  return {
    corpus: values.corpus,
    article: values.article,
    limit,
    json: values.json,
    lexical: values.lexical,
    question: positionals.length === 0 ? null : question,
    help: values.help,
  };
}
