import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { Ingester, type AddResult, type FeedRun } from '../../src/ingest/ingester.js';
import { loadEngine } from '../../src/search/load-engine.js';
import { refusal } from './support/refusal.js';
import { fixture, PAGES, startFixtureServer, type FixtureServer } from './support/fixture-server.js';

let server: FixtureServer;
let dir: string;
let ingester: Ingester;
const NOW = Date.parse('2026-11-30T12:34:56.789Z');

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-'));
  await copyFile('corpus/2025-07-03-trump-putin-call.md', join(dir, '2025-07-03-trump-putin-call.md'));
  ingester = new Ingester({ corpusDir: dir, fetch: { allowLoopback: true, limits: { timeoutMs: 2_000 } }, now: () => NOW });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function added(result: AddResult | FeedRun) {
  if (result.status !== 'added') throw new Error(`expected an added article, got ${JSON.stringify(result)}`);
  return result;
}

const files = async () => (await readdir(dir)).sort();

describe('Ingester.addUrl', () => {
  it('writes one Markdown file named after the date and title, with the page’s title, date, canonical url, source and when it was added', async () => {
    const result = added(await ingester.addUrl(server.url(PAGES.barcelona)));
    expect(result).toMatchObject({
      file: join(dir, '2005-07-12-building-in-barcelona-damaged-by-explosion.md'),
      title: 'Building in Barcelona damaged by explosion',
      date: '2005-07-12',
      url: 'https://en.wikinews.org/wiki/Building_in_Barcelona_damaged_by_explosion',
      paragraphs: 3,
      sentences: 8,
      feed: null,
    });
    expect(await readFile(result.file, 'utf8')).toBe(
      [
        '---',
        'title: Building in Barcelona damaged by explosion',
        "date: '2005-07-12'",
        'url: https://en.wikinews.org/wiki/Building_in_Barcelona_damaged_by_explosion',
        'source: Wikinews, the free news source',
        "added: '2026-11-30T12:34:56Z'",
        '---',
        '',
        'The Italian Cultural Institute in Barcelona was damaged today by an explosion. One Spanish policeman was injured and his bomb-sniffing dog killed. Staff at the Institute discovered a suspicious object and called police. Police then arrived with a bomb squad and bomb-sniffing dogs.',
        '',
        'The explosion, described as small by Italian Embassy spokesman Filip La Rosa, occurred while police were investigating the object. Franco Giordano, Italian consul in Barcelona, described the home-made bomb as a coffee maker (a macchinetta di caffè) with cables.',
        '',
        'The Italian Cultural Institute is located at the passatge Méndez Vigo, in the Eixample district of the Catalan capital. Italian language courses were suspended for the day.',
        '',
      ].join('\n'),
    );
  });

  it('adds files the corpus loader reads without a problem and the engine answers from, citing the new article', async () => {
    added(await ingester.addUrl(server.url(PAGES.barcelona)));
    added(await ingester.addUrl(server.url(PAGES.treaty)));
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.map((article) => article.id).sort()).toEqual([
      '2005-07-12-building-in-barcelona-damaged-by-explosion',
      '2010-04-09-obama-medvedev-sign-treaty-cutting-nuclear-stockpiles',
      '2025-07-03-trump-putin-call',
    ]);
    const { engine } = await loadEngine(dir);
    const [best] = (await engine.ask('What was the bomb in Barcelona made from?')).answers;
    expect(best?.text).toContain('coffee maker');
    expect(best?.source).toMatchObject({
      title: 'Building in Barcelona damaged by explosion',
      url: 'https://en.wikinews.org/wiki/Building_in_Barcelona_damaged_by_explosion',
      date: '2005-07-12',
    });
    const [warheads] = (await engine.ask('How many nuclear warheads will each country keep under New START?')).answers;
    expect(warheads?.text).toContain('about 1,500 each');
    expect(warheads?.source.title).toBe('Obama, Medvedev sign treaty cutting nuclear stockpiles');
  });

  it('never adds the same article twice: by canonical url (without fetching again), then by its text', async () => {
    added(await ingester.addUrl(server.url(PAGES.barcelona)));
    // A redirect chain ends at a page whose canonical url is already in the corpus.
    const again = await ingester.addUrl(server.url('/redirect/3'));
    expect(again).toMatchObject({ status: 'duplicate', existing: { by: 'url', title: 'Building in Barcelona damaged by explosion' } });
    const before = server.requests.length;
    expect(await ingester.addUrl('https://en.wikinews.org/wiki/Building_in_Barcelona_damaged_by_explosion#top')).toMatchObject({
      status: 'duplicate',
      existing: { by: 'url' },
    });
    expect(server.requests.length).toBe(before);
    // The same text saved under another address.
    const copy = join(dir, '..', `${dir.split('/').pop() ?? 'x'}-copy.html`);
    await writeFile(
      copy,
      fixture('wikinews-barcelona-explosion.html').replace(
        /<link rel="canonical"[^>]*>/u,
        '<link rel="canonical" href="https://mirror.example/barcelona">',
      ),
    );
    try {
      expect(await ingester.addFile(copy)).toMatchObject({ status: 'duplicate', existing: { by: 'content' } });
    } finally {
      await rm(copy, { force: true });
    }
    expect(await files()).toEqual([
      '.catalog.json',
      '2005-07-12-building-in-barcelona-damaged-by-explosion.md',
      '2025-07-03-trump-putin-call.md',
    ]);
  });

  it.each([
    ['a redirect to a private address', '/to-private', /10\.0\.0\.1 is a private network address/u],
    ['a redirect to the cloud metadata address', '/to-metadata', /169\.254\.169\.254 is a link-local address/u],
    ['too many redirects', '/redirect/6', /redirects more than 5 times/u],
    ['an oversized body', '/big-streamed.html', /larger than the 5\.0 MB limit/u],
    ['a body that never finishes', '/slow.html', /did not arrive within 2 s/u],
    ['a login wall', PAGES.loginWall, /asks to sign in or subscribe/u],
    ['a page that is not an article', PAGES.frontPage, /does not look like an article/u],
    ['an image', '/image.png', /only web pages \(HTML\), plain text and RSS \/ Atom feeds/u],
  ])('refuses %s with a clear message and writes nothing', async (_case, path, message) => {
    const error = await refusal(ingester.addUrl(server.url(path)));
    expect(error.message).toMatch(message);
    expect(await files()).toEqual(['2025-07-03-trump-putin-call.md']);
  });

  it('refuses loopback unless FETCH_ALLOW_LOOPBACK allows it', async () => {
    const strict = new Ingester({ corpusDir: dir, fetch: { allowLoopback: false } });
    expect((await refusal(strict.addUrl(server.url(PAGES.barcelona)))).message).toContain('loopback');
    expect(await files()).toEqual(['2025-07-03-trump-putin-call.md']);
  });

  it('adds a plain text page with the corpus .txt rules: date marker, first sentence as title', async () => {
    expect(added(await ingester.addUrl(server.url('/plain/article.txt')))).toMatchObject({
      title: 'The river rose four metres overnight and flooded the old town.',
      date: '2025-07-03',
      url: server.url('/plain/article.txt'),
      source: '127.0.0.1',
      sentences: 3,
    });
  });

  it('gives the new file another name when the title’s name is taken, and never overwrites', async () => {
    await writeFile(
      join(dir, '2005-07-12-building-in-barcelona-damaged-by-explosion.md'),
      '---\ntitle: Something else\n---\n\nAnother story entirely, with its own words.\n',
    );
    expect(added(await ingester.addUrl(server.url(PAGES.barcelona))).file).toBe(
      join(dir, '2005-07-12-building-in-barcelona-damaged-by-explosion-2.md'),
    );
    expect(await readFile(join(dir, '2005-07-12-building-in-barcelona-damaged-by-explosion.md'), 'utf8')).toContain('Something else');
  });
});

describe('Ingester.addFeed', () => {
  it('adds the articles an RSS feed lists, refuses what is not an article, and records the feed in each file', async () => {
    const run = await ingester.addFeed(server.url('/feeds/rss.xml'));
    expect(run.added.map((article) => article.title)).toEqual([
      'Building in Barcelona damaged by explosion',
      'Viktor Schreckengost dies at 101',
    ]);
    expect(run.added.every((article) => article.feed === server.url('/feeds/rss.xml'))).toBe(true);
    expect(run.refused).toEqual([
      { url: server.url(PAGES.loginWall), reason: expect.stringContaining('asks to sign in'), retryable: false },
    ]);
    expect(await readFile(join(dir, '2008-01-27-viktor-schreckengost-dies-at-101.md'), 'utf8')).toContain(
      `feed: ${server.url('/feeds/rss.xml')}`,
    );
  });

  it('adds nothing the second time, and only what is new from an overlapping Atom feed', async () => {
    await ingester.addFeed(server.url('/feeds/rss.xml'));
    const requestsBefore = server.requests.length;
    const second = await ingester.addFeed(server.url('/feeds/rss.xml'));
    expect(second).toMatchObject({ added: [], alreadyKnown: 3, refused: [] });
    // Known articles and the refused login wall are not fetched again: only the feed itself is.
    expect(server.requests.slice(requestsBefore)).toEqual(['/feeds/rss.xml']);
    const atom = await ingester.addFeed(server.url('/feeds/atom.xml'));
    expect(atom.added.map((article) => article.title)).toEqual(['Obama, Medvedev sign treaty cutting nuclear stockpiles']);
    expect(atom.alreadyKnown).toBe(1);
    expect((await loadCorpus(dir)).articles).toHaveLength(4);
  });

  it('titles a page that gives no title of its own with its feed entry’s title', async () => {
    server.setLiveFeed([{ path: '/untitled/barcelona.html', title: 'Barcelona: a blast damages a building', date: '' }]);
    const run = await ingester.addFeed(server.url('/feeds/live.xml'));
    expect(run.refused).toEqual([]);
    expect(run.added.map(({ title, date }) => ({ title, date }))).toEqual([
      { title: 'Barcelona: a blast damages a building', date: '2005-07-12' },
    ]);
  });

  it('refuses a page without a title that no feed names, saying so', async () => {
    const error = await refusal(ingester.addUrl(server.url('/untitled/barcelona.html')));
    expect(error.message).toBe(
      `${server.url('/untitled/barcelona.html')} has article text but no title, in its tags or as a heading; nothing was added`,
    );
  });

  it('refuses an address that is not a feed', async () => {
    expect((await refusal(ingester.addFeed(server.url(PAGES.barcelona)))).message).toContain('is not an RSS or Atom feed');
  });

  it('adds a feed given to addUrl as the articles it lists', async () => {
    const run = await ingester.addUrl(server.url('/feeds/atom.xml'));
    expect(run).toMatchObject({ status: 'feed', entries: 2 });
  });
});

describe('Ingester.addFile', () => {
  it('adds a saved page, a .txt and a .md article from this machine', async () => {
    const source = await mkdtemp(join(tmpdir(), 'ingest-files-'));
    try {
      await writeFile(join(source, 'saved.html'), fixture('wikinews-schreckengost.html'));
      await writeFile(join(source, 'note.txt'), 'date 2025-01-02 The ferry service resumed on Thursday after a two-week strike ended.\n');
      await writeFile(
        join(source, 'story.md'),
        '---\ntitle: "Harbour: the new pier opens"\ndate: 2025-01-03\n---\n\nThe new pier opened to the public on Friday.\n',
      );
      expect(added(await ingester.addFile(join(source, 'saved.html')))).toMatchObject({
        title: 'Viktor Schreckengost dies at 101',
        url: 'https://en.wikinews.org/wiki/Viktor_Schreckengost_dies_at_101',
      });
      expect(added(await ingester.addFile(join(source, 'note.txt')))).toMatchObject({
        date: '2025-01-02',
        id: '2025-01-02-the-ferry-service-resumed-on-thursday-after-a-two-week',
      });
      const story = added(await ingester.addFile(join(source, 'story.md')));
      expect(story).toMatchObject({ title: 'Harbour: the new pier opens', id: '2025-01-03-harbour-the-new-pier-opens' });
      expect(await readFile(story.file, 'utf8')).toContain("title: 'Harbour: the new pier opens'");
      expect((await loadCorpus(dir)).problems).toEqual([]);
    } finally {
      await rm(source, { recursive: true, force: true });
    }
  });

  it('cuts a title of thousands of characters at a word, with an ellipsis', async () => {
    const source = await mkdtemp(join(tmpdir(), 'ingest-files-'));
    const words = Array.from({ length: 900 }, (_, index) => `word${index}`).join(' ');
    try {
      await writeFile(
        join(source, 'long-title.html'),
        fixture('wikinews-barcelona-explosion.html')
          .replace(/<title>[^<]*<\/title>/u, `<title>${words}</title>`)
          .replace(/<meta property="og:title"[^>]*>/u, `<meta property="og:title" content="${words}">`)
          .replace(/<h1[^>]*>[\s\S]*?<\/h1>/u, `<h1>${words}</h1>`),
      );
      const { title, file } = added(await ingester.addFile(join(source, 'long-title.html')));
      expect(words.length).toBeGreaterThan(5_000);
      expect(title.length).toBeLessThanOrEqual(200);
      expect(title).toMatch(/^word0 word1 .* word\d+…$/u);
      expect(words.startsWith(`${title.slice(0, -1)} `)).toBe(true);
      expect((await loadCorpus(dir)).articles.find((article) => article.file === file)?.title).toBe(title);
    } finally {
      await rm(source, { recursive: true, force: true });
    }
  });

  it('refuses other kinds of file, and files it cannot read, writing nothing', async () => {
    expect((await refusal(ingester.addFile('/etc/hostname.pdf'))).message).toContain(
      'only saved web pages (.html, .htm), plain text (.txt) and Markdown (.md)',
    );
    expect((await refusal(ingester.addFile(join(dir, 'missing.md')))).message).toContain('cannot be read (ENOENT)');
    expect(await files()).toEqual(['2025-07-03-trump-putin-call.md']);
  });
});
