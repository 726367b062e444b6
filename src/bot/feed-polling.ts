import type { Config } from '../config.js';
import { FeedPoller } from '../ingest/feed-poller.js';
import type { Ingester } from '../ingest/ingester.js';
import type { Logger } from './logger.js';

export interface FeedPollingOptions {
  /** Overrides `FEED_INTERVAL_MINUTES` (test seam). */
  readonly intervalMs?: number;
  /** First wait after a feed fails (test seam). Default 1 minute. */
  readonly retryBaseMs?: number;
}

/**
 * Starts polling `FEEDS` when any are configured: new articles are written by `ingester`, then
 * `reload` makes the running bot answer from them (the old index answering until the new one is
 * ready). Returns null when there are no feeds. One process polls: the bot itself, or, with
 * several shards, their manager.
 */
export function startFeedPolling(
  config: Pick<Config, 'feeds' | 'feedIntervalMinutes'>,
  ingester: Ingester,
  logger: Logger,
  reload: () => Promise<void>,
  options: FeedPollingOptions = {},
): FeedPoller | null {
  if (config.feeds.length === 0) return null;
  const intervalMs = options.intervalMs ?? config.feedIntervalMinutes * 60_000;
  const poller = new FeedPoller({
    feeds: config.feeds,
    intervalMs,
    ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
    readFeed: (feed) => ingester.addFeed(feed),
    onAdded: async (added) => {
      await reload();
      logger.info({ added: added.length }, 'reloaded the corpus with new articles from feeds');
    },
    logger: logger.child({ part: 'feeds' }),
  });
  poller.start();
  logger.info({ feeds: config.feeds, intervalMinutes: intervalMs / 60_000 }, 'polling feeds');
  return poller;
}
