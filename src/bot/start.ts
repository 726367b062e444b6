import { stat } from 'node:fs/promises';
import { Client, Events, GatewayIntentBits, Partials, type ClientOptions, type Interaction, type Message } from 'discord.js';
import { ConfigError, type RunnableConfig } from '../config.js';
import { Ingester } from '../ingest/ingester.js';
import type { AnswerState, BotContext } from './bot-context.js';
import { NO_SNAPSHOT } from '../search/index/snapshot.js';
import { SentenceEmbedding, type SentenceEmbeddingSettings } from '../search/vectors/sentence-embedding.js';
import { corpusEngineLoader, type LoaderVectors } from './corpus-engine-loader.js';
import { isReloadOrder } from './shard-messages.js';
import { createDispatcher } from './dispatch.js';
import { EngineHolder, corpusCounts, type EngineLoader, type VectorEvents } from './engine-holder.js';
import { Conversations } from './conversations.js';
import { ExpiringLruCache } from './expiring-lru-cache.js';
import { startFeedPolling, type FeedPollingOptions } from './feed-polling.js';
import type { FeedbackSink } from './feedback-sink.js';
import { openFeedbackLog } from './open-feedback-log.js';
import { ShardFeedbackSink } from './shard-feedback-sink.js';
import { ShardQuestionSink } from './shard-question-sink.js';
import { openQuestionSink } from './open-question-log.js';
import type { QuestionSink } from './question-log.js';
import { BYTES_PER_MB, CorpusAdmin } from './corpus-admin.js';
import { InFlightWork } from './in-flight.js';
import { createLogger, prettyLogsWanted, scrubSecrets, type Logger } from './logger.js';
import { OncePerWindow } from './once-per-window.js';
import { SlidingWindowRateLimiter } from './rate-limiter.js';
import { REST_HANDLER_SWEEP_INTERVAL_MS, sweepIdleRestHandlers } from './rest-handlers.js';
import { SeenIds } from './seen-ids.js';
import { noMentions } from './replies/reply-payload.js';

export interface StartBotOptions {
  /** Default: a pino logger at `config.logLevel` that never writes the token (pretty in a terminal, see `prettyLogsWanted`). */
  readonly logger?: Logger;
  /** Builds the engine (at start and on `/reload`). Default: `loadCorpus(config.corpusDir)` + `createEngine`. */
  readonly loadEngine?: EngineLoader;
  /** Epoch milliseconds, for rate limits, button state expiry and feedback times. Default `Date.now`. */
  readonly now?: () => number;
  /** How long to wait for Discord's READY after logging in. Default 30 s. */
  readonly readyTimeoutMs?: number;
  /** How long `stop()` lets in-flight replies finish before disconnecting anyway. Default 10 s. */
  readonly shutdownTimeoutMs?: number;
  /** How long the buttons of an answer remember its question without reading the message. Default 15 min. */
  readonly answerStateTtlMs?: number;
  /**
   * Test seam: discord.js gateway options merged into the client's, e.g. a no-op
   * `buildIdentifyThrottler` so that re-identifying after a fault does not wait out Discord's
   * 5 s identify spacing. Never set by `npm start`.
   */
  readonly gatewayOptions?: ClientOptions['ws'];
  /** Test seam: feed polling interval and retry wait in milliseconds instead of `FEED_INTERVAL_MINUTES` and 1 minute. */
  readonly feedPolling?: FeedPollingOptions;
  /** Test seam: the embedding workers' settings (e.g. a worker script that fails), over those of `config.vectors`. */
  readonly vectors?: Partial<SentenceEmbeddingSettings>;
}

export interface RunningBot {
  /** The logged-in, ready discord.js client. */
  readonly client: Client<true>;
  /** The engine in use; `engines.reload()` is what `/reload` calls. */
  readonly engines: EngineHolder;
  /** The feedback file, or in a shard, the sharding manager that writes it. */
  readonly feedback: FeedbackSink;
  /** The question log, in a shard the sharding manager that writes it, or nothing (`QUESTION_LOG=off`). */
  readonly questions: QuestionSink;
  /** What `/add` and the feed poller add articles with. */
  readonly ingester: Ingester;
  readonly logger: Logger;
  /** How many handlers are running right now. */
  readonly inFlight: () => number;
  /** Stops taking new events, lets running replies finish, flushes feedback, disconnects. Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_READY_TIMEOUT_MS = 30_000;
const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
const DEFAULT_ANSWER_STATE_TTL_MS = 15 * 60_000;
const MAX_REMEMBERED_ANSWERS = 5_000;
/** A thread's conversation is a follow-up for this long after the bot's last answer in it. */
const THREAD_CONVERSATION_MS = 60 * 60_000;
/** Conversations remembered, of threads and of people in channels, each. */
const MAX_REMEMBERED_CONVERSATIONS = 5_000;
/**
 * Button clicks allowed per question allowed (same window): enough to page through an answer,
 * see its context and vote, while 30 "More results" clicks in a row cannot run 30 searches.
 */
export const BUTTON_CLICKS_PER_QUESTION = 4;
/** An interaction can be answered for 15 minutes; a repeat of it is remembered that long. */
const INTERACTION_LIFETIME_MS = 15 * 60_000;
const MAX_REMEMBERED_INTERACTIONS = 10_000;

/**
 * Loads the corpus, connects to Discord (or to `config.apiUrl`), and resolves once the client is
 * ready and handling events. Rejects, after cleaning up, when the corpus folder cannot be read,
 * the token is refused, or READY does not arrive in time.
 */
export async function startBot(config: RunnableConfig, options: StartBotOptions = {}): Promise<RunningBot> {
  const logger =
    options.logger ?? createLogger({ level: config.logLevel, secrets: [config.token], pretty: prettyLogsWanted(config, process.stdout) });
  const now = options.now ?? Date.now;

  // With a loader of its own (tests), sentence vectors are that loader's business.
  const embedding =
    options.loadEngine === undefined && config.vectors.enabled ? await openEmbedding(config, logger, options.vectors) : null;
  let engines: EngineHolder;
  try {
    const loadEngine = options.loadEngine ?? (await realCorpusLoader(config, logger, embedding));
    engines = await EngineHolder.create(loadEngine, vectorEvents(logger, embedding));
  } catch (error) {
    await embedding?.close();
    throw error;
  }
  logCorpus(logger, engines, config.corpusDir, embedding !== null);

  // Under a ShardingManager, the manager's process is the feedback file's one writer.
  const shardFeedback = config.shardProcess ? new ShardFeedbackSink((message) => sendToManager(client, message)) : null;
  const feedback: FeedbackSink = shardFeedback ?? (await openFeedbackLog(config.feedbackFile, logger));
  const shardQuestions =
    config.shardProcess && config.questionLog !== null ? new ShardQuestionSink((message) => sendToManager(client, message), logger) : null;
  const questions = shardQuestions ?? (await openQuestionSink(config, logger, now));
  const ingester = new Ingester({ corpusDir: config.corpusDir, fetch: { allowLoopback: config.fetchAllowLoopback } });
  const ctx: BotContext = {
    engines,
    rateLimiter: new SlidingWindowRateLimiter({
      limit: config.rateLimit.questions,
      windowMs: config.rateLimit.windowSeconds * 1000,
      now,
    }),
    buttonRateLimiter: new SlidingWindowRateLimiter({
      limit: config.rateLimit.questions * BUTTON_CLICKS_PER_QUESTION,
      windowMs: config.rateLimit.windowSeconds * 1000,
      now,
    }),
    mentionNotices: new OncePerWindow(now),
    rateLimit: config.rateLimit,
    answerStates: new ExpiringLruCache<string, AnswerState>({
      maxEntries: MAX_REMEMBERED_ANSWERS,
      ttlMs: options.answerStateTtlMs ?? DEFAULT_ANSWER_STATE_TTL_MS,
      now,
    }),
    conversations: new Conversations({
      followUpMs: config.followUpMinutes * 60_000,
      threadMs: THREAD_CONVERSATION_MS,
      maxEntries: MAX_REMEMBERED_CONVERSATIONS,
      now,
    }),
    feedback,
    questions,
    questionLogFile: config.questionLog,
    corpusAdmin: new CorpusAdmin({
      guilds: config.corpusAdminGuilds,
      devGuild: config.guildId,
      articlesPerHour: config.addArticlesPerHour,
      maxCorpusBytes: config.corpusMaxMb * BYTES_PER_MB,
      corpusDir: config.corpusDir,
      now,
    }),
    ingester,
    logger,
    now,
  };

  const client = new Client({
    // No privileged intents: mentions and DMs carry their content without MessageContent.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached before their first message arrives.
    partials: [Partials.Channel],
    allowedMentions: noMentions(),
    rest: { ...(config.apiUrl === null ? {} : { api: config.apiUrl }), handlerSweepInterval: REST_HANDLER_SWEEP_INTERVAL_MS },
    ...(options.gatewayOptions === undefined ? {} : { ws: options.gatewayOptions }),
  });

  const dispatcher = createDispatcher(ctx);
  const inFlight = new InFlightWork();
  let stopping = false;
  // The gateway replays events after a RESUME, so an interaction can arrive twice; it is handled once.
  const seenInteractions = new SeenIds({ maxEntries: MAX_REMEMBERED_INTERACTIONS, ttlMs: INTERACTION_LIFETIME_MS, now });
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (stopping) return;
    if (!seenInteractions.firstTime(interaction.id)) {
      logger.info({ interaction: interaction.id }, 'ignored an interaction the gateway delivered twice');
      return;
    }
    void inFlight.track(dispatcher.onInteraction(interaction));
    sweepIdleRestHandlers(client.rest);
  });
  client.on(Events.MessageCreate, (message: Message) => {
    // A repeated MESSAGE_CREATE is dropped by discord.js itself (the message is already cached).
    if (!stopping) void inFlight.track(dispatcher.onMessage(message));
  });
  // Under a ShardingManager, a /reload run on another shard reaches this one from the manager.
  const onManagerMessage = (message: unknown): void => {
    if (shardFeedback?.onManagerMessage(message) === true) return;
    if (shardQuestions?.onManagerMessage(message) === true) return;
    if (!isReloadOrder(message)) return;
    engines.reload().then(
      (summary) =>
        logger.info(
          { articles: summary.articles, sentences: summary.sentences, problems: summary.problems.length },
          "corpus reloaded at another shard's request",
        ),
      (error: unknown) => logger.error({ err: error }, 'corpus reload asked by another shard failed; the previous index is still in use'),
    );
  };
  if (config.shardProcess) process.on('message', onManagerMessage);
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord client warning'));
  // While stopping, disconnects are ours and not worth a warning.
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (!stopping) logger.warn({ shard, code: event.code }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping) logger.info({ shard }, 'gateway reconnecting');
  });

  const ready = await loginAndWaitForReady(client, config.token, options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS).catch(
    async (error: unknown) => {
      await client.destroy();
      await embedding?.close();
      throw startupError(error, config.token);
    },
  );
  logger.info({ user: ready.user.tag, id: ready.user.id, guilds: ready.guilds.cache.size, api: config.apiUrl ?? 'discord' }, 'bot ready');
  // Under a ShardingManager the manager polls the feeds, once for all shards.
  const feeds = !config.shardProcess
    ? startFeedPolling(
        config,
        ingester,
        logger,
        async () => {
          await engines.reload();
        },
        options.feedPolling,
      )
    : null;

  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      stopping = true;
      process.off('message', onManagerMessage);
      await feeds?.stop();
      logger.info({ inFlight: inFlight.count }, 'stopping: finishing in-flight replies');
      const finished = await inFlight.drain(options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
      if (!finished) logger.warn({ inFlight: inFlight.count }, 'stopping without waiting for replies that are still running');
      await feedback.flush();
      await questions.flush().catch((error: unknown) => logger.warn({ err: error }, 'the question log could not be flushed'));
      await client.destroy();
      await embedding?.close();
      logger.info('bot stopped');
    })();
    return stopped;
  };

  return { client: ready, engines, feedback, questions, ingester, logger, inFlight: () => inFlight.count, stop };
}

function sendToManager(client: Client, message: unknown): Promise<void> {
  if (client.shard === null) return Promise.reject(new Error('this process is not a shard of a ShardingManager'));
  return client.shard.send(message);
}

/** Checks CORPUS_DIR before reading it, so a typo gets a message naming the variable. */
async function realCorpusLoader(
  { corpusDir, indexSnapshotPath, shardProcess }: RunnableConfig,
  logger: Logger,
  embedding: SentenceEmbedding | null,
): Promise<EngineLoader> {
  const info = await stat(corpusDir).catch(() => null);
  if (info === null || !info.isDirectory()) {
    throw new ConfigError([
      {
        variable: 'CORPUS_DIR',
        message: `CORPUS_DIR must be a folder of article files that exists (got "${corpusDir}", which ${info === null ? 'does not exist' : 'is not a folder'})`,
      },
    ]);
  }
  return corpusEngineLoader(
    corpusDir,
    (reason) => {
      if (reason !== NO_SNAPSHOT) logger.warn({ corpusDir, reason }, 'index snapshot not used; indexing the articles from their files');
    },
    indexSnapshotPath ?? undefined,
    embedding === null ? null : loaderVectors(embedding, logger, shardProcess),
  );
}

/** The embedding workers and the vector cache, for a bot with VECTORS on. */
async function openEmbedding(
  config: RunnableConfig,
  logger: Logger,
  overrides: Partial<SentenceEmbeddingSettings> = {},
): Promise<SentenceEmbedding> {
  const embedding = await SentenceEmbedding.open({
    cacheDir: config.vectors.cacheDir,
    ...(config.vectors.workers === null ? {} : { workers: config.vectors.workers }),
    ...overrides,
  });
  if (embedding.cacheProblem !== null)
    logger.warn({ reason: embedding.cacheProblem }, 'the vector cache is not used: every start computes the sentence vectors again');
  return embedding;
}

/** How often, at most, progress in computing vectors is logged. */
const VECTOR_PROGRESS_EVERY_MS = 10_000;

function loaderVectors(embedding: SentenceEmbedding, logger: Logger, shardProcess: boolean): LoaderVectors {
  let lastLogged = 0;
  return {
    embedding,
    firstLoadFromSnapshotOnly: shardProcess,
    onPlan: ({ texts, cached, toEmbed }) => {
      if (toEmbed > 0)
        logger.info({ texts, cached, toEmbed }, 'sentence vectors: computing those not in the cache; answering by words meanwhile');
    },
    onProgress: (done, total) => {
      if (done < total && Date.now() - lastLogged < VECTOR_PROGRESS_EVERY_MS) return;
      lastLogged = Date.now();
      logger.info({ done, total, percent: Math.floor((done / total) * 100) }, 'sentence vectors: computing');
    },
    onCacheProblem: (problem) =>
      logger.warn({ reason: problem.message }, 'sentence vectors could not be cached; the next start computes them again'),
  };
}

function vectorEvents(logger: Logger, embedding: SentenceEmbedding | null): VectorEvents {
  return {
    onVectorsReady: () => logger.info('sentence vectors ready: answering by words and meaning'),
    onVectorsFailed: (error) => {
      // Stopping the bot stops the workers too: vectors still being computed then are no failure.
      if (embedding?.pool.closed === true) return;
      logger.error(
        { reason: error instanceof Error ? error.message : String(error) },
        'sentence vectors are off: answering by words only (restart the bot to try again)',
      );
    },
  };
}

function logCorpus(logger: Logger, engines: EngineHolder, corpusDir: string, vectors: boolean): void {
  const counts = corpusCounts(engines.current);
  logger.info(
    {
      corpusDir,
      ...counts,
      problems: engines.problems.length,
      answering: vectors ? 'by words until the sentence vectors are ready' : 'by words (VECTORS=off)',
    },
    'corpus loaded',
  );
  for (const problem of engines.problems) {
    logger.warn({ file: problem.file, line: problem.line, severity: problem.severity }, problem.message);
  }
  if (counts.articles === 0) logger.warn({ corpusDir }, 'the corpus has no articles; every question will find nothing');
}

async function loginAndWaitForReady(client: Client, token: string, timeoutMs: number): Promise<Client<true>> {
  // `login()` resolves once the gateway connection starts; the client is usable only after READY.
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no READY from the gateway within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  try {
    return await Promise.race([client.login(token).then(() => ready), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** An error for the person starting the bot: what failed and what to do, never the token. */
function startupError(error: unknown, token: string): Error {
  const detail = scrubSecrets(error instanceof Error ? error.message : String(error), [token]);
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'TokenInvalid' || /401|invalid token/i.test(detail)) {
    return new Error(
      'Discord refused the token in DISCORD_TOKEN. Copy a fresh one from the Developer Portal ' +
        '(your application > Bot > Reset Token) into .env.',
      { cause: error },
    );
  }
  return new Error(`Could not connect to Discord: ${detail}`, { cause: error });
}
