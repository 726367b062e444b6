import type { Logger } from 'pino';
import { defaultSnapshotFile, NO_SNAPSHOT, readSnapshot } from '../search/index/snapshot.js';
import { buildSnapshot, snapshotFingerprint } from '../search/load-engine.js';

/**
 * Brings the index snapshot up to date before the shards start, so that each loads it instead
 * of indexing the articles itself. Never rejects for want of a place to save it: that is
 * logged as a warning, and the shards then index the articles themselves.
 */
export async function ensureShardSnapshot(corpusDir: string, logger: Logger, snapshotFile = defaultSnapshotFile(corpusDir)): Promise<void> {
  // Only check the snapshot here: indexing the files to find it stale, then again to save it, was twice the work.
  const snapshot = await readSnapshot(corpusDir, await snapshotFingerprint(corpusDir), {}, snapshotFile);
  if (snapshot.ok) return;
  if (snapshot.reason !== NO_SNAPSHOT) logger.warn({ corpusDir, reason: snapshot.reason }, 'index snapshot not used');
  const { snapshot: built } = await buildSnapshot(corpusDir, {}, snapshotFile);
  // Without a snapshot every shard indexes the articles itself: slower to start, still right.
  if (built.saved) logger.info({ file: built.file }, 'built the index snapshot the shards will load');
  else logger.warn({ corpusDir, reason: built.reason }, 'no index snapshot for the shards; each indexes the articles itself');
}
