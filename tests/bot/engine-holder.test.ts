import { describe, expect, it } from 'vitest';
import { EngineHolder, type CorpusEngine } from '../../src/bot/engine-holder.js';
import type { CorpusProblem } from '../../src/corpus/types.js';
import { article, fakeEngine } from './fake-engine.js';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const oldEngine = fakeEngine([article('old', {}, ['Old news about Kyiv.'])]);
const newEngine = fakeEngine([article('new', {}, ['New news about Kyiv.', 'More.']), article('newer', {}, ['x'])]);
const problem: CorpusProblem = { severity: 'error', file: 'corpus/bad.md', line: 3, message: 'front matter field `date` is not a date' };

describe('EngineHolder', () => {
  it('keeps answering with the old engine until the new one is ready, then swaps', async () => {
    const next = deferred<CorpusEngine>();
    const loads = [Promise.resolve({ engine: oldEngine, problems: [] }), next.promise];
    const holder = await EngineHolder.create(() => loads.shift() ?? Promise.reject(new Error('no more loads')));

    const reloading = holder.reload();
    expect(holder.isReloading).toBe(true);
    expect(holder.current).toBe(oldEngine);
    expect((await holder.current.ask('Kyiv')).answers[0]?.source.article).toBe('old');

    next.resolve({ engine: newEngine, problems: [problem] });
    const summary = await reloading;
    expect(holder.current).toBe(newEngine);
    expect(holder.isReloading).toBe(false);
    expect(summary).toEqual({
      articles: 2,
      sentences: 6,
      problems: [problem],
      previous: { articles: 1, sentences: 2 },
    });
    expect(holder.problems).toEqual([problem]);
  });

  it('keeps the old engine when the reload fails', async () => {
    let calls = 0;
    const holder = await EngineHolder.create(async () => {
      calls += 1;
      if (calls > 1) throw new Error('ENOENT: no such directory');
      return { engine: oldEngine, problems: [] };
    });
    await expect(holder.reload()).rejects.toThrow('ENOENT');
    expect(holder.current).toBe(oldEngine);
    expect(holder.isReloading).toBe(false);
  });

  it('runs one reload for concurrent requests', async () => {
    let calls = 0;
    const holder = await EngineHolder.create(async () => {
      calls += 1;
      return { engine: calls === 1 ? oldEngine : newEngine, problems: [] };
    });
    const [first, second] = await Promise.all([holder.reload(), holder.reload()]);
    expect(first).toBe(second);
    expect(calls).toBe(2);
  });

  describe('sentence vectors', () => {
    const oldMeaning = fakeEngine([article('old', {}, ['Old news about Kyiv.'])]);
    const newMeaning = fakeEngine([article('new', {}, ['New news about Kyiv.', 'More.']), article('newer', {}, ['x'])]);

    it('answers by words at once, then swaps in the engine with vectors when they are ready', async () => {
      const vectors = deferred<typeof oldMeaning>();
      const events: string[] = [];
      const holder = await EngineHolder.create(async () => ({ engine: oldEngine, problems: [], withVectors: () => vectors.promise }), {
        onVectorsReady: () => events.push('ready'),
      });
      expect(holder.current).toBe(oldEngine);
      expect(holder.comparesMeaning).toBe(false);
      vectors.resolve(oldMeaning);
      await holder.vectorsSettled();
      expect(holder.current).toBe(oldMeaning);
      expect(holder.comparesMeaning).toBe(true);
      expect(events).toEqual(['ready']);
    });

    it('keeps answering by words, and says why once, when the vectors fail', async () => {
      const failures: unknown[] = [];
      const holder = await EngineHolder.create(
        async () => ({
          engine: oldEngine,
          problems: [],
          withVectors: () => Promise.reject(new Error('the embedding worker could not load its model')),
        }),
        { onVectorsFailed: (error) => failures.push(error) },
      );
      await holder.vectorsSettled();
      expect(holder.current).toBe(oldEngine);
      expect(holder.comparesMeaning).toBe(false);
      expect(failures).toHaveLength(1);
    });

    it('on a reload, keeps the engine with vectors answering until the new one has its vectors too', async () => {
      const newVectors = deferred<typeof newMeaning>();
      let calls = 0;
      const holder = await EngineHolder.create(async () => {
        calls += 1;
        return calls === 1
          ? { engine: oldEngine, problems: [], withVectors: async () => oldMeaning }
          : { engine: newEngine, problems: [], withVectors: () => newVectors.promise };
      });
      await holder.vectorsSettled();
      const reloading = holder.reload();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(holder.current).toBe(oldMeaning);
      newVectors.resolve(newMeaning);
      await reloading;
      expect(holder.current).toBe(newMeaning);
      expect(holder.comparesMeaning).toBe(true);
    });

    it('on a reload whose vectors fail, answers by words from the new corpus', async () => {
      let calls = 0;
      const failures: unknown[] = [];
      const holder = await EngineHolder.create(
        async () => {
          calls += 1;
          return calls === 1
            ? { engine: oldEngine, problems: [], withVectors: async () => oldMeaning }
            : { engine: newEngine, problems: [], withVectors: () => Promise.reject(new Error('worker exited')) };
        },
        { onVectorsFailed: (error) => failures.push(error) },
      );
      await holder.vectorsSettled();
      await holder.reload();
      expect(holder.current).toBe(newEngine);
      expect(holder.comparesMeaning).toBe(false);
      expect(failures).toHaveLength(1);
    });

    it('never swaps in vectors finished for a corpus that a reload has replaced', async () => {
      const slowOldVectors = deferred<typeof oldMeaning>();
      let calls = 0;
      const holder = await EngineHolder.create(async () => {
        calls += 1;
        return calls === 1
          ? { engine: oldEngine, problems: [], withVectors: () => slowOldVectors.promise }
          : { engine: newEngine, problems: [] };
      });
      await holder.reload();
      slowOldVectors.resolve(oldMeaning);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(holder.current).toBe(newEngine);
      expect(holder.comparesMeaning).toBe(false);
    });
  });
});
