/**
 * One measurement in a fresh process (`node --expose-gc --import tsx bench/child.ts TASK`), so
 * that engines' heaps, JIT state and caches never mix. Reports to the parent over IPC.
 */
import type { BenchEngine } from './engines/bench-engine.js';
import { isEngineName, loadEngine } from './engines/registry.js';
import { epochNow, heapAfterGc, memoryAfterGc, now } from './measure.js';
import { SAMPLE_QUESTIONS, type BuildResult, type ChildMessage, type ChildTask, type SnapshotResult } from './protocol.js';
import { holdsAnswer, readQuestionPool, timedQuestions, warmupQuestions } from './questions.js';

const PROGRESS_EVERY_MS = 10_000;

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    // Flushed before we go on, so the result is not lost when the process ends.
    process.send?.(message, () => resolve());
  });
}

async function measureBuild(task: ChildTask, engine: BenchEngine): Promise<BuildResult> {
  const { loadCorpus } = await import('../src/corpus/load-corpus.js');
  const loadStart = now();
  const corpus = await loadCorpus(task.corpusDir);
  const sentences = corpus.articles.flatMap((article) => article.sentences);
  const loadMs = now() - loadStart;
  const loadedAt = epochNow();
  await send({
    kind: 'progress',
    step: `loaded ${sentences.length.toLocaleString('en-US')} sentences from ${corpus.articles.length.toLocaleString('en-US')} files in ${seconds(loadMs)}`,
  });

  const heapBeforeBuild = heapAfterGc();
  const buildStart = now();
  const details = (await engine.build({ corpus, sentences })) ?? null;
  const buildMs = now() - buildStart;
  // The gc above is the bench's, not the engine's: leave it out of the time to ready.
  const coldReadyMs = loadedAt - task.spawnedAt + buildMs;
  const memoryAfterBuild = memoryAfterGc();
  const heapAfterBuild = memoryAfterBuild.heapUsed;
  await send({
    kind: 'progress',
    step: `built in ${seconds(buildMs)}, ready ${seconds(coldReadyMs)} after spawn, heap ${megabytes(heapAfterBuild)}`,
  });

  const pool = await readQuestionPool(task.questionPool);
  const timed = timedQuestions(pool, task.questions);
  const warmups = warmupQuestions(pool, task.questions, task.warmups);
  let firstQuestionMs = Number.NaN;
  for (const [index, warmup] of warmups.entries()) {
    const start = now();
    await engine.ask(warmup.question, 3);
    if (index === 0) firstQuestionMs = now() - start;
  }

  const latenciesMs: number[] = [];
  const sampleAnswers: Array<readonly string[]> = [];
  let answered = 0;
  let withGoldAnswer = 0;
  const partsBefore = engine.questionPartsMs?.() ?? {};
  const partCountsBefore = new Map(Object.entries(partsBefore).map(([part, times]) => [part, times.length]));
  const questionsStart = now();
  let lastProgress = now();
  for (const question of timed) {
    if (now() - questionsStart > task.questionBudgetMs) break;
    const start = now();
    const texts = await engine.ask(question.question, 3);
    latenciesMs.push(now() - start);
    if (texts.length > 0) answered += 1;
    if (holdsAnswer(texts, question.answers)) withGoldAnswer += 1;
    if (sampleAnswers.length < SAMPLE_QUESTIONS) sampleAnswers.push(texts);
    if (now() - lastProgress > PROGRESS_EVERY_MS) {
      lastProgress = now();
      await send({ kind: 'progress', step: `question ${latenciesMs.length}/${timed.length}` });
    }
  }

  const questionPartsMs = Object.fromEntries(
    Object.entries(engine.questionPartsMs?.() ?? {}).map(([part, times]) => [part, times.slice(partCountsBefore.get(part) ?? 0)]),
  );
  const memoryAfterQuestions = memoryAfterGc();

  let snapshot: BuildResult['snapshot'] = null;
  if (engine.snapshot !== undefined) {
    const saveStart = now();
    const bytes = await engine.snapshot.save({ corpusDir: task.corpusDir, file: task.snapshotFile });
    snapshot = { saveMs: now() - saveStart, bytes };
  }
  return {
    kind: 'build',
    articles: corpus.articles.length,
    sentences: sentences.length,
    loadMs,
    buildMs,
    coldReadyMs,
    heapBeforeBuild,
    heapAfterBuild,
    memoryAfterBuild,
    memoryAfterQuestions,
    details,
    questionPartsMs,
    firstQuestionMs,
    latenciesMs,
    answered,
    withGoldAnswer,
    sampleAnswers,
    snapshot,
  };
}

async function measureSnapshot(task: ChildTask, engine: BenchEngine): Promise<SnapshotResult> {
  if (engine.snapshot === undefined) throw new Error(`${engine.name} has no snapshots`);
  const restoreStart = now();
  await engine.snapshot.restore({ corpusDir: task.corpusDir, file: task.snapshotFile });
  const restoreMs = now() - restoreStart;
  const readyMs = epochNow() - task.spawnedAt;
  const heapAfterRestore = heapAfterGc();
  const pool = await readQuestionPool(task.questionPool);
  const sampleAnswers: Array<readonly string[]> = [];
  for (const question of timedQuestions(pool, task.questions).slice(0, SAMPLE_QUESTIONS))
    sampleAnswers.push(await engine.ask(question.question, 3));
  return { kind: 'snapshot', readyMs, restoreMs, heapAfterRestore, sampleAnswers };
}

function parseTask(json: string | undefined): ChildTask {
  const value: unknown = JSON.parse(json ?? 'null');
  if (!isTask(value)) throw new Error('bench/child.ts expects a task (JSON) as its argument; run it through npm run bench');
  return value;
}

function isTask(value: unknown): value is ChildTask {
  if (typeof value !== 'object' || value === null) return false;
  const task = value as Record<string, unknown>;
  const strings = ['corpusDir', 'questionPool', 'snapshotFile'].every((key) => typeof task[key] === 'string');
  const numbers = ['questions', 'warmups', 'questionBudgetMs', 'spawnedAt'].every((key) => typeof task[key] === 'number');
  return (
    strings &&
    numbers &&
    isSettings(task.settings) &&
    typeof task.engine === 'string' &&
    isEngineName(task.engine) &&
    (task.mode === 'build' || task.mode === 'snapshot')
  );
}

function isSettings(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const settings = value as Record<string, unknown>;
  const textOrNull = (key: string) => settings[key] === null || typeof settings[key] === 'string';
  return textOrNull('beforeDir') && textOrNull('beforeName') && typeof settings.vectorCacheDir === 'string';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

if (process.send === undefined) {
  console.error('bench/child.ts is started by bench/run.ts (it needs an IPC channel); run npm run bench');
  process.exit(2);
}

try {
  const task = parseTask(process.argv[2]);
  const engine = await loadEngine(task.engine, task.settings);
  try {
    await send(task.mode === 'build' ? await measureBuild(task, engine) : await measureSnapshot(task, engine));
  } finally {
    await engine.close?.();
  }
  process.disconnect();
} catch (error) {
  await send({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  process.disconnect();
}
