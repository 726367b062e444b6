import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchEngine } from './bench-engine.js';

type Callable = (...args: unknown[]) => unknown;

/**
 * article-qa-bot as it was at another commit: its `createEngine(corpus)` (default options, words
 * only), imported from the `src/` of a checkout of that commit (`before-checkout.ts`), so that
 * one run measures the engine before a change beside the engine after it, on the same corpus as
 * this checkout's loader reads it. Its `ask` may be synchronous and return the answers (as at
 * 1a10535) or asynchronous and return an answer set (as now). Snapshots: n/a.
 */
export async function createBeforeEngine(checkoutDir: string): Promise<BenchEngine> {
  const build = await beforeEngineBuilder(checkoutDir);
  let ask: BeforeAsk | null = null;
  return {
    name: 'before',
    build({ corpus }) {
      ask = build(corpus);
    },
    async ask(question, limit) {
      if (ask === null) throw new Error('ask before build');
      return answerTexts(await ask(question, { limit }));
    },
  };
}

/** The `ask` of an engine of another commit: what it returns is read by `answerTexts` or its like. */
export type BeforeAsk = (question: string, options: { readonly limit: number; readonly article?: string }) => unknown;

/**
 * The `createEngine(corpus)` of the checkout in `checkoutDir`, imported from its `src/`, as a
 * function giving each engine's `ask`. Throws, naming the file, when there is no such engine.
 */
export async function beforeEngineBuilder(checkoutDir: string): Promise<(corpus: unknown) => BeforeAsk> {
  const file = join(checkoutDir, 'src/search/engine.ts');
  const module: unknown = await import(pathToFileURL(file).href);
  const createEngine = isRecord(module) ? module.createEngine : undefined;
  if (!isCallable(createEngine)) throw new Error(`${file} exports no createEngine function`);
  return (corpus) => {
    const engine = createEngine(corpus);
    const ask = isRecord(engine) ? engine.ask : undefined;
    if (!isCallable(ask)) throw new Error(`createEngine from ${file} returned no engine with an ask method`);
    return (question, options) => ask.call(engine, question, options);
  };
}

/** The sentence texts of what an `ask` returned: answers, or an answer set holding them. */
export function answerTexts(result: unknown): string[] {
  const answers = isRecord(result) && !Array.isArray(result) ? result.answers : result;
  if (!Array.isArray(answers)) throw new Error('the engine before answered with neither answers nor an answer set');
  return answers.map((answer: unknown) => {
    const text = isRecord(answer) ? answer.text : undefined;
    if (typeof text !== 'string') throw new Error('an answer of the engine before has no text');
    return text;
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCallable(value: unknown): value is Callable {
  return typeof value === 'function';
}
