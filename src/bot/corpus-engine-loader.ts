import { createEngine, loadCorpus } from '../index.js';
import type { EngineLoader } from './engine-holder.js';

/** The real loader: read the corpus folder, index it. Used unless a test injects its own. */
export function corpusEngineLoader(corpusDir: string): EngineLoader {
  return async () => {
    const corpus = await loadCorpus(corpusDir);
    return { engine: createEngine(corpus), problems: corpus.problems };
  };
}
