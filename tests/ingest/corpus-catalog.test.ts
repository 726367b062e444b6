import { copyFile, mkdtemp, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_FILE } from '../../src/ingest/corpus-catalog.js';
import { Ingester, type AddResult, type FeedRun } from '../../src/ingest/ingester.js';
import { PAGES, startFixtureServer, type FixtureServer } from './support/fixture-server.js';

let server: FixtureServer;
let dir: string;
let ingester: Ingester;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalog-'));
  await copyFile('corpus/2025-07-03-trump-putin-call.md', join(dir, '2025-07-03-trump-putin-call.md'));
  ingester = new Ingester({ corpusDir: dir, fetch: { allowLoopback: true, limits: { timeoutMs: 2_000 } } });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const BARCELONA_URL = 'https://en.wikinews.org/wiki/Building_in_Barcelona_damaged_by_explosion';
const BARCELONA_FILE = '2005-07-12-building-in-barcelona-damaged-by-explosion.md';

function status(result: AddResult | FeedRun): string {
  return result.status;
}

async function catalogedFiles(): Promise<string[]> {
  const saved = JSON.parse(await readFile(join(dir, CATALOG_FILE), 'utf8')) as { files: Record<string, unknown> };
  return Object.keys(saved.files).sort();
}

/** Saves `text` as `name` the way most editors do: a new file renamed over the old one. */
async function saveAsEditorsDo(name: string, text: string): Promise<void> {
  await writeFile(join(dir, `.${name}.swp`), text);
  await rename(join(dir, `.${name}.swp`), join(dir, name));
}

describe('the corpus catalog', () => {
  it('is written beside the articles when one is added, listing every article file', async () => {
    expect(status(await ingester.addUrl(server.url(PAGES.barcelona)))).toBe('added');
    expect(await catalogedFiles()).toEqual([BARCELONA_FILE, '2025-07-03-trump-putin-call.md']);
  });

  it('answers a duplicate address from the catalog without fetching it', async () => {
    await ingester.addUrl(server.url(PAGES.barcelona));
    const before = server.requests.length;
    expect(await ingester.addUrl(`${BARCELONA_URL}?utm_source=feed`)).toMatchObject({
      status: 'duplicate',
      existing: { by: 'url', file: join(dir, BARCELONA_FILE) },
    });
    expect(server.requests.length).toBe(before);
  });

  it('is shared by additions running at once, so the same page added twice at once is written once', async () => {
    const results = await Promise.all([ingester.addUrl(server.url(PAGES.barcelona)), ingester.addUrl(server.url(PAGES.barcelona))]);
    expect(results.map(status).sort()).toEqual(['added', 'duplicate']);
    expect((await readdir(dir)).filter((name) => name.endsWith('.md')).sort()).toEqual([BARCELONA_FILE, '2025-07-03-trump-putin-call.md']);
  });

  it('keeps in step with files added, edited and removed by hand since it was written', async () => {
    await ingester.addUrl(server.url(PAGES.barcelona));
    // Added by hand: its address is a duplicate, found without fetching.
    await writeFile(
      join(dir, 'by-hand.md'),
      '---\ntitle: Ferry strike ends\nurl: https://news.example/ferry\n---\n\nThe ferry service resumed on Thursday.\n',
    );
    const before = server.requests.length;
    expect(await ingester.addUrl('https://news.example/ferry')).toMatchObject({
      status: 'duplicate',
      existing: { title: 'Ferry strike ends' },
    });
    expect(server.requests.length).toBe(before);
    // Edited by hand and saved as editors save: the new address is known, the old one no longer.
    await saveAsEditorsDo(
      'by-hand.md',
      '---\ntitle: Ferry strike ends after two weeks\nurl: https://news.example/ferry-strike\n---\n\nThe ferry service resumed on Thursday.\n',
    );
    expect(await ingester.addUrl('https://news.example/ferry-strike')).toMatchObject({
      status: 'duplicate',
      existing: { title: 'Ferry strike ends after two weeks' },
    });
    // Removed by hand: the article is added again.
    await unlink(join(dir, BARCELONA_FILE));
    expect(status(await ingester.addUrl(server.url(PAGES.barcelona)))).toBe('added');
    expect(await catalogedFiles()).toEqual([BARCELONA_FILE, '2025-07-03-trump-putin-call.md', 'by-hand.md']);
  });

  it('never calls an article a duplicate for what a file rewritten in place used to say', async () => {
    await ingester.addUrl(server.url(PAGES.barcelona));
    const file = join(dir, BARCELONA_FILE);
    // Rewritten in place (its folder's time stays as it was), with another address.
    await writeFile(file, (await readFile(file, 'utf8')).replace(BARCELONA_URL, 'https://mirror.example/barcelona'));
    const fresh = new Ingester({ corpusDir: dir, fetch: { allowLoopback: true, limits: { timeoutMs: 2_000 } } });
    const result = await fresh.addUrl(server.url(PAGES.barcelona));
    // The page's canonical address is no longer in the corpus; its text still is, and says so.
    expect(result).toMatchObject({ status: 'duplicate', existing: { by: 'content', file } });
  });

  it('is rebuilt from the folder when damaged, and still finds the same text under another address', async () => {
    await ingester.addUrl(server.url(PAGES.barcelona));
    await writeFile(join(dir, CATALOG_FILE), '{"version": 1, "files": {"x.md": [');
    expect(await ingester.addUrl(BARCELONA_URL)).toMatchObject({ status: 'duplicate', existing: { by: 'url' } });
    await writeFile(join(dir, CATALOG_FILE), 'not json at all');
    const copy = join(dir, '..', `${dir.split('/').pop() ?? 'x'}-copy.md`);
    const written = await readFile(join(dir, BARCELONA_FILE), 'utf8');
    await writeFile(copy, written.replace(BARCELONA_URL, 'https://mirror.example/barcelona'));
    try {
      expect(await ingester.addFile(copy)).toMatchObject({ status: 'duplicate', existing: { by: 'content' } });
    } finally {
      await rm(copy, { force: true });
    }
  });
});
