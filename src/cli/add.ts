/**
 * `npm run add -- <url | file.html | file.txt | file.md> [...]`: turns web pages, saved pages,
 * text files and feeds into corpus files, and says what it wrote.
 */
import { parseArgs } from 'node:util';
import { CorpusFolderError } from '../corpus/corpus-folder-error.js';
import { cliConfig } from './cli-config.js';
import { CORPUS_OPTION, CORPUS_OPTION_USAGE, corpusFolder } from './corpus-folder.js';
import { IngestRefusal } from '../ingest/ingest-refusal.js';
import { Ingester, type AddResult, type FeedRun } from '../ingest/ingester.js';

export const ADD_USAGE = `usage: npm run add -- [--corpus DIR] <url | file.html | file.txt | file.md> [...]

Adds each article to the corpus folder as a Markdown file (title, date, url and source from the
page's own tags), or, for an RSS / Atom feed's address, every article the feed lists. The same
article is never added twice. Anything that starts with a scheme (https:, data:) is an address;
a file whose name has a colon is given as ./name. Pages from loopback addresses are refused unless
FETCH_ALLOW_LOOPBACK=true; private and other internal addresses always are.

${CORPUS_OPTION_USAGE}
  -h, --help     show this help`;

async function main(argv: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArguments>;
  try {
    parsed = parseArguments(argv);
  } catch (error) {
    process.stderr.write(`add: ${error instanceof Error ? error.message : String(error)}\n\n${ADD_USAGE}\n`);
    return 2;
  }
  if (parsed.values.help === true || parsed.positionals.length === 0) {
    (parsed.values.help === true ? process.stdout : process.stderr).write(`${ADD_USAGE}\n`);
    return parsed.values.help === true ? 0 : 2;
  }
  const config = cliConfig('add');
  if (config === null) return 2;
  const corpusDir = corpusFolder(parsed.values.corpus, config);
  const ingester = new Ingester({ corpusDir, fetch: { allowLoopback: config.fetchAllowLoopback } });

  let failures = 0;
  let written = 0;
  for (const input of parsed.positionals) {
    try {
      const result = namesAnAddress(input) ? await ingester.addUrl(input) : await ingester.addFile(input);
      written += result.status === 'added' ? 1 : result.status === 'feed' ? result.added.length : 0;
      process.stdout.write(describe(input, result));
    } catch (error) {
      if (!(error instanceof IngestRefusal)) throw error;
      failures += 1;
      process.stderr.write(`Refused ${input}: ${error.message}\n`);
    }
  }
  if (written > 0) {
    process.stdout.write(
      `${written} ${written === 1 ? 'article' : 'articles'} added to ${corpusDir}. A running bot answers from them after /reload (or its next feed poll).\n`,
    );
  }
  return failures > 0 ? 1 : 0;
}

/**
 * An input that starts with a scheme (`https://…`, but also `data:…`, `javascript:…`) is an
 * address, refused as such when it is not http(s); anything else is a file on this machine. A
 * scheme is two letters or more, so `C:\…` stays a path; a file whose name has a colon before
 * any slash is given as `./name`.
 */
function namesAnAddress(input: string): boolean {
  return /^[a-z][a-z\d+.-]+:/iu.test(input);
}

function parseArguments(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: { ...CORPUS_OPTION, help: { type: 'boolean', short: 'h' } },
  });
}

function describe(input: string, result: AddResult | FeedRun): string {
  switch (result.status) {
    case 'added':
      return `Added ${result.file}: "${result.title}" (${result.date ?? 'no date'}), ${result.sentences} sentences, ${result.url === null ? 'no url' : `from ${result.url}`}\n`;
    case 'duplicate':
      return `Skipped ${input}: already in the corpus as ${result.existing.file} ("${result.existing.title}", same ${result.existing.by === 'url' ? 'address' : 'text'})\n`;
    case 'feed': {
      const lines = [
        `Feed ${input}${result.title === null ? '' : ` ("${result.title}")`}: ${result.entries} entries, ${result.added.length} added, ${result.alreadyKnown} already known, ${result.refused.length} refused`,
        ...result.added.map(
          (article) => `  Added ${article.file}: "${article.title}" (${article.date ?? 'no date'}), ${article.sentences} sentences`,
        ),
        ...result.refused.map((entry) => `  Refused ${entry.url}: ${entry.reason}`),
      ];
      return `${lines.join('\n')}\n`;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `add: ${error instanceof CorpusFolderError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
