import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedPoller, type FeedLogger } from '../../src/ingest/feed-poller.js';
import { Ingester, type AddedArticle } from '../../src/ingest/ingester.js';
import { PAGES, startFixtureServer, type FixtureServer } from './support/fixture-server.js';

interface LogLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly details: Record<string, unknown>;
  readonly message: string;
}

let server: FixtureServer;
let dir: string;
let poller: FeedPoller | null = null;
const lines: LogLine[] = [];
const logger: FeedLogger = {
  info: (details, message) => lines.push({ level: 'info', details: { ...details }, message }),
  warn: (details, message) => lines.push({ level: 'warn', details: { ...details }, message }),
  error: (details, message) => lines.push({ level: 'error', details: { ...details }, message }),
};

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'poller-'));
  lines.length = 0;
});
afterEach(async () => {
  await poller?.stop();
  poller = null;
  await rm(dir, { recursive: true, force: true });
});

/** Waits (generously) until `condition` holds; the poller runs on real timers. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; log: ${JSON.stringify(lines, null, 1)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('FeedPoller', () => {
  it('reads every feed at start, adds new articles and hands them over once per round', async () => {
    const ingester = new Ingester({ corpusDir: dir, fetch: { allowLoopback: true } });
    const rounds: (readonly AddedArticle[])[] = [];
    poller = new FeedPoller({
      feeds: [server.url('/feeds/rss.xml'), server.url('/feeds/atom.xml')],
      intervalMs: 60 * 60_000,
      readFeed: (feed) => ingester.addFeed(feed),
      onAdded: async (added) => {
        rounds.push(added);
      },
      logger,
    });
    poller.start();
    await until(() => rounds.length === 1, 'the first round');
    expect(rounds[0]?.map((article) => article.title)).toEqual([
      'Building in Barcelona damaged by explosion',
      'Viktor Schreckengost dies at 101',
      'Obama, Medvedev sign treaty cutting nuclear stockpiles',
    ]);
    expect(lines.filter((line) => line.message === 'feed read')).toHaveLength(2);
  });

  it('logs a failing feed, retries it with a doubling wait, and keeps reading the others', async () => {
    server.setFlakyFeedFailing(true);
    server.setLiveFeed([{ path: PAGES.barcelona, title: 'Barcelona', date: 'Tue, 12 Jul 2005 10:00:00 GMT' }]);
    const ingester = new Ingester({ corpusDir: dir, fetch: { allowLoopback: true } });
    const added: AddedArticle[] = [];
    poller = new FeedPoller({
      feeds: [server.url('/feeds/flaky.xml'), server.url('/feeds/live.xml')],
      intervalMs: 60 * 60_000,
      retryBaseMs: 50,
      readFeed: (feed) => ingester.addFeed(feed),
      onAdded: async (articles) => {
        added.push(...articles);
      },
      logger,
    });
    poller.start();
    const failures = () => lines.filter((line) => line.message === 'feed could not be read; trying again later');
    await until(() => failures().length >= 3, 'three failed readings of the flaky feed');
    // The other feed was read in the first round all the same.
    expect(added.map((article) => article.title)).toEqual(['Building in Barcelona damaged by explosion']);
    expect(
      failures()
        .slice(0, 3)
        .map((line) => [line.details.failures, line.details.retryInMs]),
    ).toEqual([
      [1, 50],
      [2, 100],
      [3, 200],
    ]);
    expect(failures()[0]?.details.reason).toContain('answered HTTP 503');
    server.setFlakyFeedFailing(false);
    await until(() => added.length === 2, 'the flaky feed to recover');
    expect(added[1]?.title).toBe('Viktor Schreckengost dies at 101');
  });

  it('logs and survives a reload that fails', async () => {
    server.setLiveFeed([{ path: PAGES.schreckengost, title: 'S', date: '' }]);
    const ingester = new Ingester({ corpusDir: dir, fetch: { allowLoopback: true } });
    poller = new FeedPoller({
      feeds: [server.url('/feeds/live.xml')],
      intervalMs: 60 * 60_000,
      readFeed: (feed) => ingester.addFeed(feed),
      onAdded: async () => {
        throw new Error('index could not be built');
      },
      logger,
    });
    poller.start();
    await until(() => lines.some((line) => line.level === 'error'), 'the reload failure to be logged');
    expect(lines.find((line) => line.level === 'error')?.message).toBe(
      'articles were added from feeds but the index could not be reloaded',
    );
  });
});
