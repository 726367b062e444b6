/**
 * The bot with sentence vectors on: it answers by words at once, switches to the engine with
 * vectors when they are ready, computes only what its cache lacks after a restart, and answers
 * by words, saying why once, when the embedding worker cannot run. The embedding workers run a
 * small stand-in model (the pipeline is under test here; the real model has its own test).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fakePoolOptions, workerScripts } from '../search/vectors/support/worker-scripts.js';
import { LogLevel, logsAtOrAbove, startE2E, type E2E } from './support/harness.js';
import { ask } from './support/interact.js';

const QUESTION = 'Who makes decisions in Russia?';
let cacheDir = '';
const running: E2E[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((e2e) => e2e.close()));
});
afterAll(async () => {
  if (cacheDir !== '') await rm(cacheDir, { recursive: true, force: true });
});

async function start(script: URL): Promise<E2E> {
  if (cacheDir === '') cacheDir = await mkdtemp(join(tmpdir(), 'vectors-e2e-'));
  const e2e = await startE2E({ env: { VECTORS: 'on', VECTOR_CACHE: cacheDir }, vectors: fakePoolOptions(script) });
  running.push(e2e);
  return e2e;
}

const messages = (e2e: E2E) => e2e.logs.map((line) => line.msg);

describe('the bot with sentence vectors', () => {
  it('answers by words at once, switches to vectors when ready, and after a restart computes nothing again', async () => {
    const first = await start(workerScripts.fake);
    expect((await ask(first.server, QUESTION)).embed.description).toContain('Putin');
    await first.bot.engines.vectorsSettled();
    expect(first.bot.engines.comparesMeaning).toBe(true);
    const planned = first.logs.find(
      (line) => line.msg === 'sentence vectors: computing those not in the cache; answering by words meanwhile',
    );
    expect(planned).toMatchObject({ cached: 0 });
    expect(planned?.toEmbed).toBe(planned?.texts);
    expect(messages(first)).toContain('sentence vectors ready: answering by words and meaning');
    expect((await ask(first.server, QUESTION)).embed.description).toContain('Putin');
    await first.close();
    running.splice(0);

    const restarted = await start(workerScripts.fake);
    await restarted.bot.engines.vectorsSettled();
    expect(restarted.bot.engines.comparesMeaning).toBe(true);
    expect(messages(restarted)).not.toContain('sentence vectors: computing those not in the cache; answering by words meanwhile');
    expect(messages(restarted)).toContain('sentence vectors ready: answering by words and meaning');
  });

  it('answers by words, with one clear log line, when the embedding worker cannot load its model', async () => {
    const e2e = await start(workerScripts.unloadable);
    await e2e.bot.engines.vectorsSettled();
    expect(e2e.bot.engines.comparesMeaning).toBe(false);
    expect((await ask(e2e.server, QUESTION)).embed.description).toContain('Putin');
    const errors = logsAtOrAbove(e2e.logs, LogLevel.error);
    expect(errors).toEqual([
      expect.objectContaining({
        msg: 'sentence vectors are off: answering by words only (restart the bot to try again)',
        reason: 'the embedding worker could not load its model: model.json is missing',
      }),
    ]);
    // A reload does not try again, and does not say it again.
    await e2e.bot.engines.reload();
    await e2e.bot.engines.vectorsSettled();
    expect(logsAtOrAbove(e2e.logs, LogLevel.error)).toHaveLength(1);
    expect((await ask(e2e.server, QUESTION)).embed.description).toContain('Putin');
  });
});
