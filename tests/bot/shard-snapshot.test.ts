/**
 * The snapshot the sharding manager brings up to date before starting the shards. It saves
 * start-up time, nothing more: a snapshot that cannot be written is a warning, never a reason
 * not to start.
 */
import { chmod, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { corpusEngineLoader } from '../../src/bot/corpus-engine-loader.js';
import { createLogger } from '../../src/bot/logger.js';
import { ensureShardSnapshot } from '../../src/bot/shard-snapshot.js';
import { loadConfig } from '../../src/config.js';
import { SentenceEmbedding } from '../../src/search/vectors/sentence-embedding.js';
import { fakePoolOptions } from '../search/vectors/support/worker-scripts.js';
import { mountTmpfs, whyNoTmpfs, type Tmpfs } from '../support/tmpfs.js';
import { parseLogLine, type LogLine } from '../e2e/support/harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function collectingLogger(): { logger: ReturnType<typeof createLogger>; logs: LogLine[] } {
  const logs: LogLine[] = [];
  const logger = createLogger({
    level: 'info',
    pretty: false,
    destination: { write: (line: string) => void logs.push(parseLogLine(line)) },
  });
  return { logger, logs };
}

/**
 * A copy of the shipped corpus in a folder nothing may write to: a read-only mount when the
 * tests run as root (for whom a folder's mode is no obstacle), else a folder without write permission.
 */
async function readOnlyCorpus(): Promise<string> {
  if (whyNoTmpfs === null) {
    const mounted: Tmpfs = await mountTmpfs(16 * 1024 * 1024);
    cleanups.push(() => mounted.unmount());
    await cp('corpus', mounted.dir, { recursive: true });
    mounted.readOnly();
    return mounted.dir;
  }
  const dir = await mkdtemp(join(tmpdir(), 'read-only-corpus-'));
  cleanups.push(async () => {
    await chmod(dir, 0o755);
    await rm(dir, { recursive: true, force: true });
  });
  await cp('corpus', dir, { recursive: true });
  await chmod(dir, 0o555);
  return dir;
}

describe('ensureShardSnapshot', () => {
  it('warns and carries on when the corpus folder is read-only, so that the shards still start', async () => {
    const corpus = await readOnlyCorpus();
    const { logger, logs } = collectingLogger();
    await expect(ensureShardSnapshot(corpus, logger)).resolves.toBe(true);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: 'no index snapshot for the shards; each indexes the articles itself',
        reason: expect.stringMatching(
          /^the index snapshot could not be saved at .*\.index-snapshot \((read-only file system|permission denied)\); set INDEX_SNAPSHOT_PATH to a file in a folder the bot may write to$/u,
        ),
      }),
    );
  });

  it('saves the snapshot at INDEX_SNAPSHOT_PATH instead, in a folder it creates, where the bot then loads it', async () => {
    const corpus = await readOnlyCorpus();
    const elsewhere = await mkdtemp(join(tmpdir(), 'snapshot-elsewhere-'));
    cleanups.push(() => rm(elsewhere, { recursive: true, force: true }));
    const config = loadConfig({ CORPUS_DIR: corpus, INDEX_SNAPSHOT_PATH: join(elsewhere, 'cache', 'index-snapshot') });
    const { logger, logs } = collectingLogger();
    await ensureShardSnapshot(config.corpusDir, logger, config.indexSnapshotPath ?? undefined);
    expect(logs).toContainEqual(
      expect.objectContaining({ msg: 'built the index snapshot the shards will load', file: config.indexSnapshotPath }),
    );

    let skipped: string | null = null;
    const loaded = await corpusEngineLoader(
      corpus,
      (reason) => {
        skipped = reason;
      },
      config.indexSnapshotPath ?? undefined,
    )();
    expect(skipped).toBeNull();
    expect(loaded.engine.articles.map((article) => article.id)).toEqual(['2025-07-03-trump-putin-call']);
  });

  it("with vectors: the manager embeds the corpus into the snapshot once, and a shard's first load takes them from there", async () => {
    const corpus = await mkdtemp(join(tmpdir(), 'shard-vectors-'));
    cleanups.push(() => rm(corpus, { recursive: true, force: true }));
    await cp('corpus', corpus, { recursive: true });
    const embedding = await SentenceEmbedding.open({ cacheDir: join(corpus, '.cache'), ...fakePoolOptions() });
    cleanups.push(() => embedding.close());
    const { logger } = collectingLogger();
    expect(await ensureShardSnapshot(corpus, logger, undefined, embedding)).toBe(true);
    // Up to date now, vectors included: nothing to build again.
    expect(await ensureShardSnapshot(corpus, logger, undefined, embedding)).toBe(false);

    const plans: unknown[] = [];
    const shardLoad = corpusEngineLoader(corpus, () => {}, undefined, {
      embedding,
      firstLoadFromSnapshotOnly: true,
      onPlan: (plan) => plans.push(plan),
    });
    const loaded = await shardLoad();
    expect(loaded.withVectors).toBeDefined();
    await loaded.withVectors?.();
    // The vectors came from the snapshot: the shard did not even look at the cache.
    expect(plans).toEqual([]);
  });

  it("with vectors: a shard's first load over a snapshot without them answers by words and embeds nothing", async () => {
    const corpus = await mkdtemp(join(tmpdir(), 'shard-vectors-'));
    cleanups.push(() => rm(corpus, { recursive: true, force: true }));
    await cp('corpus', corpus, { recursive: true });
    const embedding = await SentenceEmbedding.open({ cacheDir: null, ...fakePoolOptions() });
    cleanups.push(() => embedding.close());
    await ensureShardSnapshot(corpus, collectingLogger().logger);
    const shardLoad = corpusEngineLoader(corpus, () => {}, undefined, { embedding, firstLoadFromSnapshotOnly: true });
    expect((await shardLoad()).withVectors).toBeUndefined();
    // The manager's reload order, later: this one may compute what its cache lacks.
    expect((await shardLoad()).withVectors).toBeDefined();
  });
});
