import { afterEach, describe, expect, it } from 'vitest';
import { EmbedderFailedError, EmbeddingPool } from '../../../src/search/vectors/embedding-pool.js';
import { fakeVector } from './support/fake-model.js';
import { fakePoolOptions, workerScripts } from './support/worker-scripts.js';

const pools: EmbeddingPool[] = [];
function pool(options: ConstructorParameters<typeof EmbeddingPool>[0]): EmbeddingPool {
  const created = new EmbeddingPool(options);
  pools.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((created) => created.close()));
});

describe('EmbeddingPool', () => {
  it('returns one vector per text, in order, computed in worker threads', async () => {
    const embedder = pool({ ...fakePoolOptions(), workers: 2, batchSize: 3 });
    const texts = Array.from({ length: 10 }, (_unused, index) => `sentence number ${index} about ${index % 3 === 0 ? 'ships' : 'trains'}`);
    const progress: number[] = [];
    const vectors = await embedder.embed(texts, (done) => progress.push(done));
    expect(vectors.map((vector) => [...vector])).toEqual(texts.map((text) => [...fakeVector(text)]));
    expect(progress.at(-1)).toBe(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('answers a question asked while a corpus is being embedded before the corpus is done', async () => {
    const embedder = pool({ ...fakePoolOptions(), workers: 1, batchSize: 2 });
    const order: string[] = [];
    const corpus = embedder.embed(Array.from({ length: 40 }, (_unused, index) => `text ${index}`)).then(() => order.push('corpus'));
    const question = embedder.embed(['what happened?']).then(() => order.push('question'));
    await Promise.all([corpus, question]);
    expect(order).toEqual(['question', 'corpus']);
  });

  it('starts no more workers than it is allowed', async () => {
    const embedder = pool({ ...fakePoolOptions(), workers: 2, batchSize: 1 });
    const running = embedder.embed(Array.from({ length: 30 }, (_unused, index) => `text ${index}`));
    expect(embedder.workerCount).toBeLessThanOrEqual(2);
    await running;
    expect(embedder.workerCount).toBeLessThanOrEqual(2);
  });

  it('stops workers beyond the first once they have been idle for idleMs', async () => {
    const embedder = pool({ ...fakePoolOptions(), workers: 2, batchSize: 1, idleMs: 10 });
    await embedder.embed(Array.from({ length: 20 }, (_unused, index) => `text ${index}`));
    await expect.poll(() => embedder.workerCount).toBe(1);
  });

  it('rejects every call with one clear error when the worker cannot load its model', async () => {
    const embedder = pool({ ...fakePoolOptions(workerScripts.unloadable) });
    const first = embedder.embed(['a', 'b']);
    await expect(first).rejects.toThrow(EmbedderFailedError);
    await expect(first).rejects.toThrow('the embedding worker could not load its model: model.json is missing');
    const later = await embedder.embed(['c']).catch((error: unknown) => error);
    expect(later).toBe(embedder.failure);
    await expect(embedder.warmUp()).rejects.toBe(embedder.failure);
  });

  it('rejects with one clear error when the worker throws as it starts', async () => {
    const embedder = pool({ ...fakePoolOptions(workerScripts.throwing) });
    await expect(embedder.warmUp()).rejects.toThrow(/the embedding worker stopped with an error: this worker breaks on start/);
    await expect(embedder.embed(['a'])).rejects.toBe(embedder.failure);
  });

  it('rejects the batches in flight when a worker exits', async () => {
    const embedder = pool({ ...fakePoolOptions(workerScripts.exiting), workers: 2, batchSize: 1 });
    await expect(embedder.embed(['a', 'b', 'c'])).rejects.toThrow(/the embedding worker exited unexpectedly \(exit code 3\)/);
    expect(embedder.failure).toBeInstanceOf(EmbedderFailedError);
  });

  it('refuses a worker that loaded another model than the one asked for', async () => {
    const embedder = pool({ workerScript: workerScripts.fake, model: 'use-lite-512', dimensions: 512 });
    await expect(embedder.warmUp()).rejects.toThrow(/loaded fake-bag-of-words-64 \(64 dimensions\), not use-lite-512 \(512\)/);
  });
});
