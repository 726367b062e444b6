/**
 * `npm run report -- [--days N] [--guild ID] [--out report.html] [--log FILE] [--corpus DIR]`:
 * the question log as one self-contained HTML page (charts drawn now, no script, nothing loaded
 * from anywhere). Reads `.env` as `npm start` does, so it finds the log the bot writes.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../corpus/load-corpus.js';
import { buildReport } from '../report/build-report.js';
import type { ReportArticle } from '../report/report-data.js';
import { cliConfig } from './cli-config.js';

const USAGE = 'usage: npm run report -- [--days N] [--guild SERVER_ID] [--out report.html] [--log FILE] [--corpus DIR]';

async function main(): Promise<number> {
  const config = cliConfig('report');
  if (config === null) return 1;
  let values: { days?: string; guild?: string; out: string; log?: string; corpus: string };
  try {
    ({ values } = parseArgs({
      options: {
        days: { type: 'string' },
        guild: { type: 'string' },
        out: { type: 'string', default: 'report.html' },
        log: { type: 'string' },
        corpus: { type: 'string', default: config.corpusDir },
      },
    }));
  } catch (error) {
    process.stderr.write(`report: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 1;
  }
  const days = values.days === undefined ? null : Number(values.days);
  if (days !== null && !(Number.isSafeInteger(days) && days >= 1)) {
    process.stderr.write(`report: --days must be a whole number of days, 1 or more (got "${values.days}")\n${USAGE}\n`);
    return 1;
  }
  if (values.guild !== undefined && !/^\d{17,20}$/u.test(values.guild)) {
    process.stderr.write(`report: --guild must be a server id, 17 to 20 digits (got "${values.guild}")\n${USAGE}\n`);
    return 1;
  }
  const file = values.log ?? config.questionLog;
  if (file === null) {
    process.stderr.write('report: QUESTION_LOG is off, so there is no log to report on; give one with --log FILE\n');
    return 1;
  }

  const started = performance.now();
  const articles = await corpusArticles(values.corpus);
  const { data, html } = await buildReport({ file, days, guild: values.guild ?? null, articles });
  await writeFile(values.out, html);
  const { read, totals } = data;
  process.stdout.write(
    `Wrote ${values.out}: ${totals.questions.toLocaleString('en')} questions (${totals.unanswered.toLocaleString('en')} with nothing relevant, ` +
      `${data.unansweredGroups.length} ${data.unansweredGroups.length === 1 ? 'group' : 'groups'}), ${totals.up} 👍 / ${totals.down} 👎, from ${read.lines.toLocaleString('en')} lines of ` +
      `${read.files.length} ${read.files.length === 1 ? 'file' : 'files'} in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      `${read.damaged + read.foreign > 0 ? `; skipped ${read.damaged} damaged and ${read.foreign} foreign lines` : ''}.\n`,
  );
  if (read.files.length === 0) process.stderr.write(`report: ${file} does not exist yet: the report is empty\n`);
  return 0;
}

/** The corpus's articles for titles and "never cited"; null (said on standard error) when the folder cannot be read. */
async function corpusArticles(dir: string): Promise<ReportArticle[] | null> {
  try {
    const corpus = await loadCorpus(dir);
    return corpus.articles.map((article) => ({ id: article.id, title: article.title }));
  } catch (error) {
    process.stderr.write(
      `report: the corpus ${dir} could not be read (${error instanceof Error ? error.message : String(error)}); titles are not shown\n`,
    );
    return null;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`report: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
