import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GeneratedCorpus } from './corpus.js';
import type { EngineName } from './engines/registry.js';
import type { CodeVersion } from './code-version.js';
import type { Machine } from './machine.js';
import { mean, percentile } from './measure.js';
import type { BenchOptions } from './options.js';
import type { ChildOutcome } from './child-runner.js';
import type { BuildResult, SnapshotResult } from './protocol.js';

const MB = 2 ** 20;

export interface BuildFigures {
  readonly loadS: number;
  readonly buildS: number;
  readonly sentencesPerS: number;
  readonly coldReadyS: number;
  /** Heap after build and gc, the loaded corpus included. */
  readonly heapMB: number;
  /** What building added to the heap: the index alone. */
  readonly indexHeapMB: number;
  readonly firstQuestionMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly answeredShare: number;
  readonly goldInTop3Share: number;
  /** After build and gc: ArrayBuffers outside V8's heap (sentence vectors), and the whole process. */
  readonly arrayBuffersMB: number;
  readonly rssMB: number;
  /** After the timed questions and gc (the model's worker, once it has embedded questions, is in it). */
  readonly rssAfterQuestionsMB: number;
  readonly heapAfterQuestionsMB: number;
  readonly arrayBuffersAfterQuestionsMB: number;
  /** Parts of the build the engine timed apart, in s. */
  readonly phasesS: Readonly<Record<string, number>>;
  /** RSS that loading the model's worker added, when the engine has one. */
  readonly modelRssMB: number | null;
  /** Parts of the questions the engine timed apart (e.g. the question's embedding). */
  readonly questionParts: Readonly<Record<string, { readonly p50Ms: number; readonly p99Ms: number }>>;
}

export interface SnapshotFigures {
  readonly status: 'ok' | 'timeout' | 'failed';
  readonly message?: string;
  readonly readyS?: number;
  readonly restoreS?: number;
  readonly saveS?: number;
  readonly sizeMB?: number;
  readonly heapMB?: number;
  /** The restored engine gave the same top 3 as the built one on the first questions. */
  readonly answersMatch?: boolean;
}

/** Engine / the engine before (`--before`), from the same run; below 1 is faster. */
export interface BeforeRatios {
  readonly p50: number;
  readonly p99: number;
}

/** Engine / plain MiniSearch, from the same run; below 1 is better (for all three). */
export interface Ratios {
  readonly build: number;
  readonly p50: number;
  readonly indexHeap: number;
  readonly coldReady: number;
}

export interface EngineRun {
  readonly engine: EngineName;
  readonly label: string;
  readonly status: 'ok' | 'timeout' | 'failed';
  readonly message?: string;
  /** Timed questions asked for, and asked before the time budget ran out. */
  readonly questions: number;
  readonly questionsAsked?: number;
  readonly figures?: BuildFigures;
  /** Null while the engine has no snapshots: the table shows n/a. */
  readonly snapshot: SnapshotFigures | null;
  readonly vsMiniSearch?: Ratios;
  readonly vsBefore?: BeforeRatios;
  /** Raw per-question latencies, in the order asked. */
  readonly latenciesMs?: readonly number[];
}

export interface SizeResult {
  readonly articles: number;
  readonly corpus: GeneratedCorpus;
  readonly questions: number;
  readonly questionsCapped: boolean;
  readonly engines: readonly EngineRun[];
}

export interface BenchResults {
  readonly complete: boolean;
  readonly machine: Machine;
  readonly code: CodeVersion;
  readonly options: BenchOptions;
  readonly recipe: string;
  readonly questionRecipe: string;
  readonly packages: Readonly<Record<string, string>>;
  readonly sizes: readonly SizeResult[];
}

export function buildFigures(result: BuildResult): BuildFigures {
  const asked = Math.max(result.latenciesMs.length, 1);
  return {
    loadS: result.loadMs / 1000,
    buildS: result.buildMs / 1000,
    sentencesPerS: result.sentences / Math.max(result.buildMs / 1000, 1e-6),
    coldReadyS: result.coldReadyMs / 1000,
    heapMB: result.heapAfterBuild / MB,
    indexHeapMB: (result.heapAfterBuild - result.heapBeforeBuild) / MB,
    firstQuestionMs: result.firstQuestionMs,
    p50Ms: percentile(result.latenciesMs, 50),
    p99Ms: percentile(result.latenciesMs, 99),
    meanMs: mean(result.latenciesMs),
    answeredShare: result.answered / asked,
    goldInTop3Share: result.withGoldAnswer / asked,
    arrayBuffersMB: result.memoryAfterBuild.arrayBuffers / MB,
    rssMB: result.memoryAfterBuild.rss / MB,
    rssAfterQuestionsMB: result.memoryAfterQuestions.rss / MB,
    heapAfterQuestionsMB: result.memoryAfterQuestions.heapUsed / MB,
    arrayBuffersAfterQuestionsMB: result.memoryAfterQuestions.arrayBuffers / MB,
    phasesS: Object.fromEntries(Object.entries(result.details?.phasesMs ?? {}).map(([phase, ms]) => [phase, ms / 1000])),
    modelRssMB: result.details?.modelRssBytes === undefined ? null : result.details.modelRssBytes / MB,
    questionParts: Object.fromEntries(
      Object.entries(result.questionPartsMs).map(([part, times]) => [part, { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) }]),
    ),
  };
}

export function snapshotFigures(built: BuildResult, outcome: ChildOutcome<SnapshotResult>): SnapshotFigures {
  if (outcome.status !== 'ok') return { status: outcome.status, message: outcome.message };
  const restored = outcome.result;
  const same = JSON.stringify(restored.sampleAnswers) === JSON.stringify(built.sampleAnswers);
  return {
    status: 'ok',
    readyS: restored.readyMs / 1000,
    restoreS: restored.restoreMs / 1000,
    saveS: (built.snapshot?.saveMs ?? Number.NaN) / 1000,
    sizeMB: (built.snapshot?.bytes ?? Number.NaN) / MB,
    heapMB: restored.heapAfterRestore / MB,
    answersMatch: same,
  };
}

/** Adds each engine's ratios to plain MiniSearch's row and the engine before's of the same size, when those rows exist. */
export function withRatios(runs: readonly EngineRun[]): EngineRun[] {
  const before = runs.find((run) => run.engine === 'before')?.figures;
  return withMiniSearchRatios(runs).map((run) =>
    before === undefined || run.figures === undefined || run.engine === 'before'
      ? run
      : { ...run, vsBefore: { p50: run.figures.p50Ms / before.p50Ms, p99: run.figures.p99Ms / before.p99Ms } },
  );
}

function withMiniSearchRatios(runs: readonly EngineRun[]): EngineRun[] {
  const baseline = runs.find((run) => run.engine === 'minisearch')?.figures;
  return runs.map((run) => {
    if (baseline === undefined || run.figures === undefined) return run;
    const f = run.figures;
    // Below a megabyte the heap difference is gc noise, not an index.
    const indexHeap = baseline.indexHeapMB >= 1 ? f.indexHeapMB / baseline.indexHeapMB : Number.NaN;
    return {
      ...run,
      vsMiniSearch: {
        build: f.buildS / baseline.buildS,
        p50: f.p50Ms / baseline.p50Ms,
        indexHeap,
        coldReady: f.coldReadyS / baseline.coldReadyS,
      },
    };
  });
}

export async function writeResults(file: string, results: BenchResults): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}
