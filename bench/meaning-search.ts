/**
 * `npm run bench -- --meaning-search [--articles 100,1000] [--questions 200] [--scan 1000,10000,100000]`:
 * how well, and at what cost, the engine's search by meaning finds the sentences nearest a
 * question, in one process (bench/run.ts starts it so). The engine looks for the 20 sentences
 * nearest in meaning only in the 20 articles whose mean sentence vector is nearest
 * (`CandidateFinder`, `vectorCandidates` and `vectorArticles`); here that search, done the same
 * way through `TextVectors`, is compared with exact search over every sentence:
 *
 * 1. At `--articles` (the bench corpus, with the model's vectors from the bench's vector cache,
 *    filled by `npm run bench` with `ours-meaning`, and the SQuAD questions embedded by the model):
 *    the share of the exact 20 nearest sentences that the search by article means finds, whether
 *    it finds the nearest one, and the time of each.
 * 2. At `--scan` articles (stand-in vectors: the cost does not depend on their values): the time
 *    of the first step alone, comparing the question with every article's mean, which grows with
 *    the corpus, against a budget of a few milliseconds a question.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSquad } from '../eval/squad.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { resolveOptions } from '../src/search/options.js';
import { embedTexts } from '../src/search/vectors/corpus-vectors.js';
import { SentenceEmbedding } from '../src/search/vectors/sentence-embedding.js';
import { TextVectors } from '../src/search/vectors/sentence-vectors.js';
import { USE_LITE_DIMENSIONS } from '../src/search/vectors/use-lite.js';
import { sourceSentences, writeCorpus } from './corpus.js';
import { describeMachine, machineLine } from './machine.js';
import { now, percentile } from './measure.js';
import { BENCH_VECTOR_CACHE } from './options.js';
import { timedQuestions } from './questions.js';
import { standInVector } from './stand-in-vectors.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { vectorCandidates, vectorArticles } = resolveOptions();

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    'meaning-search': { type: 'boolean' },
    articles: { type: 'string', default: '100,1000' },
    questions: { type: 'string', default: '200' },
    scan: { type: 'string', default: '1000,10000,30000,100000' },
    'vector-cache': { type: 'string', default: BENCH_VECTOR_CACHE },
  },
});
const numbers = (text: string) => text.split(',').map(Number);
const sizes = numbers(values.articles);
const scanSizes = numbers(values.scan);
const questionCount = Number(values.questions);
if ([...sizes, ...scanSizes, questionCount].some((value) => !Number.isInteger(value) || value < 1)) {
  console.error('--articles and --scan take whole numbers from 1 separated by commas, --questions a whole number from 1');
  process.exit(2);
}

const work = await mkdtemp(join(tmpdir(), 'bench-meaning-search-'));
const embedding = await SentenceEmbedding.open({ cacheDir: resolve(values['vector-cache']) });
try {
  console.log(`# Search by meaning: article means against exact search\n\n${machineLine(describeMachine())}\n`);
  const squad = await loadSquad(join(ROOT, 'eval/data/squad-v1.1-dev-public.json'));
  const source = sourceSentences(squad.articles);
  const questions = timedQuestions(squad.questions, questionCount).map((question) => question.question);
  const questionVectors = await embedding.embedder.embed(questions);
  console.log(
    `${questions.length} SQuAD questions (the bench's timed ones), embedded by the model; the ${vectorCandidates} nearest sentences, looked for in the ${vectorArticles} articles with the nearest mean (the engine's defaults), against the ${vectorCandidates} nearest of every sentence.\n`,
  );
  console.log(
    '| articles (sentences) | exact 20 found: mean · worst | nearest found | exact search p50 / p99 ms | by article means p50 / p99 ms |',
  );
  console.log('|---|---|---|---|---|');
  for (const articles of sizes) await recallAt(articles, source, questionVectors);
  console.log(
    `\nThe first step alone, one question against every article's mean (stand-in vectors, ${USE_LITE_DIMENSIONS} dimensions, int8; 50 searches after 5 untimed):\n`,
  );
  console.log('| articles | means MB | p50 ms | p99 ms |');
  console.log('|---|---|---|---|');
  for (const articles of scanSizes) scanAt(articles);
} finally {
  await embedding.close();
  await rm(work, { recursive: true, force: true });
}

async function recallAt(articles: number, source: readonly string[], questionVectors: readonly Float32Array[]): Promise<void> {
  const dir = join(work, `corpus-${articles}`);
  await writeCorpus(source, articles, dir);
  const corpus = await loadCorpus(dir);
  const texts = corpus.articles.flatMap((article) => article.sentences.map((sentence) => sentence.text));
  const sentences = await embedTexts(texts, embedding.embedder, {
    cache: embedding.cache,
    onPlan: (plan) => {
      if (plan.toEmbed > 0)
        throw new Error(
          `${plan.toEmbed} sentences of ${articles} articles are not in the vector cache: run npm run bench with ours-meaning first`,
        );
    },
  });
  let first = 0;
  const ranges = corpus.articles.map((article) => {
    const range = { first, end: first + article.sentences.length };
    first = range.end;
    return range;
  });
  const means = articleMeans(sentences, ranges);
  const shares: number[] = [];
  let nearestFound = 0;
  const exactMs: number[] = [];
  const byMeansMs: number[] = [];
  for (const question of questionVectors) {
    let start = now();
    const exact = sentences.nearest(question, vectorCandidates);
    exactMs.push(now() - start);
    start = now();
    const found = new Set(
      means
        .nearest(question, vectorArticles)
        .flatMap(({ row }) => {
          const range = ranges[row];
          return range === undefined ? [] : sentences.nearest(question, vectorCandidates, range.first, range.end);
        })
        .sort((a, b) => b.cosine - a.cosine || a.row - b.row)
        .slice(0, vectorCandidates)
        .map((near) => near.row),
    );
    byMeansMs.push(now() - start);
    shares.push(exact.filter((near) => found.has(near.row)).length / Math.max(exact.length, 1));
    if (exact[0] !== undefined && found.has(exact[0].row)) nearestFound += 1;
  }
  const mean = shares.reduce((sum, share) => sum + share, 0) / shares.length;
  console.log(
    `| ${articles.toLocaleString('en-US')} (${sentences.count.toLocaleString('en-US')}) | ${pct(mean)} · ${pct(Math.min(...shares))} | ${pct(nearestFound / shares.length)} | ${ms(exactMs)} | ${ms(byMeansMs)} |`,
  );
}

/** Each article's mean sentence vector, as the engine makes them: the sum of its sentences' vectors, quantised. */
function articleMeans(sentences: TextVectors, ranges: ReadonlyArray<{ readonly first: number; readonly end: number }>): TextVectors {
  return TextVectors.fromFloats(
    ranges.map(({ first, end }) => {
      const sum = new Float32Array(sentences.dimensions);
      for (let row = first; row < end; row += 1) {
        const vector = sentences.vector(row);
        for (let at = 0; at < sum.length; at += 1) sum[at] = (sum[at] ?? 0) + (vector[at] ?? 0);
      }
      return sum;
    }),
    sentences.dimensions,
  );
}

function scanAt(articles: number): void {
  const means = TextVectors.fromFloats(
    Array.from({ length: articles }, (_unused, row) => standInVector(`article ${row}`, USE_LITE_DIMENSIONS)),
    USE_LITE_DIMENSIONS,
  );
  const times: number[] = [];
  for (let search = 0; search < 55; search += 1) {
    const question = standInVector(`question ${search}`, USE_LITE_DIMENSIONS);
    const start = now();
    means.nearest(question, vectorArticles);
    if (search >= 5) times.push(now() - start);
  }
  const megabytes = (means.rows.byteLength + means.factors.byteLength) / 2 ** 20;
  console.log(
    `| ${articles.toLocaleString('en-US')} | ${megabytes.toFixed(1)} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 99).toFixed(2)} |`,
  );
}

function ms(times: readonly number[]): string {
  return `${percentile(times, 50).toFixed(2)} / ${percentile(times, 99).toFixed(2)}`;
}

function pct(share: number): string {
  return `${(share * 100).toFixed(0)} %`;
}
