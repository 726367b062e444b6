/**
 * `npm run bench -- --vectors [--sentences 1000] [--articles 10000]`: what sentence vectors cost
 * (issue 18), in one process run with --expose-gc (bench/run.ts starts it so):
 *
 * 1. Cold: the real model in the embedding pool (default workers) over the first N sentences of
 *    the bench corpus with an empty cache: model load, then time per 1,000 sentences.
 * 2. Warm: the same corpus again from the cache, and a second pool's start (the model load a
 *    restart pays before its first question).
 * 3. Memory of the model: process RSS before and after one worker has loaded it, and with every
 *    worker busy.
 * 4. At `--articles` (10,000): the lexical index as the bench builds it, then vectors for every
 *    sentence and title read from a cache filled beforehand (the cold time at this size is
 *    computed from step 1, not measured: hours on this machine), their memory, the snapshot with
 *    them (size, write, read) and one exact nearest-neighbour search over every sentence.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSquad } from '../eval/squad.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { readSnapshot, writeSnapshot } from '../src/search/index/snapshot.js';
import { indexCorpus } from '../src/search/indexed-corpus.js';
import { computeVectors, corpusVectorsOf } from '../src/search/vectors/corpus-vectors.js';
import { defaultWorkerCount } from '../src/search/vectors/embedding-pool.js';
import { SentenceEmbedding } from '../src/search/vectors/sentence-embedding.js';
import type { TextEmbedder } from '../src/search/vectors/sentence-vectors.js';
import { USE_LITE_DIMENSIONS, USE_LITE_MODEL } from '../src/search/vectors/use-lite.js';
import { VectorCache } from '../src/search/vectors/vector-cache.js';
import { sourceSentences, writeCorpus } from './corpus.js';
import { describeMachine, machineLine } from './machine.js';
import { heapAfterGc, now } from './measure.js';
import { standInVector } from './stand-in-vectors.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

await benchVectors(process.argv.slice(2));

async function benchVectors(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      vectors: { type: 'boolean' },
      sentences: { type: 'string', default: '1000' },
      articles: { type: 'string', default: '10000' },
    },
  });
  const sentenceCount = Number(values.sentences);
  const articleCount = Number(values.articles);
  const work = await mkdtemp(join(tmpdir(), 'bench-vectors-'));
  try {
    console.log(`# Sentence vectors benchmark\n\n${machineLine(describeMachine())}\n`);
    console.log(`Model ${USE_LITE_MODEL} (${USE_LITE_DIMENSIONS} dimensions), ${defaultWorkerCount()} embedding workers (the default).\n`);
    const squad = await loadSquad(join(ROOT, 'eval/data/squad-v1.1-dev-public.json'));
    const source = sourceSentences(squad.articles);
    const coldMs = await coldAndWarm(source, sentenceCount, work);
    await modelMemory(source);
    await atScale(source, articleCount, work, coldMs);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Steps 1 and 2; returns ms per 1,000 texts embedded, cold. */
async function coldAndWarm(source: readonly string[], sentences: number, work: string): Promise<number> {
  const articles = Math.ceil(sentences / 30);
  const dir = join(work, 'cold');
  await writeCorpus(source, articles, dir);
  const indexed = indexCorpus(await loadCorpus(dir));
  const cacheDir = join(work, 'cache-cold');
  const embedding = await SentenceEmbedding.open({ cacheDir });
  let texts = 0;
  const loadStart = now();
  await embedding.pool.warmUp();
  const loadMs = now() - loadStart;
  const coldStart = now();
  await embedding.vectorsFor(indexed, { onPlan: (plan) => (texts = plan.toEmbed) });
  const coldMs = now() - coldStart;
  await embedding.close();

  const restart = await SentenceEmbedding.open({ cacheDir });
  const warmStart = now();
  await restart.vectorsFor(indexed);
  const warmMs = now() - warmStart;
  const reloadStart = now();
  await restart.pool.warmUp();
  const restartLoadMs = now() - reloadStart;
  const questions = 20;
  const vectors = await restart.vectorsFor(indexed);
  const questionStart = now();
  for (let question = 0; question < questions; question += 1) await vectors.embedQuestion(source[question * 97] ?? 'question');
  const questionMs = (now() - questionStart) / questions;
  await restart.close();

  const perThousand = (ms: number) => (ms / texts) * 1000;
  console.log(
    `## ${texts.toLocaleString('en-US')} texts (${indexed.index.sentences.length.toLocaleString('en-US')} sentences of ${articles} bench articles and their titles)\n`,
  );
  console.log('| what | time |');
  console.log('|---|---|');
  console.log(`| model load in a worker (first start, cold file cache) | ${(loadMs / 1000).toFixed(1)} s |`);
  console.log(
    `| cold: embedding, empty cache | ${(perThousand(coldMs) / 1000).toFixed(1)} s per 1,000 texts (${(coldMs / texts).toFixed(1)} ms a text) |`,
  );
  console.log(`| warm: the same corpus from the cache | ${(perThousand(warmMs) / 1000).toFixed(3)} s per 1,000 texts |`);
  console.log(`| model load in a worker (a restart) | ${(restartLoadMs / 1000).toFixed(1)} s |`);
  console.log(`| one question, one at a time (${questions}) | ${questionMs.toFixed(1)} ms |\n`);
  return perThousand(coldMs);
}

/** Step 3: what the model costs in memory, counted as the process's RSS (worker threads share the process). */
async function modelMemory(source: readonly string[]): Promise<void> {
  const before = rssAfterGc();
  const one = await SentenceEmbedding.open({ cacheDir: null, workers: 1 });
  await one.pool.warmUp();
  await one.embedder.embed(source.slice(0, 32));
  const oneWorker = rssAfterGc();
  await one.close();
  const all = await SentenceEmbedding.open({ cacheDir: null });
  await all.embedder.embed(source.slice(0, 64 * defaultWorkerCount()));
  const allWorkers = rssAfterGc();
  const workers = all.pool.workerCount;
  await all.close();
  console.log('## Memory of the model (process RSS, after gc)\n');
  console.log('| | RSS MB | added MB |');
  console.log('|---|---|---|');
  console.log(`| no worker | ${mb(before)} | |`);
  console.log(
    `| one worker, model loaded, 32 sentences embedded (what stays for questions) | ${mb(oneWorker)} | ${mb(oneWorker - before)} |`,
  );
  console.log(`| ${workers} workers busy embedding | ${mb(allWorkers)} | ${mb(allWorkers - before)} |\n`);
}

/** Step 4. */
async function atScale(source: readonly string[], articles: number, work: string, coldMsPerThousand: number): Promise<void> {
  const dir = join(work, `scale-${articles}`);
  await writeCorpus(source, articles, dir);
  const corpus = await loadCorpus(dir);
  const beforeIndex = memory();
  const buildStart = now();
  const indexed = indexCorpus(corpus);
  const buildMs = now() - buildStart;
  const afterIndex = memory();
  const texts = new Set([...indexed.index.sentences.map((sentence) => sentence.text), ...corpus.articles.map((article) => article.title)]);

  // Fill a cache as a first run would have (the values do not matter to what is measured here).
  const cacheDir = join(work, 'cache-scale');
  const cache = await VectorCache.open(cacheDir, USE_LITE_MODEL, USE_LITE_DIMENSIONS);
  const all = [...texts];
  for (let start = 0; start < all.length; start += 10_000) {
    const part = all.slice(start, start + 10_000);
    await cache.add(
      part,
      part.map((text) => standInVector(text, USE_LITE_DIMENSIONS)),
    );
  }
  const cacheBytes = (await stat(cache.file)).size;
  const refusing: TextEmbedder = {
    model: USE_LITE_MODEL,
    dimensions: USE_LITE_DIMENSIONS,
    embed: () => Promise.reject(new Error('every text should be in the cache')),
  };
  const warmStart = now();
  const saved = await computeVectors(indexed, refusing, { cache });
  const warmMs = now() - warmStart;
  const afterVectors = memory();

  const snapshotFile = join(work, 'snapshot');
  const writeStart = now();
  await writeSnapshot(dir, indexed, 'bench', snapshotFile, saved);
  const writeMs = now() - writeStart;
  const snapshotBytes = (await stat(snapshotFile)).size;
  const readStart = now();
  const restored = await readSnapshot(dir, 'bench', {}, snapshotFile);
  const readMs = now() - readStart;
  if (!restored.ok || restored.vectors === null) throw new Error('the snapshot did not restore its vectors');

  const vectors = corpusVectorsOf(saved, refusing);
  const searches = 10;
  for (let warmup = 0; warmup < 3; warmup += 1) vectors.sentences.nearest(standInVector(`warm-up ${warmup}`, USE_LITE_DIMENSIONS), 100);
  const searchStart = now();
  for (let search = 0; search < searches; search += 1)
    vectors.sentences.nearest(standInVector(`question ${search}`, USE_LITE_DIMENSIONS), 100);
  const searchMs = (now() - searchStart) / searches;

  const sentences = indexed.index.sentences.length;
  const vectorBytes = afterVectors.arrayBuffers - afterIndex.arrayBuffers;
  console.log(
    `## ${articles.toLocaleString('en-US')} articles (${sentences.toLocaleString('en-US')} sentences, ${texts.size.toLocaleString('en-US')} distinct texts with the titles)\n`,
  );
  console.log('| what | measured |');
  console.log('|---|---|');
  console.log(`| lexical index build | ${(buildMs / 1000).toFixed(1)} s, heap +${mb(afterIndex.heap - beforeIndex.heap)} MB |`);
  console.log(
    `| vectors, cold (computed from the cold rate above, not measured) | ${((coldMsPerThousand * texts.size) / 1000 / 1000 / 3600).toFixed(1)} h with the default workers |`,
  );
  console.log(`| vectors, warm: every text from the cache | ${(warmMs / 1000).toFixed(1)} s (cache file ${mb(cacheBytes)} MB) |`);
  console.log(
    `| memory of the vectors (int8 rows + factors, sentences and titles) | ${mb(vectorBytes)} MB of array buffers, heap ${signedMb(afterVectors.heap - afterIndex.heap)} MB |`,
  );
  console.log(
    `| snapshot with vectors | ${mb(snapshotBytes)} MB, written in ${(writeMs / 1000).toFixed(1)} s, read back in ${(readMs / 1000).toFixed(1)} s |`,
  );
  console.log(`| exact search: the 100 nearest of every sentence to one question | ${searchMs.toFixed(0)} ms |\n`);
}

function memory(): { heap: number; arrayBuffers: number } {
  const heap = heapAfterGc();
  return { heap, arrayBuffers: process.memoryUsage().arrayBuffers };
}

function rssAfterGc(): number {
  heapAfterGc();
  return process.memoryUsage().rss;
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}

function signedMb(bytes: number): string {
  return `${bytes >= 0 ? '+' : ''}${mb(bytes)}`;
}
