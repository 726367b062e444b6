import type { Corpus, Sentence } from '../../src/index.js';

/** What every engine is built from: the corpus as the loader returned it, and its sentences in reading order. */
export interface BuildInput {
  readonly corpus: Corpus;
  readonly sentences: readonly Sentence[];
}

/** Where a snapshot may go: an engine that keeps it beside the articles uses `corpusDir`, others `file`. */
export interface SnapshotPlace {
  readonly corpusDir: string;
  readonly file: string;
}

/**
 * The seam for "ready from a snapshot": an engine that can save its built index and, in a
 * fresh process, restore it ready to answer without building. Engines without it show `n/a`
 * in that column.
 */
export interface SnapshotSupport {
  /** Saves everything needed to answer later; returns the snapshot's size in bytes. */
  save(place: SnapshotPlace): Promise<number>;
  /** Called on a fresh, never-built engine in a new process. */
  restore(place: SnapshotPlace): Promise<void>;
}

/** What a build may tell besides its total time. */
export interface BuildDetails {
  /** Parts of the build timed apart, in ms, in the order they ran (e.g. index, vectors, model). */
  readonly phasesMs: Readonly<Record<string, number>>;
  /** Process RSS that loading a model in a worker thread added (bytes), measured around that part alone. */
  readonly modelRssBytes?: number;
}

/** One search engine under test, behind the smallest interface the bench needs. */
export interface BenchEngine {
  readonly name: string;
  build(input: BuildInput): BuildDetails | undefined | Promise<BuildDetails | undefined>;
  /** Texts of the best `limit` sentences for a question, best first. */
  ask(question: string, limit: number): readonly string[] | Promise<readonly string[]>;
  readonly snapshot?: SnapshotSupport;
  /**
   * Parts of the questions timed apart so far, in ms, one list per part in the order asked
   * (e.g. the question's embedding), for the engines that have such parts.
   */
  questionPartsMs?(): Readonly<Record<string, readonly number[]>>;
  /** Stops what the engine started besides its heap (worker threads). */
  close?(): Promise<void>;
}
