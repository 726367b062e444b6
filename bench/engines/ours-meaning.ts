import type { Engine } from '../../src/index.js';
import { engineOver } from '../../src/search/engine.js';
import { indexCorpus } from '../../src/search/indexed-corpus.js';
import { computeVectors, corpusVectorsOf, type SavedVectors } from '../../src/search/vectors/corpus-vectors.js';
import { SentenceEmbedding } from '../../src/search/vectors/sentence-embedding.js';
import type { TextEmbedder } from '../../src/search/vectors/sentence-vectors.js';
import { heapAfterGc, now } from '../measure.js';
import { standInEmbedder } from '../stand-in-vectors.js';
import type { BenchEngine, BuildDetails } from './bench-engine.js';

/** Where the corpus's vectors come from: the model's, read from a cache filled beforehand, or stand-ins. */
export type VectorSource = { readonly kind: 'cache'; readonly cacheDir: string } | { readonly kind: 'stand-in' };

/**
 * article-qa-bot comparing meaning as well as words, as the bot answers once its vectors are
 * ready: `engineOver(indexed, {}, vectors)` with the corpus's sentence vectors, every question
 * embedded by the real model in the embedding pool's worker thread (part of the question's time,
 * as in the bot). The corpus's vectors are the model's from the cache (`bench/run.ts` fills it
 * before any child starts; a text missing from it fails the row rather than be embedded here), or
 * stand-ins (`stand-in-vectors.ts`) where the model would take hours: they cost the same to
 * search but find arbitrary sentences. Snapshots: n/a (`npm run bench -- --vectors` measures the
 * snapshot with vectors).
 */
export function createOursMeaningEngine(source: VectorSource): BenchEngine {
  let embedding: SentenceEmbedding | null = null;
  let engine: Engine | null = null;
  const embedMs: number[] = [];
  const failure = (): Error | null => {
    const problem = embedding?.pool.failure ?? null;
    return problem === null ? null : new Error(`the embedding pool failed, so the engine answered by words only: ${problem.message}`);
  };
  return {
    name: source.kind === 'cache' ? 'ours-meaning' : 'ours-meaning-stand-in',
    async build({ corpus }): Promise<BuildDetails> {
      let start = now();
      const indexed = indexCorpus(corpus);
      const indexMs = now() - start;

      const opened = await SentenceEmbedding.open({ cacheDir: source.kind === 'cache' ? source.cacheDir : null });
      embedding = opened;
      if (opened.cacheProblem !== null) throw new Error(`the vector cache cannot be read: ${opened.cacheProblem}`);
      start = now();
      const saved: SavedVectors =
        source.kind === 'cache'
          ? await opened.savedVectorsFor(indexed, null, {
              onPlan: (plan) => {
                if (plan.toEmbed > 0)
                  throw new Error(
                    `${plan.toEmbed} of the corpus's ${plan.texts} texts are not in the vector cache; bench/run.ts fills it first`,
                  );
              },
            })
          : await computeVectors(indexed, standInEmbedder(opened.embedder.model, opened.embedder.dimensions));
      const vectorsMs = now() - start;

      // The model's worker: loaded before the first question, as the bot does (`engineWithVectors`).
      const rssBefore = rssAfterGc();
      start = now();
      await opened.pool.warmUp();
      await opened.embedder.embed(['What does the worker hold once it has embedded a question?']);
      const modelMs = now() - start;
      const modelRssBytes = rssAfterGc() - rssBefore;

      engine = engineOver(indexed, {}, corpusVectorsOf(saved, timed(opened.embedder, embedMs)));
      return { phasesMs: { index: indexMs, vectors: vectorsMs, model: modelMs }, modelRssBytes };
    },
    async ask(question, limit) {
      if (engine === null) throw new Error('ask before build');
      const { answers } = await engine.ask(question, { limit });
      const failed = failure();
      if (failed !== null) throw failed;
      return answers.map((answer) => answer.text);
    },
    questionPartsMs: () => ({ 'question embedding': embedMs }),
    close: async () => {
      await embedding?.close();
    },
  };
}

/** `embedder`, with the time of each call of one text (a question) added to `times`. */
function timed(embedder: TextEmbedder, times: number[]): TextEmbedder {
  return {
    model: embedder.model,
    dimensions: embedder.dimensions,
    async embed(texts, onProgress) {
      const start = now();
      const vectors = await embedder.embed(texts, onProgress);
      if (texts.length === 1) times.push(now() - start);
      return vectors;
    },
  };
}

function rssAfterGc(): number {
  heapAfterGc();
  return process.memoryUsage().rss;
}
