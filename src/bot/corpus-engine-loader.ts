import { loadEngine } from '../search/load-engine.js';
import type { VectorsForOptions } from '../search/vectors/corpus-vectors.js';
import type { SentenceEmbedding } from '../search/vectors/sentence-embedding.js';
import type { EngineLoader } from './engine-holder.js';

/** Sentence vectors for the engines a loader builds. */
export interface LoaderVectors extends Omit<VectorsForOptions, 'cache'> {
  readonly embedding: SentenceEmbedding;
  /**
   * Under a ShardingManager the manager computes the vectors and saves them in the snapshot: a
   * shard's first load then takes them from there only, never embedding the corpus itself.
   */
  readonly firstLoadFromSnapshotOnly?: boolean;
}

/**
 * The real loader: the corpus folder's index snapshot when it matches the files, else the
 * files themselves. Used unless a test injects its own. `onSnapshotSkipped` hears why a
 * snapshot that exists was not used; `snapshotFile` is INDEX_SNAPSHOT_PATH when set. With
 * `vectors`, each load also offers an engine with sentence vectors (from the snapshot, the
 * cache, or embedded now), until the embedding workers have failed.
 */
export function corpusEngineLoader(
  corpusDir: string,
  onSnapshotSkipped: (reason: string) => void = () => {},
  snapshotFile?: string,
  vectors: LoaderVectors | null = null,
): EngineLoader {
  let loads = 0;
  return async () => {
    const loaded = await loadEngine(corpusDir, {}, snapshotFile);
    if (loaded.snapshotSkipped !== null) onSnapshotSkipped(loaded.snapshotSkipped);
    loads += 1;
    const { engine, problems, indexed, savedVectors } = loaded;
    if (vectors === null || vectors.embedding.failed) return { engine, problems };
    const { embedding, firstLoadFromSnapshotOnly, ...progress } = vectors;
    if (firstLoadFromSnapshotOnly === true && loads === 1 && savedVectors === null) return { engine, problems };
    return { engine, problems, withVectors: () => embedding.engineWithVectors(indexed, savedVectors, {}, progress) };
  };
}
