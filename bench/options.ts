import { parseArgs } from 'node:util';
import { DEFAULT_ENGINES, ENGINE_NAMES, isEngineName, type EngineName } from './engines/registry.js';

export interface BenchOptions {
  readonly quick: boolean;
  readonly sizes: readonly number[];
  readonly engines: readonly EngineName[];
  /** Timed questions per engine at sizes below `largeFrom`. */
  readonly questions: number;
  /** Timed questions per engine from `largeFrom` articles up: plain MiniSearch takes ~1 s a question there. */
  readonly largeQuestions: number;
  readonly largeFrom: number;
  /** Untimed questions asked first, so p50/p99 are not the JIT's first impressions. */
  readonly warmups: number;
  /** Time one engine may spend on its timed questions at one size; p50/p99 then cover those asked. */
  readonly questionBudgetMs: number;
  /** A child that has not reported by then is stopped and its row says timeout. */
  readonly childTimeoutMs: number;
  /** `--before`: the commit or checkout of the engine to compare against (engine `before`), or null. */
  readonly before: string | null;
  /** `--vector-cache`: where `ours-meaning` finds the corpus's vectors (filled before the children run). */
  readonly vectorCacheDir: string;
}

/** The bench's own vector cache: apart from the bot's (`VECTOR_CACHE`), which the bench's texts would only fill. */
export const BENCH_VECTOR_CACHE = 'data/bench-vector-cache';

const FULL: BenchOptions = {
  quick: false,
  sizes: [1, 100, 1_000, 10_000],
  engines: DEFAULT_ENGINES,
  questions: 500,
  largeQuestions: 200,
  largeFrom: 10_000,
  warmups: 10,
  questionBudgetMs: 10 * 60_000,
  childTimeoutMs: 30 * 60_000,
  before: null,
  vectorCacheDir: BENCH_VECTOR_CACHE,
};

// CI-sized: well under two minutes on 2 shared cores.
const QUICK: BenchOptions = {
  ...FULL,
  quick: true,
  sizes: [1, 100, 1_000],
  questions: 100,
  largeQuestions: 50,
  largeFrom: 1_000,
  warmups: 5,
  questionBudgetMs: 30_000,
  childTimeoutMs: 2 * 60_000,
};

export const USAGE = `npm run bench -- [--quick] [--sizes 1,100,1000,10000] [--engines ${ENGINE_NAMES.join(',')}] [--questions N]
                       [--before COMMIT|FOLDER] [--vector-cache DIR]

  --quick         CI-sized run: sizes ${QUICK.sizes.join(', ')}; ${QUICK.questions} questions (${QUICK.largeQuestions} from ${QUICK.largeFrom.toLocaleString('en-US')} articles)
  --sizes         corpus sizes in articles of ~30 sentences (default ${FULL.sizes.join(',')})
  --engines       engines to measure (default ${DEFAULT_ENGINES.join(',')}; before is added by --before)
  --questions     timed questions per engine below the large size (default ${FULL.questions}; ${FULL.largeQuestions} from ${FULL.largeFrom.toLocaleString('en-US')} articles)
  --before        the engine to compare against, side by side and as ratios: a commit (exported once
                  with git archive to the temporary folder) or a folder holding a checkout
  --vector-cache  where ours-meaning's sentence vectors are kept (default ${BENCH_VECTOR_CACHE}); texts
                  missing there are embedded by the model before the engines run: slow the first time`;

/** Reads the command line; throws an Error whose message is meant for the person running it. */
export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      engines: { type: 'string' },
      questions: { type: 'string' },
      before: { type: 'string' },
      'vector-cache': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const base = values.quick ? QUICK : FULL;
  const sizes = values.sizes === undefined ? base.sizes : positiveIntegers(values.sizes, '--sizes');
  const before = values.before ?? null;
  const listed = values.engines === undefined ? base.engines : engineNames(values.engines);
  if (before === null && listed.includes('before')) throw new Error('--engines before needs --before COMMIT or --before FOLDER');
  const engines: readonly EngineName[] = before === null || listed.includes('before') ? listed : ['before', ...listed];
  const questions =
    values.questions === undefined ? base.questions : (positiveIntegers(values.questions, '--questions')[0] ?? base.questions);
  return {
    ...base,
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    engines,
    questions,
    largeQuestions: Math.min(base.largeQuestions, questions),
    before,
    vectorCacheDir: values['vector-cache'] ?? base.vectorCacheDir,
  };
}

/** Timed questions at one corpus size. */
export function questionsAt(options: BenchOptions, articles: number): number {
  return articles >= options.largeFrom ? options.largeQuestions : options.questions;
}

function positiveIntegers(text: string, flag: string): number[] {
  const numbers = text.split(',').map((part) => Number(part.trim().replace(/_/gu, '')));
  if (numbers.length === 0 || numbers.some((value) => !Number.isInteger(value) || value < 1))
    throw new Error(`${flag} takes positive whole numbers separated by commas, got "${text}"`);
  return numbers;
}

function engineNames(text: string): EngineName[] {
  const names = text.split(',').map((part) => part.trim());
  const unknown = names.filter((name) => !isEngineName(name));
  if (unknown.length > 0) throw new Error(`unknown engine ${unknown.join(', ')}; choose from ${ENGINE_NAMES.join(', ')}`);
  return [...new Set(names.filter(isEngineName))];
}
