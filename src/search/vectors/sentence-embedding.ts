import { engineOver } from '../engine.js';
import type { IndexedCorpus } from '../indexed-corpus.js';
import type { EngineOptions } from '../options.js';
import type { Engine } from '../types.js';
import { computeVectors, corpusVectorsOf, type SavedVectors, type VectorsForOptions, vectorsFit } from './corpus-vectors.js';
import { EmbeddingPool, type EmbeddingPoolOptions } from './embedding-pool.js';
import { ProjectedEmbedder, type Projection } from './projection.js';
import type { CorpusVectors, TextEmbedder } from './sentence-vectors.js';
import { VectorCache } from './vector-cache.js';

export interface SentenceEmbeddingSettings extends EmbeddingPoolOptions {
  /** The folder of the vector cache (`VECTOR_CACHE`); null keeps no cache, so every run embeds everything. */
  readonly cacheDir: string | null;
  /**
   * A fixed projection to fewer dimensions (PCA, `projection.ts`) applied to every vector; the
   * model id then names it, so its vectors are cached and saved apart. Default: none (512).
   */
  readonly projection?: Projection | null;
}

/**
 * Everything needed to give a corpus sentence vectors: the worker pool that embeds (the model is
 * loaded in worker threads, once each) and the cache of vectors already computed. One per
 * process; `close()` stops the workers. What the bot, `npm run ask`, `build-index` and the
 * training and evaluation scripts use:
 *
 *     const embedding = await SentenceEmbedding.open({ cacheDir: 'data/vector-cache' });
 *     const vectors = await embedding.vectorsFor(indexed, { onProgress });
 *     const engine = engineOver(indexed, options, vectors);
 *     ...
 *     await embedding.close();
 */
export class SentenceEmbedding {
  /** The worker threads that run the model. */
  readonly pool: EmbeddingPool;
  /** What vectors are made with: the pool, or the pool through the projection. */
  readonly embedder: TextEmbedder;
  readonly cache: VectorCache | null;
  /** Why the cache could not be opened (the vectors are then computed every run), or null. */
  readonly cacheProblem: string | null;

  private constructor(pool: EmbeddingPool, embedder: TextEmbedder, cache: VectorCache | null, cacheProblem: string | null) {
    this.pool = pool;
    this.embedder = embedder;
    this.cache = cache;
    this.cacheProblem = cacheProblem;
  }

  /** Never rejects for the cache: a cache that cannot be opened is `cacheProblem`, and no cache is used. */
  static async open(settings: SentenceEmbeddingSettings): Promise<SentenceEmbedding> {
    const pool = new EmbeddingPool(settings);
    const embedder = settings.projection == null ? pool : new ProjectedEmbedder(pool, settings.projection);
    if (settings.cacheDir === null) return new SentenceEmbedding(pool, embedder, null, null);
    try {
      return new SentenceEmbedding(pool, embedder, await VectorCache.open(settings.cacheDir, embedder.model, embedder.dimensions), null);
    } catch (error) {
      return new SentenceEmbedding(pool, embedder, null, error instanceof Error ? error.message : String(error));
    }
  }

  /** True once the workers have failed: vectors cannot be had until the process restarts. */
  get failed(): boolean {
    return this.pool.failure !== null;
  }

  /** The corpus's sentence and title vectors (cached ones read, the rest embedded and cached). */
  async vectorsFor(indexed: IndexedCorpus, options: Omit<VectorsForOptions, 'cache'> = {}): Promise<CorpusVectors> {
    return corpusVectorsOf(await this.savedVectorsFor(indexed, null, options), this.embedder);
  }

  /** `saved` when it fits the corpus and this model, else the vectors computed as `vectorsFor` does; without the question side. */
  savedVectorsFor(
    indexed: IndexedCorpus,
    saved: SavedVectors | null,
    options: Omit<VectorsForOptions, 'cache'> = {},
  ): Promise<SavedVectors> {
    if (saved !== null && vectorsFit(saved, indexed, this.embedder)) return Promise.resolve(saved);
    return computeVectors(indexed, this.embedder, { ...options, cache: this.cache });
  }

  /**
   * An engine over `indexed` that compares meaning too: with `saved` (from a snapshot) when they
   * fit, else with vectors computed now. Rejects when the model cannot run, so that the caller
   * keeps answering by words: a model that cannot load is found here, not at the first question.
   */
  async engineWithVectors(
    indexed: IndexedCorpus,
    saved: SavedVectors | null,
    engineOptions: EngineOptions = {},
    options: Omit<VectorsForOptions, 'cache'> = {},
  ): Promise<Engine> {
    const vectors = await this.savedVectorsFor(indexed, saved, options);
    await this.pool.warmUp();
    return engineOver(indexed, engineOptions, corpusVectorsOf(vectors, this.embedder));
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
