import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Logger } from 'pino';
import type { RunnableConfig } from '../config.js';
import { Ingester } from '../ingest/ingester.js';
import { startFeedPolling } from './feed-polling.js';
import { feedbackSaved, isReloadRequest, parseFeedbackRecord, reloadOrder } from './shard-messages.js';
import { openFeedbackLog } from './open-feedback-log.js';
import { SentenceEmbedding } from '../search/vectors/sentence-embedding.js';
import { ensureShardSnapshot } from './shard-snapshot.js';

export interface RunningShards {
  readonly manager: ShardingManager;
  /** Stops every shard (each finishes its replies in flight) and resolves when all have exited. */
  stop(): Promise<void>;
}

/**
 * Runs the bot as `count` shards, one process each (this same entry point, which sees it is a
 * shard by discord.js's SHARDING_MANAGER variable). The index snapshot is brought up to date
 * first, so that every shard loads it instead of indexing the articles itself. With VECTORS on,
 * the manager then computes the sentence vectors (the one process that embeds the corpus and
 * writes the cache), saves them in the snapshot and has every shard reload from it: shards
 * answer by words until then, and only ever embed questions, and what a `/reload` brings.
 */
export async function startShards(config: RunnableConfig & { shardCount: number | 'auto' }, logger: Logger): Promise<RunningShards> {
  await ensureShardSnapshot(config.corpusDir, logger, config.indexSnapshotPath ?? undefined);
  const totalShards = config.shardCount === 'auto' ? await recommendedShardCount(config) : config.shardCount;
  // The one writer of the feedback file: each shard sends its votes here, so that the file is
  // appended to and rotated by one queue only.
  const feedback = await openFeedbackLog(config.feedbackFile, logger);
  const manager = new ShardingManager(fileURLToPath(new URL('./main.ts', import.meta.url)), {
    totalShards,
    token: config.token,
    mode: 'process',
    respawn: true,
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shard: shard.id, totalShards }, 'shard started');
    shard.on('message', (message: unknown) => {
      const vote = parseFeedbackRecord(message);
      if (vote !== null) {
        feedback
          .append(vote.entry)
          .then(
            () => null,
            (error: unknown) => {
              logger.error({ err: error, shard: shard.id }, 'could not save a vote');
              return error instanceof Error ? error.message : String(error);
            },
          )
          .then((error) => shard.send(feedbackSaved(vote.id, error)))
          .catch((error: unknown) => logger.warn({ err: error, shard: shard.id }, 'could not tell a shard whether its vote was saved'));
        return;
      }
      if (!isReloadRequest(message)) return;
      for (const other of manager.shards.values()) {
        if (!message.reloadedShards.includes(other.id))
          other
            .send(reloadOrder())
            .catch((error: unknown) => logger.error({ err: error, shard: other.id }, 'could not pass /reload on to a shard'));
      }
    });
  });
  logger.info({ totalShards }, 'starting shards');
  await manager.spawn({ amount: totalShards, timeout: 120_000 });
  logger.info({ totalShards }, 'all shards ready');
  const reloadEveryShard = () => Promise.all([...manager.shards.values()].map((shard) => shard.send(reloadOrder())));
  let vectorsOn = config.vectors.enabled;
  /** The snapshot with the sentence vectors; once the workers fail, without (logged once). */
  const ensureVectors = async (): Promise<boolean> => {
    if (!vectorsOn) return false;
    const embedding = await SentenceEmbedding.open({
      cacheDir: config.vectors.cacheDir,
      ...(config.vectors.workers === null ? {} : { workers: config.vectors.workers }),
    });
    try {
      return await ensureShardSnapshot(config.corpusDir, logger, config.indexSnapshotPath ?? undefined, embedding);
    } catch (error) {
      vectorsOn = false;
      logger.error(
        { reason: error instanceof Error ? error.message : String(error) },
        'sentence vectors are off: the shards answer by words only (restart the bot to try again)',
      );
      return false;
    } finally {
      await embedding.close();
    }
  };
  if (vectorsOn)
    void ensureVectors()
      .then(async (rebuilt) => {
        if (rebuilt) await reloadEveryShard();
      })
      .catch((error: unknown) => logger.error({ err: error }, 'could not give the shards their sentence vectors'));
  // The manager polls the feeds for every shard: it brings the snapshot up to date, then every shard reloads from it.
  const feeds = startFeedPolling(
    config,
    new Ingester({ corpusDir: config.corpusDir, fetch: { allowLoopback: config.fetchAllowLoopback } }),
    logger,
    async () => {
      await ensureShardSnapshot(config.corpusDir, logger, config.indexSnapshotPath ?? undefined);
      await ensureVectors();
      await reloadEveryShard();
    },
  );

  return {
    manager,
    async stop() {
      await feeds?.stop();
      manager.respawn = false;
      await Promise.all(
        [...manager.shards.values()].map(
          (shard) =>
            new Promise<void>((resolve) => {
              const child = shard.process;
              if (child === null || child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
      await feedback.flush();
    },
  };
}

/** The shard count Discord recommends, asked through the configured REST base (discord.js's own helper ignores it). */
async function recommendedShardCount(config: RunnableConfig): Promise<number> {
  const rest = new REST({ version: '10', ...(config.apiUrl === null ? {} : { api: config.apiUrl }) }).setToken(config.token);
  const answer = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
  if (typeof answer.shards !== 'number' || !Number.isInteger(answer.shards) || answer.shards < 1) {
    throw new Error('GET /gateway/bot did not say how many shards to run; set SHARD_COUNT to a number');
  }
  return answer.shards;
}
