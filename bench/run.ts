/**
 * `npm run bench`: index build time, question latency, heap and time to ready for our engine
 * and, in the same run on the same sentences and questions, for plain MiniSearch, FlexSearch,
 * Orama and Lunr, at 1 to 10,000 articles. See bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSquad } from '../eval/squad.js';
import { runBuildChild, runSnapshotChild, killRunningChild } from './child-runner.js';
import { describeRecipe, sourceSentences, writeCorpus } from './corpus.js';
import { beforeCheckout } from './before-checkout.js';
import { engineLabel, loadEngine, type EngineName, type EngineSettings } from './engines/registry.js';
import { codeLine, describeCode } from './code-version.js';
import { describeMachine, machineLine, packageVersions } from './machine.js';
import { parseOptions, questionsAt, USAGE, type BenchOptions } from './options.js';
import { Progress } from './progress.js';
import { writeQuestionPool } from './questions.js';
import {
  buildFigures,
  snapshotFigures,
  withRatios,
  writeResults,
  type BenchResults,
  type EngineRun,
  type SizeResult,
  type SnapshotFigures,
} from './results.js';
import { beforeAfterTable, LEGEND, sizeTable } from './table.js';
import { fillVectorCache } from './vector-cache-fill.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SQUAD_PATH = process.env.SQUAD_FILE ?? join(ROOT, 'eval/data/squad-v1.1-dev-public.json');
const RESULTS_FILE = join(ROOT, 'bench/results/latest.json');
const PACKAGES = ['minisearch', 'flexsearch', '@orama/orama', 'lunr', 'tsx'];

// The sentence-vector benchmark is its own script, in a process with the gc exposed.
if (process.argv.includes('--vectors')) {
  const script = fileURLToPath(new URL('./vectors.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

// So is the follow-up benchmark: what a question with context costs beside one without.
if (process.argv.includes('--follow-ups')) {
  const script = fileURLToPath(new URL('./follow-ups.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

// And the search by meaning: article means against exact search.
if (process.argv.includes('--meaning-search')) {
  const script = fileURLToPath(new URL('./meaning-search.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const options = readOptions();

const workDir = await mkdtemp(join(tmpdir(), 'article-qa-bench-'));
process.on('SIGINT', () => {
  killRunningChild();
  void rm(workDir, { recursive: true, force: true }).finally(() => process.exit(130));
});

try {
  await main(options, workDir);
} finally {
  await rm(workDir, { recursive: true, force: true });
}

function readOptions(): BenchOptions {
  try {
    const parsed = parseOptions(process.argv.slice(2));
    if (parsed !== 'help') return parsed;
    console.log(USAGE);
    process.exit(0);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(options: BenchOptions, workDir: string): Promise<void> {
  const machine = describeMachine();
  const code = describeCode(ROOT);
  const squad = await loadSquad(SQUAD_PATH);
  const source = sourceSentences(squad.articles);
  const questionPool = join(workDir, 'questions.json');
  await writeQuestionPool(squad.questions, questionPool);
  const before = options.before === null ? null : beforeCheckout(options.before, ROOT);
  const settings: EngineSettings = {
    beforeDir: before?.dir ?? null,
    beforeName: before?.name ?? null,
    vectorCacheDir: resolve(options.vectorCacheDir),
  };
  // Import every adapter once here: tsx caches its transforms on disk, so no child's cold
  // start pays for compiling TypeScript the first time.
  await Promise.all(options.engines.map((engine) => loadEngine(engine, settings)));
  await import('../src/corpus/load-corpus.js');

  const recipe = describeRecipe(source.length, squad.articles.length);
  const questionRecipe = `Timed questions: ${options.questions} of the ${squad.questions.length.toLocaleString('en-US')} SQuAD questions, evenly spaced in file order (question floor(i × ${squad.questions.length} / N) for i < N); ${options.largeQuestions} from ${options.largeFrom.toLocaleString('en-US')} articles up. ${options.warmups} untimed warm-up questions (the ones right after the first timed ones) go first. Every engine gets the same questions, limit 3.`;
  const largeCap = `questions capped at ${options.largeQuestions} per engine from ${options.largeFrom.toLocaleString('en-US')} articles up, to bound the run's time (plain MiniSearch takes about a second a question at 10,000 articles)`;
  const packages = await packageVersions(ROOT, PACKAGES);

  console.log(`# Search benchmark${options.quick ? ' (--quick)' : ''}\n`);
  console.log(`${machineLine(machine)}\n`);
  console.log(`${codeLine(code)}\n`);
  if (before !== null)
    console.log(
      `The engine before: ${engineLabel('before', settings)}, its src/ imported from ${before.dir} with this checkout's node_modules.\n`,
    );
  console.log(
    `Packages: ${Object.entries(packages)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}\n`,
  );
  console.log(`Corpus: ${recipe}\n`);
  console.log(`${questionRecipe}\n`);

  const progress = new Progress(options.sizes.length * options.engines.length);
  const sizes: SizeResult[] = [];
  const results = (complete: boolean): BenchResults => ({ complete, machine, code, options, recipe, questionRecipe, packages, sizes });
  for (const articles of options.sizes) {
    const corpusDir = join(workDir, `corpus-${articles}`);
    progress.note(`writing ${articles.toLocaleString('en-US')} article${articles === 1 ? '' : 's'} to ${corpusDir}`);
    const corpus = await writeCorpus(source, articles, corpusDir);
    const questions = questionsAt(options, articles);
    if (options.engines.includes('ours-meaning')) {
      const fill = await fillVectorCache(corpusDir, settings.vectorCacheDir, (message) => progress.note(message));
      console.log(
        `_Sentence vectors for ${articles.toLocaleString('en-US')} articles: ${fill.texts.toLocaleString('en-US')} texts, ${fill.cached.toLocaleString('en-US')} from the cache (${settings.vectorCacheDir}), ${fill.embedded.toLocaleString('en-US')} embedded now by the model${fill.embedded > 0 ? ` in ${(fill.ms / 1000).toFixed(0)} s` : ''}, before any engine ran._\n`,
      );
    }
    const runs: EngineRun[] = [];
    for (const engine of options.engines)
      runs.push(await measureEngine(engine, articles, { corpusDir, questionPool, questions, workDir }, options, settings, progress));
    const size: SizeResult = { articles, corpus, questions, questionsCapped: questions < options.questions, engines: withRatios(runs) };
    sizes.push(size);
    await rm(corpusDir, { recursive: true, force: true });
    console.log(`${sizeTable(size, largeCap, options.questionBudgetMs)}\n`);
    await writeResults(RESULTS_FILE, results(false));
  }
  if (before !== null) console.log(`${beforeAfterTable(sizes, engineLabel('before', settings))}\n`);
  console.log(`${LEGEND}\n`);
  await writeResults(RESULTS_FILE, results(true));
  progress.note(`results written to ${RESULTS_FILE}`);
}

interface RunPlaces {
  readonly corpusDir: string;
  readonly questionPool: string;
  readonly questions: number;
  readonly workDir: string;
}

async function measureEngine(
  engine: EngineName,
  articles: number,
  places: RunPlaces,
  options: BenchOptions,
  settings: EngineSettings,
  progress: Progress,
): Promise<EngineRun> {
  const step = progress.begin(articles, engine);
  const snapshotFile = join(places.workDir, `${engine}-${articles}.snapshot`);
  const task = {
    engine,
    settings,
    corpusDir: places.corpusDir,
    questionPool: places.questionPool,
    questions: places.questions,
    warmups: options.warmups,
    questionBudgetMs: options.questionBudgetMs,
    snapshotFile,
  };
  step('starting a fresh process');
  const built = await runBuildChild(task, options.childTimeoutMs, step);
  const label = engineLabel(engine, settings);
  if (built.status !== 'ok') {
    step(`${built.status}: ${built.message.split('\n')[0] ?? ''}`);
    progress.end();
    return { engine, label, status: built.status, message: built.message, questions: places.questions, snapshot: null };
  }
  const figures = buildFigures(built.result);
  const questionsAsked = built.result.latenciesMs.length;
  const budget =
    questionsAsked < places.questions
      ? ` over the first ${questionsAsked} questions (time budget of ${options.questionBudgetMs / 1000} s ran out)`
      : '';
  step(`done: p50 ${figures.p50Ms.toFixed(2)} ms, p99 ${figures.p99Ms.toFixed(2)} ms${budget}`);
  let snapshot: SnapshotFigures | null = null;
  if (built.result.snapshot !== null) {
    step('ready from snapshot, in another fresh process');
    snapshot = snapshotFigures(built.result, await runSnapshotChild(task, options.childTimeoutMs, step));
    await rm(snapshotFile, { force: true });
    step(
      snapshot.status === 'ok'
        ? `ready from snapshot in ${snapshot.readyS?.toFixed(2)} s${snapshot.answersMatch === false ? ' — but its answers differ from the built index' : ''}`
        : `snapshot ${snapshot.status}`,
    );
  }
  progress.end();
  return {
    engine,
    label,
    status: 'ok',
    questions: places.questions,
    questionsAsked,
    figures,
    snapshot,
    latenciesMs: built.result.latenciesMs,
  };
}
