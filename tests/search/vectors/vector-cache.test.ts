import { appendFile, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quantise } from '../../../src/search/vectors/sentence-vectors.js';
import { VectorCache, VectorCacheError } from '../../../src/search/vectors/vector-cache.js';
import { mountTmpfs, type Tmpfs, whyNoTmpfs } from '../../support/tmpfs.js';
import { FAKE_DIMENSIONS, FAKE_MODEL, fakeVector } from './support/fake-model.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vector-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (folder = dir) => VectorCache.open(folder, FAKE_MODEL, FAKE_DIMENSIONS);
const texts = ['The minister resigned on Tuesday.', 'Two people were taken to hospital.', 'Shares fell 3%.'];
const recordBytes = 16 + 4 + FAKE_DIMENSIONS + 4;

describe('VectorCache', () => {
  it('finds nothing in a folder that has no cache yet, and creates nothing by looking', async () => {
    const cache = await open(join(dir, 'not-yet'));
    const found = await cache.find(texts);
    expect(found.missing).toEqual([0, 1, 2]);
    await expect(stat(join(dir, 'not-yet'))).rejects.toThrow();
  });

  it('gives back, in a new process, the int8 rows that TextVectors would make of what was added', async () => {
    await (await open()).add(texts, texts.map(fakeVector));
    const found = await (await open()).find(['unknown text', texts[2] ?? '', texts[0] ?? '', texts[2] ?? '']);
    expect(found.missing).toEqual([0]);
    for (const [index, text] of [
      [1, texts[2]],
      [2, texts[0]],
      [3, texts[2]],
    ] as const) {
      const expected = quantise(fakeVector(text ?? ''));
      expect([...found.rows.subarray(index * FAKE_DIMENSIONS, (index + 1) * FAKE_DIMENSIONS)]).toEqual([...expected.row]);
      expect(found.factors[index]).toBeCloseTo(expected.factor, 6);
    }
  });

  it('drops a damaged tail when reading, and cuts it off before the next append, without losing whole records', async () => {
    const cache = await open();
    await cache.add(texts.slice(0, 2), texts.slice(0, 2).map(fakeVector));
    // A crash in the middle of the third record's write.
    await appendFile(cache.file, Buffer.alloc(recordBytes - 7, 0x41));
    const afterCrash = await (await open()).find(texts);
    expect(afterCrash.missing).toEqual([2]);

    await cache.add([texts[2] ?? ''], [fakeVector(texts[2] ?? '')]);
    expect((await (await open()).find(texts)).missing).toEqual([]);
    const size = (await stat(cache.file)).size;
    expect((size - 256) % recordBytes).toBe(0);
  });

  it('skips a record whose checksum does not match and finds the others', async () => {
    const cache = await open();
    await cache.add(texts, texts.map(fakeVector));
    const bytes = await readFile(cache.file);
    bytes[256 + recordBytes + 30] = (bytes[256 + recordBytes + 30] ?? 0) ^ 0xff;
    await writeFile(cache.file, bytes);
    const found = await (await open()).find(texts);
    expect(found.missing).toEqual([1]);
    expect(found.damaged).toBe(1);
  });

  it('starts again over a header cut short', async () => {
    const cache = await open();
    await cache.add(texts, texts.map(fakeVector));
    await truncate(cache.file, 100);
    const reopened = await open();
    expect((await reopened.find(texts)).missing).toEqual([0, 1, 2]);
    await reopened.add(texts, texts.map(fakeVector));
    expect((await (await open()).find(texts)).missing).toEqual([]);
  });

  it('refuses a file that is not a cache of its model, saying what to do', async () => {
    const cache = await open();
    await cache.add(texts, texts.map(fakeVector));
    await expect(VectorCache.open(dir, FAKE_MODEL, 32)).rejects.toThrow(VectorCacheError);
    await writeFile(cache.file, `${'x'.repeat(300)}\n`);
    await expect(open()).rejects.toThrow(
      /is not a vector cache of fake-bag-of-words-64 \(64 dimensions\); move it away or set VECTOR_CACHE/,
    );
  });

  it('keeps every record whole when two caches of one file append at the same time', async () => {
    const [first, second] = await Promise.all([open(), open()]);
    const many = Array.from({ length: 200 }, (_unused, index) => `sentence ${index}`);
    await Promise.all(many.map((text, index) => ((index % 2 === 0 ? first : second) as VectorCache).add([text], [fakeVector(text)])));
    const found = await (await open()).find(many);
    expect(found.missing).toEqual([]);
    expect(found.damaged).toBe(0);
    await expect(stat(`${first.file}.lock`)).rejects.toThrow();
  });

  it('takes over a lock left behind by a process that no longer runs', async () => {
    const cache = await open();
    await writeFile(`${cache.file}.lock`, '2147483646\n');
    await cache.add(texts, texts.map(fakeVector));
    expect((await cache.find(texts)).missing).toEqual([]);
  });

  describe.skipIf(whyNoTmpfs !== null)('on a full disk', () => {
    let disk: Tmpfs;
    beforeEach(async () => {
      disk = await mountTmpfs(64 * 1024);
    });
    afterEach(async () => {
      await disk.unmount();
    });

    it('rejects with what happened and leaves only whole records behind', async () => {
      const cache = await open(disk.dir);
      const many = Array.from({ length: 2_000 }, (_unused, index) => `sentence ${index}`);
      await expect(cache.add(many, many.map(fakeVector))).rejects.toThrow(/vectors could not be saved in .* \(the disk is full\)/);
      const size = (await stat(cache.file).catch(() => ({ size: 0 }))).size;
      expect(size === 0 || (size - 256) % recordBytes === 0).toBe(true);
      await cache.add(texts, texts.map(fakeVector));
      expect((await (await open(disk.dir)).find(texts)).missing).toEqual([]);
    });
  });
});
