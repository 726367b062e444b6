import { corpusEngineLoader } from '../../../src/bot/corpus-engine-loader.js';
import type { EngineLoader } from '../../../src/bot/engine-holder.js';
import type { Engine } from '../../../src/search/types.js';

/**
 * A loader of the real engine over `corpusDir`, except that `ask` throws an Error with the
 * message `failure()` returns whenever it returns one (null: answer normally). For tests of
 * what a failing handler does.
 */
export function failingEngineLoader(corpusDir: string, failure: () => string | null): EngineLoader {
  const load = corpusEngineLoader(corpusDir);
  return async () => {
    const loaded = await load();
    const real = loaded.engine;
    const engine: Engine = {
      articles: real.articles,
      paragraph: (article, paragraph) => real.paragraph(article, paragraph),
      ask: async (question, options) => {
        const message = failure();
        if (message !== null) throw new Error(message);
        return real.ask(question, options);
      },
    };
    return { engine, problems: loaded.problems };
  };
}
