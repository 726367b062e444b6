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

/** One search engine under test, behind the smallest interface the bench needs. */
export interface BenchEngine {
  readonly name: string;
  build(input: BuildInput): void | Promise<void>;
  /** Texts of the best `limit` sentences for a question, best first. */
  ask(question: string, limit: number): readonly string[] | Promise<readonly string[]>;
  readonly snapshot?: SnapshotSupport;
}
