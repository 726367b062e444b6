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

  it('tells its listeners once a new engine is in, and not when a reload fails', async () => {
    const loads: Promise<CorpusEngine>[] = [
      Promise.resolve({ engine: oldEngine, problems: [] }),
      Promise.resolve({ engine: newEngine, problems: [] }),
      Promise.reject(new Error('disk gone')),
    ];
    const holder = await EngineHolder.create(() => loads.shift() ?? Promise.reject(new Error('no more loads')));
    const seen: unknown[] = [];
    const stop = holder.onChange(() => seen.push(holder.current));
    await holder.reload();
    await expect(holder.reload()).rejects.toThrow('disk gone');
    expect(seen).toEqual([newEngine]);
    stop();
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
});
