import { loadEngine } from '../search/load-engine.js';
import type { EngineLoader } from './engine-holder.js';

/**
 * The real loader: the corpus folder's index snapshot when it matches the files, else the
 * files themselves. Used unless a test injects its own. `onSnapshotSkipped` hears why a
 * snapshot that exists was not used; `snapshotFile` is INDEX_SNAPSHOT_PATH when set.
 */
export function corpusEngineLoader(
  corpusDir: string,
  onSnapshotSkipped: (reason: string) => void = () => {},
  snapshotFile?: string,
): EngineLoader {
  return async () => {
    const { engine, problems, snapshotSkipped } = await loadEngine(corpusDir, {}, snapshotFile);
    if (snapshotSkipped !== null) onSnapshotSkipped(snapshotSkipped);
    return { engine, problems };
  };
}
