/**
 * Only regular files are read. A named pipe, a link to a device or a file far too big is reported
 * and skipped; none of them can hang start-up or fill the memory. The same holds for the index
 * snapshot, whose header and size are checked before its body is read.
 */
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { cp, mkdtemp, open, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusFingerprint } from '../../src/corpus/fingerprint.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { MAX_CORPUS_FILE_BYTES } from '../../src/corpus/read-corpus-file.js';
import { SNAPSHOT_FILE } from '../../src/search/index/snapshot.js';
import { buildSnapshot, loadEngine } from '../../src/search/load-engine.js';

let dir: string;
const fifos: string[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'special-files-'));
  await cp('corpus', dir, { recursive: true });
});
afterEach(async () => {
  // Should a read still be waiting on a pipe (the fault this file pins down), give it an end of
  // file so that the worker can exit.
  for (const fifo of fifos.splice(0)) {
    const writer = await open(fifo, constants.O_WRONLY | constants.O_NONBLOCK).catch(() => null);
    await writer?.close();
  }
  await rm(dir, { recursive: true, force: true });
});

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
  fifos.push(path);
}

/** `work`, or a rejection once `ms` have passed: a hang fails the test instead of stalling the run. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} still had not finished after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const SHIPPED = '2025-07-03-trump-putin-call';

describe('special files among the articles', () => {
  it('skips a named pipe called pipe.md with a clear problem, and loads the rest', async () => {
    mkfifo(join(dir, 'pipe.md'));
    const corpus = await within(20_000, 'loadCorpus', loadCorpus(dir));
    expect(corpus.articles.map((article) => article.id)).toEqual([SHIPPED]);
    expect(corpus.problems).toEqual([
      {
        severity: 'error',
        file: join(dir, 'pipe.md'),
        line: null,
        message: 'is not a regular file (a named pipe); only regular files are read, so it was skipped',
      },
    ]);
    await within(20_000, 'corpusFingerprint', corpusFingerprint(dir));
  });

  it('skips an article linked to a device', async () => {
    await symlink('/dev/zero', join(dir, 'zero.md'));
    const corpus = await within(20_000, 'loadCorpus', loadCorpus(dir));
    expect(corpus.articles.map((article) => article.id)).toEqual([SHIPPED]);
    expect(corpus.problems).toEqual([
      expect.objectContaining({ file: join(dir, 'zero.md'), message: expect.stringContaining('(a device)') }),
    ]);
  });

  it(`skips an article file larger than ${MAX_CORPUS_FILE_BYTES / 1e6} MB without reading it, and says how big it is`, async () => {
    const big = await open(join(dir, 'big.txt'), 'w');
    await big.truncate(MAX_CORPUS_FILE_BYTES + 1_000_000);
    await big.close();
    const corpus = await loadCorpus(dir);
    expect(MAX_CORPUS_FILE_BYTES).toBe(20_000_000);
    expect(corpus.articles.map((article) => article.id)).toEqual([SHIPPED]);
    expect(corpus.problems).toEqual([
      {
        severity: 'error',
        file: join(dir, 'big.txt'),
        line: null,
        message: 'is 21.0 MB, more than the 20 MB an article file may be; split it into smaller articles',
      },
    ]);
  });
});

describe('the index snapshot as a special or outsized file', () => {
  it('is ignored, without hanging, when it is a named pipe', async () => {
    mkfifo(join(dir, SNAPSHOT_FILE));
    const loaded = await within(20_000, 'loadEngine', loadEngine(dir));
    expect(loaded).toMatchObject({ from: 'files', snapshotSkipped: 'the index snapshot is not a regular file (a named pipe); ignored' });
  });

  it('is ignored, without reading it, when it is a link to /dev/zero', async () => {
    await symlink('/dev/zero', join(dir, SNAPSHOT_FILE));
    const loaded = await within(20_000, 'loadEngine', loadEngine(dir));
    expect(loaded).toMatchObject({ from: 'files', snapshotSkipped: 'the index snapshot is not a regular file (a device); ignored' });
  });

  it('is judged by its header alone when the header is not ours, however big the file (3 GB here, more than one read can hold)', async () => {
    const huge = await open(join(dir, SNAPSHOT_FILE), 'w');
    await huge.write('{"format":"something else"}\n');
    await huge.truncate(3_000_000_000);
    await huge.close();
    const loaded = await within(20_000, 'loadEngine', loadEngine(dir));
    expect(loaded).toMatchObject({ from: 'files', snapshotSkipped: expect.stringMatching(/not one this bot wrote/u) });
  });

  it('is refused before its body is read when its size is not the size its header gives', async () => {
    await buildSnapshot(dir);
    const file = await open(join(dir, SNAPSHOT_FILE), 'r+');
    const { size } = await file.stat();
    // A body longer than the header says, as a file grown by something else would be.
    await file.truncate(size + 2_500_000_000);
    await file.close();
    const loaded = await within(20_000, 'loadEngine', loadEngine(dir));
    expect(loaded).toMatchObject({
      from: 'files',
      snapshotSkipped: 'the index snapshot is damaged (its size is not the size its header gives); ignored',
    });
  });

  it('still loads a snapshot it wrote itself', async () => {
    await buildSnapshot(dir);
    expect((await loadEngine(dir)).from).toBe('snapshot');
  });
});
