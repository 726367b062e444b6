import type { BuildDetails } from './engines/bench-engine.js';
import type { EngineName, EngineSettings } from './engines/registry.js';

/** What one child process is asked to measure. */
export interface ChildTask {
  readonly engine: EngineName;
  readonly settings: EngineSettings;
  /** `build`: load the corpus files and build; `snapshot`: restore from `snapshotFile` instead. */
  readonly mode: 'build' | 'snapshot';
  readonly corpusDir: string;
  readonly questionPool: string;
  readonly questions: number;
  readonly warmups: number;
  /** Timed questions stop once they have taken this long, so one slow engine cannot stall the run. */
  readonly questionBudgetMs: number;
  /** Where a `build` child writes its snapshot (when the engine has them) and a `snapshot` child reads it. */
  readonly snapshotFile: string;
  /** Epoch ms just before the parent spawned the child: the start of "cold ready". */
  readonly spawnedAt: number;
}

/** The process's memory after full collections, in bytes (`process.memoryUsage()`). */
export interface MemoryUse {
  readonly heapUsed: number;
  /** ArrayBuffers and Buffers, outside V8's heap (where sentence vectors live). */
  readonly arrayBuffers: number;
  /** The whole process: heaps, code, and every worker thread (the model's). */
  readonly rss: number;
}

/** Answers to the first few timed questions, to check a restored snapshot answers like the built index. */
export const SAMPLE_QUESTIONS = 5;

export interface BuildResult {
  readonly kind: 'build';
  readonly articles: number;
  readonly sentences: number;
  /** Reading and parsing the corpus files. */
  readonly loadMs: number;
  readonly buildMs: number;
  /** From spawn to ready to answer: process start, imports, load, build (not the measuring gc). */
  readonly coldReadyMs: number;
  /** After gc, with the corpus loaded and nothing built. */
  readonly heapBeforeBuild: number;
  /** After gc, with the corpus loaded and the index built. */
  readonly heapAfterBuild: number;
  readonly memoryAfterBuild: MemoryUse;
  /** After the timed questions and gc: what answering keeps (e.g. the model's worker after embedding questions). */
  readonly memoryAfterQuestions: MemoryUse;
  /** What the engine's build told of its parts, if anything. */
  readonly details: BuildDetails | null;
  /** Parts of the timed questions timed apart by the engine (e.g. the question's embedding), one list per part. */
  readonly questionPartsMs: Readonly<Record<string, readonly number[]>>;
  /** The very first question after ready: the first warm-up question, timed alone. */
  readonly firstQuestionMs: number;
  /** One per timed question asked; fewer than asked for when the time budget ran out. */
  readonly latenciesMs: readonly number[];
  /** Timed questions that got at least one sentence back. */
  readonly answered: number;
  /** Timed questions with a gold answer verbatim in the returned sentences. */
  readonly withGoldAnswer: number;
  readonly sampleAnswers: ReadonlyArray<readonly string[]>;
  readonly snapshot: { readonly saveMs: number; readonly bytes: number } | null;
}

export interface SnapshotResult {
  readonly kind: 'snapshot';
  /** From spawn to ready to answer: process start, imports, reading the snapshot, restoring. */
  readonly readyMs: number;
  readonly restoreMs: number;
  readonly heapAfterRestore: number;
  readonly sampleAnswers: ReadonlyArray<readonly string[]>;
}

export type ChildMessage =
  | { readonly kind: 'progress'; readonly step: string }
  | { readonly kind: 'error'; readonly message: string }
  | BuildResult
  | SnapshotResult;
