/**
 * One report, built as `npm run report` builds it (the corpus read for titles, the log streamed,
 * the page written), in a process of its own; prints its wall time and peak memory as JSON.
 * Run by `bench/report.ts`.
 */
import { writeFile } from 'node:fs/promises';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import { buildReport } from '../src/report/build-report.js';

const [log, out, guild] = process.argv.slice(2);
if (log === undefined || out === undefined) throw new Error('usage: report-child.ts LOG OUT [GUILD]');
const started = performance.now();
const corpus = await loadCorpus('corpus/');
const { data, html } = await buildReport({
  file: log,
  days: null,
  guild: guild ?? null,
  articles: corpus.articles.map(({ id, title }) => ({ id, title })),
});
await writeFile(out, html);
process.stdout.write(
  `${JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    lines: data.read.lines,
    questions: data.totals.questions,
    groups: data.unansweredGroups.length,
    damaged: data.read.damaged,
    foreign: data.read.foreign,
    htmlBytes: Buffer.byteLength(html),
  })}\n`,
);
