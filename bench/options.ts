import { parseArgs } from 'node:util';
import { ENGINE_NAMES, isEngineName, type EngineName } from './engines/registry.js';

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
}

const FULL: BenchOptions = {
  quick: false,
  sizes: [1, 100, 1_000, 10_000],
  engines: ENGINE_NAMES,
  questions: 500,
  largeQuestions: 200,
  largeFrom: 10_000,
  warmups: 10,
  questionBudgetMs: 10 * 60_000,
  childTimeoutMs: 30 * 60_000,
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

  --quick      CI-sized run: sizes ${QUICK.sizes.join(', ')}; ${QUICK.questions} questions (${QUICK.largeQuestions} from ${QUICK.largeFrom.toLocaleString('en-US')} articles)
  --sizes      corpus sizes in articles of ~30 sentences (default ${FULL.sizes.join(',')})
  --engines    engines to measure (default all: ${ENGINE_NAMES.join(',')})
  --questions  timed questions per engine below the large size (default ${FULL.questions}; ${FULL.largeQuestions} from ${FULL.largeFrom.toLocaleString('en-US')} articles)`;

/** Reads the command line; throws an Error whose message is meant for the person running it. */
export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      engines: { type: 'string' },
      questions: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const base = values.quick ? QUICK : FULL;
  const sizes = values.sizes === undefined ? base.sizes : positiveIntegers(values.sizes, '--sizes');
  const engines = values.engines === undefined ? base.engines : engineNames(values.engines);
  const questions =
    values.questions === undefined ? base.questions : (positiveIntegers(values.questions, '--questions')[0] ?? base.questions);
  return {
    ...base,
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    engines,
    questions,
    largeQuestions: Math.min(base.largeQuestions, questions),
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
