import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load-corpus.js';
import { createEngine } from '../../../src/search/engine.js';
import { NO_SNAPSHOT, SNAPSHOT_FILE } from '../../../src/search/index/snapshot.js';
import { buildSnapshot, loadEngine } from '../../../src/search/load-engine.js';

const QUESTIONS = [
  'How many times have Trump and Putin spoken?',
  'Who makes decisions in Russia?',
  'pentagon weapons',
  'What is the capital of France?',
  'what did zelenksy say',
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snapshot-'));
  await cp('corpus', dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const snapshotPath = () => join(dir, SNAPSHOT_FILE);

describe('index snapshots', () => {
  it('loads a snapshot that matches the files and answers exactly as a freshly built engine', async () => {
    await buildSnapshot(dir);
    const loaded = await loadEngine(dir);
    expect(loaded.from).toBe('snapshot');
    expect(loaded.snapshotSkipped).toBeNull();
    const fresh = createEngine(await loadCorpus(dir));
    for (const question of QUESTIONS)
      expect((await loaded.engine.ask(question, { limit: 5 })).answers).toEqual((await fresh.ask(question, { limit: 5 })).answers);
    expect(loaded.engine.articles).toEqual(fresh.articles);
  });

  it('builds from the files, and says so, when there is no snapshot', async () => {
    const loaded = await loadEngine(dir);
    expect(loaded).toMatchObject({ from: 'files', snapshotSkipped: NO_SNAPSHOT });
  });

  it('rebuilds when an article changed since the snapshot, and answers from the new text', async () => {
    await buildSnapshot(dir);
    await writeFile(join(dir, 'new.md'), '---\ntitle: New\n---\n\nThe zeppelin landed in Lisbon at noon.\n');
    const loaded = await loadEngine(dir);
    expect(loaded.from).toBe('files');
    expect(loaded.snapshotSkipped).toMatch(/out of date/u);
    expect((await loaded.engine.ask('where did the zeppelin land?')).answers[0]?.source.article).toBe('new');
  });

  it('ignores a damaged snapshot: a flipped byte, a cut-off file, or garbage', async () => {
    await buildSnapshot(dir);
    const original = await readFile(snapshotPath(), 'utf8');
    const damaged = [original.replace('sixth', 'fifth'), original.slice(0, Math.floor(original.length / 2)), `${original}x`];
    for (const text of damaged) {
      await writeFile(snapshotPath(), text);
      const loaded = await loadEngine(dir);
      expect(loaded.from).toBe('files');
      expect(loaded.snapshotSkipped).toMatch(/damaged/u);
      expect((await loaded.engine.ask('How many times have Trump and Putin spoken?')).answers[0]?.text).toContain('sixth conversation');
    }
  });

  it("ignores a foreign file in the snapshot's place", async () => {
    for (const text of ['{"format":"something else"}\n{}\n{}', 'not json at all', '']) {
      await writeFile(snapshotPath(), text);
      const loaded = await loadEngine(dir);
      expect(loaded).toMatchObject({ from: 'files', snapshotSkipped: expect.stringMatching(/not one this bot wrote/u) });
    }
  });

  it('does not trust a snapshot whose checksum was forged over data of the wrong shape', async () => {
    await buildSnapshot(dir);
    const [header = '', , miniSearch = ''] = (await readFile(snapshotPath(), 'utf8')).split('\n');
    const body = `${JSON.stringify({ corpus: { articles: [{ id: 1 }] }, documentFrequency: [] })}\n${miniSearch}`;
    const forged = { ...(JSON.parse(header) as Record<string, unknown>), checksum: createHash('sha256').update(body).digest('hex') };
    await writeFile(snapshotPath(), `${JSON.stringify(forged)}\n${body}`);
    expect(await loadEngine(dir)).toMatchObject({ from: 'files', snapshotSkipped: expect.stringMatching(/damaged/u) });
  });

  it('is not itself read as an article, and keeps the corpus problems it was built with', async () => {
    await writeFile(join(dir, 'broken.md'), '---\ntitle: never closed\n');
    await buildSnapshot(dir);
    const loaded = await loadEngine(dir);
    expect(loaded.from).toBe('snapshot');
    expect(loaded.engine.articles.map((article) => article.id)).toEqual(['2025-07-03-trump-putin-call']);
    expect(loaded.problems).toEqual([expect.objectContaining({ severity: 'error', line: 1 })]);
    await appendFile(join(dir, '_aliases.txt'), 'Zeppelin, airship\n');
    expect((await loadEngine(dir)).from).toBe('files');
  });
});
