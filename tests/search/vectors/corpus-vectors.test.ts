import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSnapshot, loadEngine } from '../../../src/search/load-engine.js';
import { computeVectors, vectorsFor } from '../../../src/search/vectors/corpus-vectors.js';
import { quantise } from '../../../src/search/vectors/sentence-vectors.js';
import { VectorCache } from '../../../src/search/vectors/vector-cache.js';
import { articleOf, indexed } from '../support/corpus.js';
import { CountingEmbedder } from './support/counting-embedder.js';
import { FAKE_DIMENSIONS, FAKE_MODEL, fakeVector } from './support/fake-model.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corpus-vectors-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ships = articleOf(
  'ships',
  'The ferry sank near the harbour. Two people were taken to hospital.\n\nThe ferry sank near the harbour.',
  'Ferry sinks',
);
const shares = articleOf('shares', 'Shares fell 3% on Monday. The chief executive told staff that 300 jobs would go.', 'Shares fall');
const cacheIn = (folder: string) => VectorCache.open(folder, FAKE_MODEL, FAKE_DIMENSIONS);

describe('vectorsFor', () => {
  it('gives one row per sentence id and one per article title, each the quantised vector of its text', async () => {
    const corpus = indexed(ships, shares);
    const vectors = await vectorsFor(corpus, new CountingEmbedder());
    expect(vectors.sentences.count).toBe(corpus.index.sentences.length);
    expect(vectors.titles.count).toBe(2);
    for (const [id, sentence] of corpus.index.sentences.entries())
      expect(vectors.sentences.cosine(fakeVector(sentence.text), id)).toBeCloseTo(1, 3);
    expect(vectors.titles.cosine(fakeVector('Shares fall'), 1)).toBeCloseTo(1, 3);
    expect([...vectors.sentences.rows.subarray(0, FAKE_DIMENSIONS)]).toEqual([
      ...quantise(fakeVector(corpus.index.sentences[0]?.text ?? '')).row,
    ]);
  });

  it('embeds each distinct text once, however often it occurs', async () => {
    const embedder = new CountingEmbedder();
    await vectorsFor(indexed(ships), embedder);
    expect(embedder.embedded.filter((text) => text === 'The ferry sank near the harbour.')).toHaveLength(1);
  });

  it('embeds only the texts the cache lacks after a restart: none for the same corpus, only the new article after one is added', async () => {
    const first = new CountingEmbedder();
    await vectorsFor(indexed(ships), first, { cache: await cacheIn(dir) });
    expect(first.embedded.sort()).toEqual(['Ferry sinks', 'The ferry sank near the harbour.', 'Two people were taken to hospital.']);

    // A restart: a new cache object and embedder over the same folder.
    const again = new CountingEmbedder();
    const plans: unknown[] = [];
    await vectorsFor(indexed(ships), again, { cache: await cacheIn(dir), onPlan: (plan) => plans.push(plan) });
    expect(again.embedded).toEqual([]);
    expect(plans).toEqual([{ texts: 3, cached: 3, toEmbed: 0 }]);

    // `/add` or a feed poll brought one article: only its sentences and title are embedded.
    const afterAdd = new CountingEmbedder();
    await vectorsFor(indexed(ships, shares), afterAdd, { cache: await cacheIn(dir) });
    expect(afterAdd.embedded.sort()).toEqual([
      'Shares fall',
      'Shares fell 3% on Monday.',
      'The chief executive told staff that 300 jobs would go.',
    ]);
  });

  it('still gives every vector when the cache cannot be written, and says why once', async () => {
    const cache = await cacheIn(join(dir, 'blocked', 'cache'));
    await writeFile(join(dir, 'blocked'), 'a file where the folder should be');
    const problems: string[] = [];
    const vectors = await vectorsFor(indexed(ships, shares), new CountingEmbedder(), {
      cache,
      onCacheProblem: (problem) => problems.push(problem.message),
    });
    expect(vectors.sentences.count).toBe(5);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/set VECTOR_CACHE to a folder the bot may write to/);
  });

  it('embeds a question through the same embedder, uncached', async () => {
    const embedder = new CountingEmbedder();
    const vectors = await vectorsFor(indexed(ships), embedder, { cache: await cacheIn(dir) });
    expect([...(await vectors.embedQuestion('was anyone hurt?'))]).toEqual([...fakeVector('was anyone hurt?')]);
    expect((await (await cacheIn(dir)).find(['was anyone hurt?'])).missing).toEqual([0]);
  });
});

describe('snapshots with vectors', () => {
  it('restores the vectors saved with the index, row for row, so that a restart embeds nothing', async () => {
    await cp('corpus', dir, { recursive: true });
    const embedder = new CountingEmbedder();
    const built = await buildSnapshot(dir, {}, undefined, (fresh) => computeVectors(fresh, embedder));
    expect(built.snapshot.saved).toBe(true);
    const loaded = await loadEngine(dir);
    expect(loaded.from).toBe('snapshot');
    const saved = loaded.savedVectors;
    expect(saved?.model).toBe(FAKE_MODEL);
    expect([...(saved?.sentences.rows ?? [])]).toEqual([...(built.vectors?.sentences.rows ?? [])]);
    expect([...(saved?.sentences.factors ?? [])]).toEqual([...(built.vectors?.sentences.factors ?? [])]);
    expect([...(saved?.titles.rows ?? [])]).toEqual([...(built.vectors?.titles.rows ?? [])]);
    expect(saved?.sentences.count).toBe(loaded.indexed.index.sentences.length);
  });

  it('restores a snapshot saved without vectors with none', async () => {
    await cp('corpus', dir, { recursive: true });
    await buildSnapshot(dir);
    const loaded = await loadEngine(dir);
    expect(loaded).toMatchObject({ from: 'snapshot', savedVectors: null });
  });
});
