import type { AddedArticle, FeedRun } from './ingester.js';

/** The logging the poller needs (a pino logger has it). */
export interface FeedLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface FeedPollerOptions {
  /** The feeds' addresses. */
  readonly feeds: readonly string[];
  /** Time between two readings of a feed that works. */
  readonly intervalMs: number;
  /** Reads one feed and adds its new articles (`Ingester.addFeed`). */
  readonly readFeed: (feed: string) => Promise<FeedRun>;
  /** Called once after a round that added articles, with all of them: the bot reloads its index here. */
  readonly onAdded: (added: readonly AddedArticle[]) => Promise<void>;
  readonly logger: FeedLogger;
  /** First wait after a feed fails; doubled after each further failure. Default 1 minute. */
  readonly retryBaseMs?: number;
  /** Longest wait between two tries of a failing feed. Default 6 hours, or the interval if that is longer. */
  readonly retryMaxMs?: number;
  /** Epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

interface FeedState {
  readonly url: string;
  dueAt: number;
  failures: number;
}

const DEFAULT_RETRY_BASE_MS = 60_000;
const DEFAULT_RETRY_MAX_MS = 6 * 60 * 60_000;

/**
 * Reads every feed when started and then every `intervalMs`, one feed at a time. A feed that
 * fails is logged and tried again after a wait that doubles with each failure (1 min, 2, 4, …
 * up to 6 h by default), on its own schedule: it never delays or stops the others. After a round
 * that added articles, `onAdded` runs once (the bot reloads its index there, the old one
 * answering until the new one is ready).
 */
export class FeedPoller {
  readonly #options: FeedPollerOptions;
  readonly #now: () => number;
  readonly #feeds: FeedState[];
  #timer: NodeJS.Timeout | null = null;
  #round: Promise<void> | null = null;
  #stopped = true;

  constructor(options: FeedPollerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#feeds = options.feeds.map((url) => ({ url, dueAt: 0, failures: 0 }));
  }

  /** Starts polling; the first round begins at once. */
  start(): void {
    if (!this.#stopped || this.#feeds.length === 0) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Stops polling and waits for a round in progress to finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#round;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#round = this.#runDueFeeds().finally(() => {
        this.#round = null;
        const next = Math.min(...this.#feeds.map((feed) => feed.dueAt));
        this.#schedule(Math.max(0, next - this.#now()));
      });
    }, delayMs);
    // A poller alone must not keep the process alive (the bot's client does that).
    this.#timer.unref();
  }

  async #runDueFeeds(): Promise<void> {
    const added: AddedArticle[] = [];
    for (const feed of this.#feeds) {
      if (this.#stopped) break;
      if (feed.dueAt > this.#now()) continue;
      added.push(...(await this.#read(feed)));
    }
    if (added.length === 0) return;
    try {
      await this.#options.onAdded(added);
    } catch (error) {
      this.#options.logger.error({ err: error, added: added.length }, 'articles were added from feeds but the index could not be reloaded');
    }
  }

  async #read(feed: FeedState): Promise<readonly AddedArticle[]> {
    const { logger } = this.#options;
    try {
      const run = await this.#options.readFeed(feed.url);
      feed.failures = 0;
      feed.dueAt = this.#now() + this.#options.intervalMs;
      for (const article of run.added)
        logger.info({ feed: feed.url, file: article.file, url: article.url }, `added "${article.title}" from a feed`);
      for (const entry of run.refused) {
        const details = { feed: feed.url, url: entry.url, reason: entry.reason };
        if (entry.retryable) logger.warn(details, 'a feed entry could not be fetched; it is tried again at the next reading');
        else logger.info(details, 'a feed entry was not added');
      }
      logger.info(
        { feed: feed.url, entries: run.entries, added: run.added.length, alreadyKnown: run.alreadyKnown, refused: run.refused.length },
        'feed read',
      );
      return run.added;
    } catch (error) {
      feed.failures += 1;
      const retryInMs = this.#retryDelay(feed.failures);
      feed.dueAt = this.#now() + retryInMs;
      logger.warn(
        { feed: feed.url, failures: feed.failures, retryInMs, reason: error instanceof Error ? error.message : String(error) },
        'feed could not be read; trying again later',
      );
      return [];
    }
  }

  #retryDelay(failures: number): number {
    const base = this.#options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
    const max = this.#options.retryMaxMs ?? Math.max(DEFAULT_RETRY_MAX_MS, this.#options.intervalMs);
    return Math.min(max, base * 2 ** Math.min(failures - 1, 30));
  }
}
