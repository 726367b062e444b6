/**
 * `npm run bench:add -- [--articles 10000] [--repeats 5]`: what `npm run add` of one page costs
 * into an empty corpus and into a large one, side by side in one run; and a duplicate address.
 * See bench/README.md ("Adding").
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CATALOG_FILE, CorpusCatalog } from '../../src/ingest/corpus-catalog.js';
import { loadSquad, SQUAD_FILE } from '../../eval/squad.js';
import { codeLine, describeCode } from '../code-version.js';
import { articleText, sourceSentences } from '../corpus.js';
import { describeMachine, machineLine } from '../machine.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const PAGE = join(ROOT, 'bench/extract/pages/html/heavy-furniture.html');
// The page's canonical address: what the corpus file records, and what a duplicate is given as.
const CANONICAL = 'https://en.wikinews.org/wiki/Study:_people_infected_by_new_coronavirus_%27likely%27_hundreds_more_than_confirmed';

const USAGE = `npm run bench:add -- [--articles N] [--repeats R]

  --articles N  articles in the large corpus (default 10000)
  --repeats R   timed runs of each case, interleaved (default 5)`;

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    repeats: { type: 'string', default: '5' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help === true) {
  console.log(USAGE);
  process.exit(0);
}
const articles = Number(values.articles);
const repeats = Number(values.repeats);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(repeats) || repeats < 1) {
  console.error(`--articles and --repeats must be whole numbers from 1\n\n${USAGE}`);
  process.exit(2);
}

interface Run {
  readonly ms: number;
  /** Peak resident memory of the process, from GNU time. */
  readonly maxRssMb: number;
  readonly stdout: string;
}

const work = await mkdtemp(join(tmpdir(), 'bench-add-'));
const server = await servePage(await readFile(PAGE, 'utf8'));
try {
  await main(work, server);
} finally {
  server.close();
  await rm(work, { recursive: true, force: true });
}

async function main(dir: string, pageServer: Server): Promise<void> {
  const url = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}/story.html`;
  const empty = join(dir, 'empty');
  const large = join(dir, 'large');
  await mkdir(empty);
  const squad = await loadSquad(join(ROOT, SQUAD_FILE));
  await writeArticles(sourceSentences(squad.articles), articles, large);

  console.log(`# Adding one page: an empty corpus against ${articles.toLocaleString('en-US')} articles\n`);
  console.log(`${machineLine(describeMachine())}\n`);
  console.log(`${codeLine(describeCode(ROOT))}\n`);
  console.log(
    `Each run is \`tsx src/cli/add.ts --corpus DIR ${url}\` (what \`npm run add\` runs) in a fresh process (the duplicate: the same with the page's canonical address, which is never fetched), FETCH_ALLOW_LOOPBACK=true, the page (bench/extract/pages/html/heavy-furniture.html) served from 127.0.0.1 by this process. Wall time from spawn to exit; peak RSS from GNU time. The large corpus is ${articles.toLocaleString('en-US')} .md articles of 30 SQuAD sentences with a title and an address each (bench/corpus.ts's sentences). After each addition the new file is deleted and the catalog and the folder's modification time put back as they were, so every run of a case does the same work, the work of a second addition after a first. ${repeats} runs of each case, empty and large alternating; × is the time over the empty corpus's new-page time.\n`,
  );

  // The first addition to a large corpus without a catalog reads every article once. Then the
  // article goes again, and the catalog is brought in step with that, as the next addition would.
  const largeFiles = new Set(await readdir(large));
  const cold = await add(large, url);
  for (const name of await readdir(large)) if (!largeFiles.has(name) && name !== CATALOG_FILE) await rm(join(large, name));
  await (await CorpusCatalog.open(large, await CorpusCatalog.readSaved(large))).save();

  const cases = { empty: [] as Run[], large: [] as Run[], emptyDuplicate: [] as Run[], largeDuplicate: [] as Run[] };
  for (let run = 0; run < repeats; run += 1) {
    const before = await Promise.all([empty, large].map(async (corpus) => ({ corpus, state: await stateOf(corpus) })));
    // Empty and large alternate, and which goes first alternates too, so that the machine's
    // load drifting during the run weighs on both alike.
    const order = run % 2 === 0 ? [empty, large] : [large, empty];
    for (const corpus of order) (corpus === empty ? cases.empty : cases.large).push(await add(corpus, url));
    // Given as its canonical address, which is never fetched here: only the catalog can answer.
    for (const corpus of order.reverse())
      (corpus === empty ? cases.emptyDuplicate : cases.largeDuplicate).push(await add(corpus, CANONICAL));
    for (const { corpus, state } of before) await undo(corpus, state);
  }

  const median = (runs: readonly Run[], pick: (run: Run) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  const fastest = (runs: readonly Run[]) => Math.min(...runs.map((run) => run.ms));
  const row = (name: string, runs: readonly Run[], base: readonly Run[] | null) => {
    const ms = median(runs, (run) => run.ms);
    const ratio = base === null ? '' : `${(ms / median(base, (run) => run.ms)).toFixed(2)}×`;
    const fastestRatio = base === null ? '' : `${(fastest(runs) / fastest(base)).toFixed(2)}×`;
    return `| ${name} | ${runs.length} | ${(ms / 1000).toFixed(2)} s | ${ratio} | ${(fastest(runs) / 1000).toFixed(2)} s | ${fastestRatio} | ${median(runs, (run) => run.maxRssMb).toFixed(0)} MB |`;
  };
  console.log('| case | runs | median wall time | × (medians) | fastest | × (fastest) | median peak RSS |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(row('add a new page, empty corpus (the base of ×)', cases.empty, null));
  console.log(row(`add a new page, ${articles.toLocaleString('en-US')} articles`, cases.large, cases.empty));
  console.log(row('same address again (duplicate), empty corpus', cases.emptyDuplicate, cases.empty));
  console.log(row(`same address again (duplicate), ${articles.toLocaleString('en-US')} articles`, cases.largeDuplicate, cases.empty));
  console.log(row(`first addition, ${articles.toLocaleString('en-US')} articles, no catalog yet (once)`, [cold], cases.empty));
  const [sample] = cases.largeDuplicate;
  if (sample !== undefined) console.log(`\nA duplicate run said: ${sample.stdout.trim()}`);
}

/** Runs `npm run add`'s command once and times it. */
function add(corpus: string, url: string): Promise<Run> {
  const rssFile = join(work, 'rss.txt');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rssFile, TSX, 'src/cli/add.ts', '--corpus', corpus, url], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, FETCH_ALLOW_LOOPBACK: 'true', DOTENV_CONFIG_PATH: '/nonexistent/.env' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`npm run add exited ${code}: ${stderr}`));
        return;
      }
      readFile(rssFile, 'utf8').then((text) => resolve({ ms, maxRssMb: Number(text.trim().split('\n').pop()) / 1024, stdout }), reject);
    });
  });
}

interface CorpusState {
  readonly files: ReadonlySet<string>;
  readonly catalog: string | null;
  readonly folder: { readonly atime: Date; readonly mtime: Date };
}

async function stateOf(corpus: string): Promise<CorpusState> {
  const { atime, mtime } = await stat(corpus);
  return {
    files: new Set(await readdir(corpus)),
    catalog: await readFile(join(corpus, CATALOG_FILE), 'utf8').catch(() => null),
    folder: { atime, mtime },
  };
}

/**
 * Takes the added article out again, and puts the catalog and the folder's modification time
 * back as they were before the addition: the next run finds the corpus exactly as this one did
 * (as a second \`npm run add\` finds it after the first).
 */
async function undo(corpus: string, before: CorpusState): Promise<void> {
  for (const name of await readdir(corpus)) if (!before.files.has(name) && name !== CATALOG_FILE) await rm(join(corpus, name));
  if (before.catalog === null) await rm(join(corpus, CATALOG_FILE), { force: true });
  else await writeFile(join(corpus, CATALOG_FILE), before.catalog);
  await utimes(corpus, before.folder.atime, before.folder.mtime);
}

async function writeArticles(source: readonly string[], count: number, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const BATCH = 200;
  for (let start = 0; start < count; start += BATCH) {
    const writes: Promise<void>[] = [];
    for (let index = start; index < Math.min(count, start + BATCH); index += 1) {
      const name = `a${String(index + 1).padStart(6, '0')}`;
      const front = `---\ntitle: Article ${index + 1}\ndate: 2020-01-01\nurl: https://news.example/${name}\nsource: Example\n---\n\n`;
      writes.push(writeFile(join(dir, `${name}.md`), `${front}${articleText(source, index)}`));
    }
    await Promise.all(writes);
  }
}

function servePage(html: string): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
