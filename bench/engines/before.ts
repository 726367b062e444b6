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
  const file = join(checkoutDir, 'src/search/engine.ts');
  const module: unknown = await import(pathToFileURL(file).href);
  const createEngine = isRecord(module) ? module.createEngine : undefined;
  if (!isCallable(createEngine)) throw new Error(`${file} exports no createEngine function`);
  let asker: { readonly engine: unknown; readonly ask: Callable } | null = null;
  return {
    name: 'before',
    build({ corpus }) {
      const engine = createEngine(corpus);
      const found = isRecord(engine) ? engine.ask : undefined;
      if (!isCallable(found)) throw new Error(`createEngine from ${file} returned no engine with an ask method`);
      asker = { engine, ask: found };
    },
    async ask(question, limit) {
      if (asker === null) throw new Error('ask before build');
      return answerTexts(await asker.ask.call(asker.engine, question, { limit }));
    },
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCallable(value: unknown): value is Callable {
  return typeof value === 'function';
}
