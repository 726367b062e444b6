import type { Engine } from '../../src/index.js';
import { engineOver } from '../../src/search/engine.js';
import { indexCorpus, type IndexedCorpus } from '../../src/search/indexed-corpus.js';
import { writeSnapshot } from '../../src/search/index/snapshot.js';
import { loadEngine, snapshotFingerprint } from '../../src/search/load-engine.js';
import type { BenchEngine } from './bench-engine.js';

/**
 * article-qa-bot's engine as the bot builds it: default options over the loaded corpus
 * (`indexCorpus` + `engineOver` is exactly `createEngine`, kept apart so the index can be saved).
 */
export function createOursEngine(): BenchEngine {
  let indexed: IndexedCorpus | null = null;
  let engine: Engine | null = null;
  return {
    name: 'ours',
    build({ corpus }) {
      indexed = indexCorpus(corpus);
      engine = engineOver(indexed);
    },
    async ask(question, limit) {
      if (engine === null) throw new Error('ask before build');
      return (await engine.ask(question, { limit })).answers.map((answer) => answer.text);
    },
    // The bot's own snapshot, saved beside the articles as `npm run build-index` does (without
    // indexing twice) and restored the way the bot starts: `loadEngine(corpusDir)`.
    snapshot: {
      async save({ corpusDir }) {
        if (indexed === null) throw new Error('save before build');
        const { bytes } = await writeSnapshot(corpusDir, indexed, await snapshotFingerprint(corpusDir));
        return bytes;
      },
      async restore({ corpusDir }) {
        const loaded = await loadEngine(corpusDir);
        if (loaded.from !== 'snapshot')
          throw new Error(`the engine built from the files instead of its snapshot: ${loaded.snapshotSkipped ?? 'no reason given'}`);
        engine = loaded.engine;
      },
    },
  };
}
