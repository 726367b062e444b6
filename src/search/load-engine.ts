import { corpusFingerprint } from '../corpus/fingerprint.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import type { CorpusProblem } from '../corpus/types.js';
import { analysisFingerprint } from './index/analysis-fingerprint.js';
import { engineOver } from './engine.js';
import { indexCorpusInSlices, type IndexedCorpus } from './indexed-corpus.js';
import type { EngineOptions } from './options.js';
import { describeFsError } from '../corpus/fs-error.js';
import { defaultSnapshotFile, readSnapshot, writeSnapshot } from './index/snapshot.js';
import type { Engine } from './types.js';
import type { SavedVectors } from './vectors/corpus-vectors.js';

export interface LoadedEngine {
  readonly engine: Engine;
  readonly problems: readonly CorpusProblem[];
  /** Where the index came from: the saved snapshot, or the article files just now. */
  readonly from: 'snapshot' | 'files';
  /** Why the snapshot was not used, when it was not. */
  readonly snapshotSkipped: string | null;
  /** The index the engine answers from: another engine over it (one with sentence vectors) costs no indexing. */
  readonly indexed: IndexedCorpus;
  /** The sentence vectors the snapshot was saved with, or null. */
  readonly savedVectors: SavedVectors | null;
}

/** The fingerprint a snapshot of `dir` must carry: its files, and the analysis that indexes them. */
export async function snapshotFingerprint(dir: string): Promise<string> {
  return `${await corpusFingerprint(dir)}:${analysisFingerprint()}`;
}

/**
 * An engine over the articles in `dir` that answers by words: from its index snapshot when that
 * matches the files and the analysis, else built from the files (and `snapshotSkipped` says
 * why). Indexing runs in slices, so that a bot reloading its corpus keeps answering with the old
 * engine meanwhile. The snapshot's sentence vectors, if any, come with it (`savedVectors`) for
 * `SentenceEmbedding.engineWithVectors`.
 */
export async function loadEngine(dir: string, options: EngineOptions = {}, snapshotFile = defaultSnapshotFile(dir)): Promise<LoadedEngine> {
  // Rejects with a `CorpusFolderError`, which says what to do, when the folder itself cannot be read.
  const fingerprint = await snapshotFingerprint(dir);
  const snapshot = await readSnapshot(dir, fingerprint, options, snapshotFile);
  if (snapshot.ok)
    return {
      engine: engineOver(snapshot.indexed, options),
      problems: snapshot.indexed.corpus.problems,
      from: 'snapshot',
      snapshotSkipped: null,
      indexed: snapshot.indexed,
      savedVectors: snapshot.vectors,
    };
  const indexed = await indexCorpusInSlices(await loadCorpus(dir), options);
  return {
    engine: engineOver(indexed, options),
    problems: indexed.corpus.problems,
    from: 'files',
    snapshotSkipped: snapshot.reason,
    indexed,
    savedVectors: null,
  };
}

/** What `buildSnapshot` did with the index it built. */
export type SnapshotOutcome =
  | { readonly saved: true; readonly file: string; readonly bytes: number }
  /** `reason` says why, and what to do, for a person. */
  | { readonly saved: false; readonly reason: string };

/**
 * Indexes the articles in `dir` and saves the snapshot, beside them unless `snapshotFile` says
 * elsewhere (`npm run build-index`), with the sentence vectors `vectorsOf` gives for the new
 * index (when given; it rejects when vectors cannot be had, and so does this). Never rejects
 * for want of a place to save it: the outcome says why it was not saved. A load that met I/O
 * errors is not saved: a file unreadable now (too many open files, a permission being fixed)
 * may be readable on the next run, which would then wrongly trust a snapshot without it.
 */
export async function buildSnapshot(
  dir: string,
  options: EngineOptions = {},
  snapshotFile = defaultSnapshotFile(dir),
  vectorsOf?: (indexed: IndexedCorpus) => Promise<SavedVectors>,
): Promise<{ indexed: IndexedCorpus; snapshot: SnapshotOutcome; vectors: SavedVectors | null }> {
  const fingerprint = await snapshotFingerprint(dir);
  const { readFailures, ...corpus } = await loadCorpus(dir);
  const indexed = await indexCorpusInSlices(corpus, options);
  const vectors = vectorsOf === undefined ? null : await vectorsOf(indexed);
  if (readFailures > 0) {
    const files = readFailures === 1 ? '1 file could not be read' : `${readFailures} files or folders could not be read`;
    return {
      indexed,
      snapshot: { saved: false, reason: `the index snapshot was not saved: ${files} (see above); fix that and build it again` },
      vectors,
    };
  }
  try {
    const { file, bytes } = await writeSnapshot(dir, indexed, fingerprint, snapshotFile, vectors);
    return { indexed, snapshot: { saved: true, file, bytes }, vectors };
  } catch (error) {
    const reason =
      `the index snapshot could not be saved at ${snapshotFile} (${describeFsError(error)}); ` +
      'set INDEX_SNAPSHOT_PATH to a file in a folder the bot may write to';
    return { indexed, snapshot: { saved: false, reason }, vectors };
  }
}
