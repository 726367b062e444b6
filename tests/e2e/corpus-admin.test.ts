/**
 * Who may change the corpus every server answers from (issue 19): the servers CORPUS_ADMIN_GUILDS
 * names (else DISCORD_GUILD_ID, else any while the bot is in one server), reloads coalesced, and
 * `/add` held to its articles per hour and the corpus folder's size. Real discord.js client
 * against the local Discord-compatible server, with two servers.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { folderBytes } from '../../src/bot/corpus-admin.js';
import { corpusEngineLoader } from '../../src/bot/corpus-engine-loader.js';
import type { DiscordServer, SentInteraction } from '../../src/playground/discord-server/index.js';
import { PAGES, startFixtureServer, type FixtureServer } from '../ingest/support/fixture-server.js';
import { finishE2E } from './support/finish.js';
import { settled, startE2E, type E2E } from './support/harness.js';
import { callbackOf } from './support/interact.js';
import { EPHEMERAL, embedsOf, OutgoingMessageGuard } from './support/payloads.js';

const RELATIVE_TIME = /<t:\d+:R>/u;

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function guildIds(server: DiscordServer): [string, string] {
  const [first, second] = server.guilds;
  if (first === undefined || second === undefined) throw new Error('the test server needs two guilds');
  return [first.id, second.id];
}

/** The reply's text, once checked to be private (deferred privately, or replied to privately). */
async function privateText(server: DiscordServer, sent: SentInteraction): Promise<string> {
  const reply = await server.waitForInteractionReply(sent.id, 15_000);
  expect((await callbackOf(server, sent.id)).flags & EPHEMERAL, 'the reply is private').toBe(EPHEMERAL);
  return reply.content;
}

describe('in two servers, with CORPUS_ADMIN_GUILDS unset and no DISCORD_GUILD_ID', () => {
  let e2e: E2E;
  let server: DiscordServer;
  const guard = new OutgoingMessageGuard(() => server);
  beforeAll(async () => {
    e2e = await startE2E({ server: { guilds: 2 } });
    server = e2e.server;
  });
  afterAll(() => finishE2E(e2e, guard));

  it.each(['reload', 'add'] as const)('refuses /%s to a server manager, privately, naming CORPUS_ADMIN_GUILDS', async (name) => {
    const [first] = guildIds(server);
    const sent = server.sendSlashCommand({
      name,
      user: 'admin',
      guildId: first,
      ...(name === 'add' ? { options: { url: 'https://example.com/news' } } : {}),
    });
    const text = await privateText(server, sent);
    expect(text).toContain(`\`/${name}\` changes the articles every server using this bot answers from`);
    expect(text).toContain('this bot is in 2 servers');
    expect(text).toContain('CORPUS_ADMIN_GUILDS');
  });
});

describe('with CORPUS_ADMIN_GUILDS naming one of two servers', () => {
  let e2e: E2E;
  let server: DiscordServer;
  let loads = 0;
  let gate: Promise<void> = Promise.resolve();
  const guard = new OutgoingMessageGuard(() => server);
  beforeAll(async () => {
    e2e = await startE2E({
      server: { guilds: 2 },
      env: (discord) => ({ CORPUS_ADMIN_GUILDS: guildIds(discord)[0] }),
      loadEngine: (corpusDir) => {
        const real = corpusEngineLoader(corpusDir);
        return async () => {
          loads += 1;
          await gate;
          return real();
        };
      },
    });
    server = e2e.server;
  });
  afterEach(async () => {
    await settled(e2e.bot, 30_000);
    guard.checkNew();
  });
  afterAll(() => finishE2E(e2e, guard));

  it('refuses the managers of the other server, naming the setting, and lets the named one reload', async () => {
    const [first, second] = guildIds(server);
    expect(e2e.bot.client.guilds.cache.has(first)).toBe(true);
    const refused = await privateText(server, server.sendSlashCommand({ name: 'reload', user: 'admin', guildId: second }));
    expect(refused).toBe(
      '`/reload` changes the articles every server using this bot answers from, so it works only in the servers the people who run the bot name in CORPUS_ADMIN_GUILDS; this server is not one of them.',
    );
    const added = await privateText(
      server,
      server.sendSlashCommand({ name: 'add', user: 'admin', guildId: second, options: { url: 'https://example.com/news' } }),
    );
    expect(added).toContain('name in CORPUS_ADMIN_GUILDS; this server is not one of them');

    const before = loads;
    const allowed = await server.waitForInteractionReply(
      server.sendSlashCommand({ name: 'reload', user: 'admin', guildId: first }).id,
      15_000,
    );
    expect(embedsOf(allowed.body)[0]?.title).toBe('Corpus reloaded');
    expect(loads - before).toBe(1);
  });

  it('runs at most two reloads for ten /reloads at once, and tells those that wait that one is running', async () => {
    const [first] = guildIds(server);
    let open: () => void = () => undefined;
    gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const before = loads;
    const sent = Array.from({ length: 10 }, () => server.sendSlashCommand({ name: 'reload', user: 'admin', guildId: first }));
    const edits = (interaction: SentInteraction) =>
      server.interactionRequests(interaction.id).filter((request) => request.kind === 'edit').length;
    // One reload holds the corpus at the gate; the other nine have been told it runs.
    await until(() => sent.filter((interaction) => edits(interaction) > 0).length === 9, 'nine "already running" replies');
    expect(loads - before).toBe(1);
    const waiting = sent.filter((interaction) => edits(interaction) > 0);
    for (const interaction of waiting) {
      expect(await privateText(server, interaction)).toBe(
        'A reload is already running; yours will run as soon as it ends, and I will update this message then.',
      );
    }

    open();
    await until(
      () =>
        sent.every((interaction) => {
          const reply = server.interactionRequests(interaction.id).filter((request) => request.kind === 'edit');
          return reply.some((request) => embedsOf(request.request.body)[0]?.title === 'Corpus reloaded');
        }),
      'every /reload to end with the reload it ran in',
    );
    expect(loads - before, 'reloads run for ten /reloads at once').toBe(2);
  });
});

describe('/add limits', () => {
  let pages: FixtureServer;
  let e2e: E2E;
  let server: DiscordServer;
  const guard = new OutgoingMessageGuard(() => server);
  beforeAll(async () => {
    pages = await startFixtureServer();
    e2e = await startE2E({ env: { FETCH_ALLOW_LOOPBACK: 'true', ADD_ARTICLES_PER_HOUR: '1', CORPUS_MAX_MB: '1' } });
    server = e2e.server;
  });
  afterEach(async () => {
    await settled(e2e.bot, 30_000);
    guard.checkNew();
  });
  afterAll(async () => {
    await finishE2E(e2e, guard);
    await pages.close();
  });

  const add = (path: string) =>
    server.waitForInteractionReply(server.sendSlashCommand({ name: 'add', user: 'admin', options: { url: pages.url(path) } }).id, 30_000);

  it('adds ADD_ARTICLES_PER_HOUR articles an hour per server, then refuses privately saying when to try again', async () => {
    expect(embedsOf((await add(PAGES.barcelona)).body)[0]?.title).toBe('Article added');
    const fetchedBefore = pages.requests.length;
    const refused = await add(PAGES.schreckengost);
    expect((await callbackOf(server, refused.interactionId)).flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(refused.content).toMatch(
      /^This server has added 1 article in the last hour, the most `\/add` allows \(ADD_ARTICLES_PER_HOUR\); try again /u,
    );
    expect(refused.content).toMatch(RELATIVE_TIME);
    expect(pages.requests.length, 'nothing was fetched for a refused /add').toBe(fetchedBefore);

    e2e.advanceClock(60 * 60_000);
    expect(embedsOf((await add(PAGES.schreckengost)).body)[0]?.title).toBe('Article added');
    e2e.advanceClock(60 * 60_000);
  });

  it('refuses an article that would take the corpus folder past CORPUS_MAX_MB, with the figures', async () => {
    // Fill the folder to 300 bytes below its limit with a file that is not an article (`_` names are skipped).
    const used = await folderBytes(e2e.corpusDir);
    await writeFile(join(e2e.corpusDir, '_padding.bin'), Buffer.alloc(1_000_000 - used - 300));
    const refused = await add(PAGES.treaty);
    const description = embedsOf(refused.body)[0]?.description ?? '';
    expect(embedsOf(refused.body)[0]?.title).toBe('Not added');
    expect(description).toMatch(
      /^adding it would take the corpus folder to 1\.00 MB \(1,00\d,\d{3} bytes\), past its limit of 1\.00 MB \(1,000,000 bytes\) \(CORPUS\\_MAX\\_MB\)/u, // shown as typed: the underscores escaped
    );

    await writeFile(join(e2e.corpusDir, '_padding.bin'), Buffer.alloc(1_000_000));
    const full = await add(PAGES.treaty);
    expect(full.content).toMatch(/^The corpus folder already holds 1\.0\d MB \(1,0\d\d,\d{3} bytes\), its limit being 1\.00 MB/u);
  });
});
