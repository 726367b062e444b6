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

  it('runs one reload at a time and queues at most one more: ten requests at once load the corpus twice', async () => {
    const first = deferred<CorpusEngine>();
    const loads: Promise<CorpusEngine>[] = [Promise.resolve({ engine: oldEngine, problems: [] }), first.promise];
    let calls = 0;
    const holder = await EngineHolder.create(() => {
      calls += 1;
      return loads.shift() ?? Promise.resolve({ engine: newEngine, problems: [] });
    });
    const running = holder.reload();
    const waiting = Array.from({ length: 9 }, () => holder.reload());
    expect(calls, 'the second load waits for the first').toBe(2);
    expect(new Set(waiting).size, 'the nine share one queued reload').toBe(1);
    expect(waiting[0]).not.toBe(running);

    first.resolve({ engine: oldEngine, problems: [] });
    await running;
    const [queued] = await Promise.all(waiting);
    expect(calls).toBe(3);
    expect(queued?.articles, 'the queued reload read the corpus after the first one ended').toBe(2);
    expect(holder.current).toBe(newEngine);
    expect(holder.isReloading).toBe(false);
  });

  it('still runs the queued reload when the running one fails', async () => {
    let calls = 0;
    const holder = await EngineHolder.create(async () => {
      calls += 1;
      if (calls === 2) throw new Error('EMFILE: too many open files');
      return { engine: calls === 1 ? oldEngine : newEngine, problems: [] };
    });
    const failing = holder.reload();
    const queued = holder.reload();
    await expect(failing).rejects.toThrow('EMFILE');
    await expect(queued).resolves.toMatchObject({ articles: 2 });
    expect(holder.current).toBe(newEngine);
  });
});
