import type { Logger } from 'pino';
import { defaultSnapshotFile, NO_SNAPSHOT, readSnapshot } from '../search/index/snapshot.js';
import { buildSnapshot, snapshotFingerprint } from '../search/load-engine.js';
import type { SentenceEmbedding } from '../search/vectors/sentence-embedding.js';

/**
 * Brings the index snapshot up to date before the shards start, so that each loads it instead
 * of indexing the articles itself; with `embedding`, with the sentence vectors too, so that no
 * shard embeds the corpus (the manager is the one process that does; the vectors it computes
 * also go to the shared cache). Never rejects for want of a place to save it: that is logged as
 * a warning, and the shards then index the articles themselves (and read vectors from the
 * cache). Rejects when vectors were asked for and the embedding workers fail. Resolves with
 * whether it built the index again (false: the snapshot was up to date).
 */
export async function ensureShardSnapshot(
  corpusDir: string,
  logger: Logger,
  snapshotFile = defaultSnapshotFile(corpusDir),
  embedding: SentenceEmbedding | null = null,
): Promise<boolean> {
  // Only check the snapshot here: indexing the files to find it stale, then again to save it, was twice the work.
  const snapshot = await readSnapshot(corpusDir, await snapshotFingerprint(corpusDir), {}, snapshotFile);
  if (snapshot.ok && (embedding === null || snapshot.vectors?.model === embedding.embedder.model)) return false;
  if (!snapshot.ok && snapshot.reason !== NO_SNAPSHOT) logger.warn({ corpusDir, reason: snapshot.reason }, 'index snapshot not used');
  const vectorsOf =
    embedding === null
      ? undefined
      : (indexed: Parameters<SentenceEmbedding['savedVectorsFor']>[0]) =>
          embedding.savedVectorsFor(indexed, null, {
            onPlan: (plan) => {
              if (plan.toEmbed > 0) logger.info(plan, 'sentence vectors for the shards: computing those not in the cache');
            },
            onCacheProblem: (problem) => logger.warn({ reason: problem.message }, 'sentence vectors could not be cached'),
          });
  const { snapshot: built } = await buildSnapshot(corpusDir, {}, snapshotFile, vectorsOf);
  // Without a snapshot every shard indexes the articles itself: slower to start, still right.
  if (built.saved) logger.info({ file: built.file, vectors: embedding !== null }, 'built the index snapshot the shards will load');
  else logger.warn({ corpusDir, reason: built.reason }, 'no index snapshot for the shards; each indexes the articles itself');
  return true;
}
