/**
 * Getting articles in from Discord: `/add` and feeds, with the real discord.js client against the
 * local Discord-compatible server and the pages served by the ingest fixture server on 127.0.0.1.
 */
import { readdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallbackType, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { PAGES, startFixtureServer, type FixtureServer } from '../ingest/support/fixture-server.js';
import { finishE2E } from './support/finish.js';
import { settled, startE2E, type E2E } from './support/harness.js';
import { ask, callbackOf, passageBlocks, slash, textReply } from './support/interact.js';
import { EPHEMERAL, flagsOf, OutgoingMessageGuard, plainText } from './support/payloads.js';

let pages: FixtureServer;
let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);

beforeAll(async () => {
  pages = await startFixtureServer();
  pages.setLiveFeed([
    { path: PAGES.barcelona, title: 'Building in Barcelona damaged by explosion', date: 'Tue, 12 Jul 2005 10:00:00 GMT' },
  ]);
  pages.setFlakyFeedFailing(true);
  e2e = await startE2E({
    env: {
      RATE_LIMIT_QUESTIONS: '1000',
      FETCH_ALLOW_LOOPBACK: 'true',
      // A feed that keeps failing sits beside the one that works.
      FEEDS: `${pages.url('/feeds/flaky.xml')} ${pages.url('/feeds/live.xml')}`,
    },
    feedPolling: { intervalMs: 300, retryBaseMs: 60_000 },
  });
  server = e2e.server;
});

afterEach(async () => {
  if (e2e !== undefined) await settled(e2e.bot);
  guard.checkNew();
});

afterAll(async () => {
  await finishE2E(e2e, guard);
  await pages.close();
});

/** Waits (generously: indexing runs on a shared machine) until the bot's current index has the article. */
async function untilAnswering(title: string): Promise<void> {
  const deadline = Date.now() + 25_000;
  while (!e2e.bot.engines.current.articles.some((article) => article.title === title)) {
    if (Date.now() > deadline) throw new Error(`the bot never loaded "${title}"; logs: ${JSON.stringify(e2e.logs.slice(-20))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const corpusFiles = async () => (await readdir(e2e.corpusDir)).filter((name) => !name.startsWith('.')).sort();

describe('feeds', () => {
  it('adds the feed’s articles and answers from them without a restart, while a failing feed is logged and retried', async () => {
    await untilAnswering('Building in Barcelona damaged by explosion');
    const barcelona = await ask(server, 'What was the bomb in Barcelona made from?');
    const [first] = passageBlocks(barcelona.embed.description);
    expect(plainText(first?.passage ?? '')).toContain('described the home-made bomb as a coffee maker');
    expect(first?.source).toContain(
      '[Building in Barcelona damaged by explosion](https://en.wikinews.org/wiki/Building_in_Barcelona_damaged_by_explosion)',
    );
    expect(first?.source).toContain('Jul 12, 2005');

    // The feed lists a new article; the running bot picks it up at its next reading.
    const botBefore = e2e.bot.client;
    pages.setLiveFeed([
      { path: PAGES.treaty, title: 'Obama, Medvedev sign treaty cutting nuclear stockpiles', date: 'Fri, 09 Apr 2010 07:12:00 GMT' },
      { path: PAGES.barcelona, title: 'Building in Barcelona damaged by explosion', date: 'Tue, 12 Jul 2005 10:00:00 GMT' },
    ]);
    await untilAnswering('Obama, Medvedev sign treaty cutting nuclear stockpiles');
    const treaty = await ask(server, 'How many warheads may each country keep under the New START treaty?');
    const [best] = passageBlocks(treaty.embed.description);
    expect(plainText(best?.passage ?? '')).toContain('about 1,500 each');
    expect(best?.source).toContain('Obama, Medvedev sign treaty cutting nuclear stockpiles');
    expect(e2e.bot.client).toBe(botBefore);

    // Never the same article twice, however often the feed is read.
    expect(await corpusFiles()).toEqual([
      '2005-07-12-building-in-barcelona-damaged-by-explosion.md',
      '2010-04-09-obama-medvedev-sign-treaty-cutting-nuclear-stockpiles.md',
      '2025-07-03-trump-putin-call.md',
    ]);
    const failing = e2e.logs.filter((line) => line.msg === 'feed could not be read; trying again later');
    expect(failing[0]).toMatchObject({ feed: pages.url('/feeds/flaky.xml'), failures: 1, retryInMs: 60_000 });
    expect(String(failing[0]?.reason)).toContain('answered HTTP 503');
  });
});

describe('/add', () => {
  it('refuses a member without Manage Server, privately, and fetches nothing', async () => {
    const before = pages.requests.length;
    const sent = server.sendSlashCommand({ name: 'add', user: 'member', options: { url: pages.url(PAGES.schreckengost) } });
    const reply = await textReply(server, sent);
    expect(reply.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(flagsOf(reply.body)).toBe(EPHEMERAL);
    expect(reply.content).toBe('Only members with the **Manage Server** permission can add articles.');
    expect(pages.requests.length).toBe(before);
  });

  it('adds an article, replies privately with its title, date and sentence count, and answers from it at once', async () => {
    const { sent, reply, embed } = await slash(server, { name: 'add', user: 'admin', options: { url: pages.url(PAGES.schreckengost) } });
    expect(await callbackOf(server, sent.id)).toEqual({ type: CallbackType.DeferredChannelMessageWithSource, flags: EPHEMERAL });
    expect(flagsOf(reply.message) & EPHEMERAL).toBe(EPHEMERAL);
    expect(embed.title).toBe('Article added');
    expect(embed.description).toContain(
      '[Viktor Schreckengost dies at 101](https://en.wikinews.org/wiki/Viktor_Schreckengost_dies_at_101)',
    );
    expect(embed.description).toContain('Jan 27, 2008 · Wikinews, the free news source · 6 sentences');

    const answer = await ask(server, 'Where was Viktor Schreckengost born?');
    expect(plainText(passageBlocks(answer.embed.description)[0]?.passage ?? '')).toBe(
      'Schreckengost was born on June 26, 1906 in Sebring, Ohio, United States.',
    );
  });

  it('says an article is already there instead of adding it twice', async () => {
    const { embed } = await slash(server, { name: 'add', user: 'admin', options: { url: pages.url('/redirect/2') } });
    expect(embed.title).toBe('Already there: nothing added');
    expect(plainText(embed.description ?? '')).toContain(
      'Building in Barcelona damaged by explosion is already among the articles (same address)',
    );
  });

  it.each([
    ['a redirect to a private address', '/to-private', '10.0.0.1 is a private network address'],
    ['a redirect to the metadata address', '/to-metadata', '169.254.169.254 is a link-local address'],
    ['a login wall', PAGES.loginWall, 'it asks to sign in or subscribe'],
    ['a page that is not an article', PAGES.frontPage, 'does not look like an article'],
    ['an oversized page', '/big-declared.html', 'more than the 5.0 MB limit'],
  ])('refuses %s privately, saying why, and writes nothing', async (_case, path, reason) => {
    const before = await corpusFiles();
    const { embed, reply } = await slash(server, { name: 'add', user: 'admin', options: { url: pages.url(path) } });
    expect(flagsOf(reply.message) & EPHEMERAL).toBe(EPHEMERAL);
    expect(embed.title).toBe('Not added');
    expect(plainText(embed.description ?? '')).toContain(reason);
    expect(embed.description).toContain('Nothing was written.');
    expect(await corpusFiles()).toEqual(before);
  });
});

describe('/sources', () => {
  it('shows where each article came from and when it was added', async () => {
    const { embed } = await slash(server, { name: 'sources' });
    const lines = (embed.description ?? '').split('\n');
    const fed = plainText(lines.find((line) => line.includes('Building in Barcelona')) ?? '');
    expect(fed).toMatch(
      /· Jul 12, 2005 · 8 sentences · Wikinews, the free news source · added \w{3} \d{1,2}, \d{4} from the feed 127\.0\.0\.1:\d+$/u,
    );
    const added = lines.find((line) => line.includes('Viktor Schreckengost'));
    expect(added).toMatch(/· Wikinews, the free news source · added \w{3} \d{1,2}, \d{4}$/u);
    // The article written by hand says nothing about where it came from.
    expect(lines.find((line) => line.includes('Trump says'))).toMatch(/ · \d+ sentences$/u);
  });
});
