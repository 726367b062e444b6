/**
 * `npm run eval -- --before REF`: the engine as it was at another commit (or in another checkout),
 * asked the same questions of the same halves in the same run, so that "before" and "now" are
 * measured alike. The checkout is found or exported as the bench does it (`bench/before-checkout.ts`);
 * its `createEngine(corpus)` runs with its default options, by words only, over the articles our
 * loader reads today. Its `ask` may be synchronous and return the answers (as at 1a10535) or
 * asynchronous and return an answer set with a confidence (as now).
 */
import { beforeEngineBuilder, isRecord } from '../bench/engines/before.js';
import type { Corpus } from '../src/corpus/types.js';
import type { Confidence } from '../src/search/types.js';
import type { Retrieved, Retriever } from './retriever.js';

/** A retriever over a corpus by the engine of the checkout in `checkoutDir`. Throws when it has no such engine. */
export async function beforeRetrievers(checkoutDir: string): Promise<(corpus: Corpus) => Retriever> {
  const build = await beforeEngineBuilder(checkoutDir);
  return (corpus) => {
    const ask = build(corpus);
    return async (question, limit, article) => {
      const result = await ask(question, { limit, ...(article === undefined ? {} : { article }) });
      const answers = answersOf(result);
      const stated = isRecord(result) && !Array.isArray(result) ? result.confidence : undefined;
      const confidence: Confidence =
        stated === 'high' || stated === 'low' || stated === 'none' ? stated : answers.length === 0 ? 'none' : 'high';
      return { passages: answers, confidence };
    };
  };
}

function answersOf(result: unknown): Retrieved[] {
  const answers = isRecord(result) && !Array.isArray(result) ? result.answers : result;
  if (!Array.isArray(answers)) throw new Error('the engine before answered with neither answers nor an answer set');
  return answers.map((answer: unknown) => {
    const source = isRecord(answer) ? answer.source : undefined;
    if (!isRecord(answer) || !isRecord(source)) throw new Error('an answer of the engine before has no source');
    const { text, passage } = answer;
    const { article, paragraph } = source;
    if (typeof text !== 'string' || typeof passage !== 'string' || typeof article !== 'string' || typeof paragraph !== 'number')
      throw new Error('an answer of the engine before lacks its text, passage, article or paragraph');
    return { articleId: article, paragraph, text, passage };
  });
}
