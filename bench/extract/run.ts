/**
 * `npm run bench:extract -- [--pages DIR] [--all]`: how much of each page's article our
 * extraction keeps, beside Readability alone on the same pages in the same run. See
 * bench/README.md ("Extraction").
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { parseHtmlDocument } from '../../src/ingest/dom.js';
import { extractArticle } from '../../src/ingest/extract-article.js';
import { IngestRefusal } from '../../src/ingest/ingest-refusal.js';
import { codeLine, describeCode } from '../code-version.js';
import { describeMachine, machineLine } from '../machine.js';
import { bagOfWordsScores, type WordScores } from './bag-of-words.js';
import { readPageSet, type BenchPage } from './page-set.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const IN_REPO_SET = fileURLToPath(new URL('pages/', import.meta.url));
/** A page this much worse than Readability alone is listed. */
const WORSE_BY = 0.1;

const USAGE = `npm run bench:extract -- [--pages DIR] [--all]

  --pages DIR  a set laid out as the Scrapinghub article-extraction benchmark: DIR/ground-truth.json
               and DIR/html/<id>.html(.gz) (default: bench/extract/pages, Wikinews pages in the repo)
  --all        a row for every page, not only those worse than Readability alone or refused`;

interface Extraction {
  readonly text: string;
  /** Why nothing was extracted, when nothing was. */
  readonly refused: string | null;
}

interface Row {
  readonly page: BenchPage;
  readonly ours: WordScores & Extraction;
  readonly readability: WordScores & Extraction;
  readonly stored: WordScores | null;
}

const { values } = parseArgs({
  options: { pages: { type: 'string' }, all: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
if (values.help === true) {
  console.log(USAGE);
  process.exit(0);
}
const dir = values.pages ?? IN_REPO_SET;
const set = await readPageSet(dir);

const timings = { ours: 0, readability: 0 };
const rows: Row[] = set.pages.map((page) => {
  const ours = timed('ours', () => ourExtraction(page));
  const readability = timed('readability', () => readabilityAlone(page));
  const stored = set.storedReadability?.get(page.id);
  return {
    page,
    ours: { ...bagOfWordsScores(page.truth, ours.text), ...ours },
    readability: { ...bagOfWordsScores(page.truth, readability.text), ...readability },
    stored: stored === undefined ? null : bagOfWordsScores(page.truth, stored),
  };
});

console.log(`# Extraction benchmark: ${set.pages.length} pages from ${dir}\n`);
console.log(`${machineLine(describeMachine())}\n`);
console.log(`${codeLine(describeCode(ROOT))}\n`);
console.log("Bag-of-words precision, recall and F1 against each page's true article body, averaged over pages; a refused page counts 0.\n");
console.log('| extractor | refused | mean precision | mean recall | mean F1 | median F1 | time |');
console.log('|---|---|---|---|---|---|---|');
console.log(
  summary(
    'article-qa-bot (`extractArticle`)',
    rows.map((row) => row.ours),
    timings.ours,
  ),
);
console.log(
  summary(
    'Readability alone (same run, linkedom)',
    rows.map((row) => row.readability),
    timings.readability,
  ),
);
const stored = rows.map((row) => row.stored).filter((scores) => scores !== null);
if (stored.length === rows.length) console.log(summary('Readability.js stored in the set (jsdom)', stored, null));

const worse = rows.filter((row) => row.ours.refused !== null || row.ours.f1 < row.readability.f1 - WORSE_BY);
console.log(
  `\n${worse.length} pages refused or worse than Readability alone by more than ${WORSE_BY} F1${worse.length === 0 ? '.' : ':'}\n`,
);
const listed = values.all ? rows : worse;
if (listed.length > 0) {
  console.log('| page | url | F1 ours | F1 Readability | Δ | words ours / true | refused |');
  console.log('|---|---|---|---|---|---|---|');
  for (const row of [...listed].sort((a, b) => a.ours.f1 - a.readability.f1 - (b.ours.f1 - b.readability.f1))) {
    console.log(
      `| ${row.page.id.slice(0, 12)} | ${row.page.url ?? ''} | ${row.ours.f1.toFixed(3)} | ${row.readability.f1.toFixed(3)} | ${(row.ours.f1 - row.readability.f1).toFixed(3)} | ${wordCount(row.ours.text)} / ${wordCount(row.page.truth)} | ${row.ours.refused ?? ''} |`,
    );
  }
}

function ourExtraction(page: BenchPage): Extraction {
  try {
    return { text: extractArticle(page.html, page.url).paragraphs.join('\n'), refused: null };
  } catch (error) {
    if (!(error instanceof IngestRefusal)) throw error;
    return { text: '', refused: error.message };
  }
}

/** Readability with its defaults over the same parser, its text as it gives it (what the Scrapinghub benchmark stores for Readability.js). */
function readabilityAlone(page: BenchPage): Extraction {
  const parsed = new Readability(parseHtmlDocument(page.html)).parse();
  const text = parsed?.textContent ?? '';
  return { text, refused: parsed === null ? 'no article found' : null };
}

function timed<T>(which: keyof typeof timings, run: () => T): T {
  const started = performance.now();
  try {
    return run();
  } finally {
    timings[which] += performance.now() - started;
  }
}

function summary(name: string, scores: readonly (WordScores & { refused?: string | null })[], ms: number | null): string {
  const mean = (pick: (score: WordScores) => number) => (scores.reduce((sum, score) => sum + pick(score), 0) / scores.length).toFixed(3);
  const refused = scores.filter((score) => score.refused !== undefined && score.refused !== null).length;
  const time = ms === null ? '' : `${(ms / 1000).toFixed(1)} s`;
  return `| ${name} | ${refused} | ${mean((score) => score.precision)} | ${mean((score) => score.recall)} | ${mean((score) => score.f1)} | ${median(scores.map((score) => score.f1)).toFixed(3)} | ${time} |`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => word !== '').length;
}
