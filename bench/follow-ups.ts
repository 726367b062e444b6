/**
 * `npm run bench -- --follow-ups [--articles 1000,10000] [--questions 200]`: what a follow-up
 * question costs beside a question asked alone, in one process and one run, on the bench corpus
 * (bench/corpus.ts). Each SQuAD question is asked alone; then a short follow-up of it ("when was
 * that?", ...) is asked with it as context (the turn before: its question and the passages the
 * engine answered it with), and the same follow-up without context. The three kinds are
 * interleaved question by question, so that the machine's swings hit them alike; the ratio of
 * the follow-up's percentiles to the question's alone is the figure (bench/README.md).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSquad } from '../eval/squad.js';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { engineOver } from '../src/search/engine.js';
import { indexCorpus } from '../src/search/indexed-corpus.js';
import type { PreviousTurn } from '../src/search/types.js';
import { sourceSentences, writeCorpus } from './corpus.js';
import { describeMachine, machineLine } from './machine.js';
import { now, percentile } from './measure.js';
import { timedQuestions, warmupQuestions } from './questions.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Follow-ups that lean on the question before, as people type them; each first question gets the next one. */
const FOLLOW_UPS = ['when was that?', 'and why?', 'who said that?', 'where was it?', 'how many were there?', 'what about the others?'];
const WARMUPS = 20;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    'follow-ups': { type: 'boolean' },
    articles: { type: 'string', default: '1000,10000' },
    questions: { type: 'string', default: '200' },
  },
});
const sizes = values.articles.split(',').map(Number);
const questionCount = Number(values.questions);
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(questionCount) || questionCount < 1) {
  console.error('--articles must be whole numbers from 1, separated by commas, and --questions a whole number from 1');
  process.exit(2);
}

const work = await mkdtemp(join(tmpdir(), 'bench-follow-ups-'));
try {
  console.log(`# Follow-up questions benchmark\n\n${machineLine(describeMachine())}\n`);
  const squad = await loadSquad(join(ROOT, 'eval/data/squad-v1.1-dev-public.json'));
  const source = sourceSentences(squad.articles);
  const pool = squad.questions.map((question) => question.question);
  console.log('| articles (sentences) | kind | questions | p50 ms | p99 ms | × a question alone, p50 · p99 |');
  console.log('|---|---|---|---|---|---|');
  for (const size of sizes) await atSize(size, source, pool);
} finally {
  await rm(work, { recursive: true, force: true });
}

async function atSize(articles: number, source: readonly string[], pool: readonly string[]): Promise<void> {
  const dir = join(work, `corpus-${articles}`);
  const written = await writeCorpus(source, articles, dir);
  const engine = engineOver(indexCorpus(await loadCorpus(dir)));
  const times = { first: [] as number[], followUp: [] as number[], alone: [] as number[] };
  const ask = async (kind: keyof typeof times | null, question: string, context: readonly PreviousTurn[] = []) => {
    const start = now();
    const found = await engine.ask(question, context.length === 0 ? {} : { context });
    if (kind !== null) times[kind].push(now() - start);
    return found;
  };
  const round = async (kind: 'timed' | 'warm-up', question: string, at: number) => {
    const timed = kind === 'timed';
    const first = await ask(timed ? 'first' : null, question);
    const turn = {
      question,
      passages: first.answers.map(({ source: from }) => ({ article: from.article, paragraph: from.paragraph, sentence: from.sentence })),
    };
    const followUp = FOLLOW_UPS[at % FOLLOW_UPS.length] ?? 'when was that?';
    await ask(timed ? 'followUp' : null, followUp, [turn]);
    await ask(timed ? 'alone' : null, followUp);
  };
  for (const [at, question] of warmupQuestions(pool, questionCount, WARMUPS).entries()) await round('warm-up', question, at);
  for (const [at, question] of timedQuestions(pool, questionCount).entries()) await round('timed', question, at);

  const row = (label: string, values: readonly number[]) => {
    const ratio = (p: number) => (percentile(values, p) / percentile(times.first, p)).toFixed(2);
    console.log(
      `| ${articles.toLocaleString('en-US')} (${written.parsedSentences.toLocaleString('en-US')}) | ${label} | ${values.length} | ${percentile(values, 50).toFixed(2)} | ${percentile(values, 99).toFixed(2)} | ${ratio(50)} · ${ratio(99)} |`,
    );
  };
  row('SQuAD question, alone', times.first);
  row('follow-up, with the question before as context', times.followUp);
  row('the same follow-up, alone (mostly nothing to look up)', times.alone);
}
