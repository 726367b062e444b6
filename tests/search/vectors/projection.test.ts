import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SentenceEmbedding } from '../../../src/search/vectors/sentence-embedding.js';
import { articleOf, indexed } from '../support/corpus.js';
import { fakePoolOptions } from './support/worker-scripts.js';
import { fitProjection, ProjectedEmbedder, project, projectionFile, readProjection } from '../../../src/search/vectors/projection.js';
import { CountingEmbedder } from './support/counting-embedder.js';
import { FAKE_DIMENSIONS, fakeVector } from './support/fake-model.js';

/** Unit vectors of 16 numbers that vary along 3 directions only, plus a little noise. */
function lowRankVectors(count: number): Float32Array[] {
  let seed = 7;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
  const directions = [0, 1, 2].map(() => Float32Array.from({ length: 16 }, random));
  return Array.from({ length: count }, () => {
    const weights = [random() * 4, random() * 2, random()];
    const vector = Float32Array.from({ length: 16 }, (_unused, at) =>
      directions.reduce((sum, direction, index) => sum + (weights[index] ?? 0) * (direction[at] ?? 0), 0.001 * random()),
    );
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, at) => sum + value * (b[at] ?? 0), 0);

describe('vector projections (PCA)', () => {
  it('keeps nearly all the variance of vectors that vary in few directions, and the order of their cosines', () => {
    const vectors = lowRankVectors(300);
    const projection = fitProjection(vectors, 4);
    expect(projection.keptVariance).toBeGreaterThan(0.999);
    const [a, b, c] = vectors;
    if (a === undefined || b === undefined || c === undefined) throw new Error('no vectors');
    const [pa, pb, pc] = [a, b, c].map((vector) => project(projection, vector));
    if (pa === undefined || pb === undefined || pc === undefined) throw new Error('no projections');
    expect(Math.hypot(...pa)).toBeCloseTo(1, 5);
    expect(pa).toHaveLength(4);
    expect(Math.sign(cosine(pa, pb) - cosine(pa, pc))).toBe(Math.sign(cosine(a, b) - cosine(a, c)));
  });

  it('is the same projection, id included, after a round trip through its file', () => {
    const projection = fitProjection(lowRankVectors(50), 3);
    const read = readProjection(projectionFile(projection));
    expect(read.id).toBe(projection.id);
    expect([...read.axes]).toEqual([...projection.axes]);
    expect(() => readProjection(Buffer.from('not a projection\n'))).toThrow(/not a projection file/);
  });

  it('gives an embedder whose model id names the projection, so that its vectors are cached apart', async () => {
    const texts = ['ships sank', 'shares fell', 'the minister resigned', 'two people hurt'];
    const projection = fitProjection(texts.map(fakeVector), 2);
    const embedder = new ProjectedEmbedder(new CountingEmbedder(), projection);
    expect(embedder.model).toBe(`fake-bag-of-words-64+pca2-${projection.id}`);
    expect(embedder.dimensions).toBe(2);
    const [vector] = await embedder.embed(['ships sank']);
    expect([...(vector ?? [])]).toEqual([...project(projection, fakeVector('ships sank'))]);
    expect(() => new ProjectedEmbedder(new CountingEmbedder(), fitProjection(lowRankVectors(20), 2))).toThrow(
      `the projection takes 16 dimensions, but fake-bag-of-words-64 gives ${FAKE_DIMENSIONS}`,
    );
  });

  it('projects every vector a SentenceEmbedding makes, caching them under the projected model', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'projection-'));
    const projection = fitProjection(['ships sank', 'shares fell', 'the minister resigned'].map(fakeVector), 2);
    const embedding = await SentenceEmbedding.open({ cacheDir, projection, ...fakePoolOptions() });
    try {
      const vectors = await embedding.vectorsFor(indexed(articleOf('ferry', 'The ferry sank. Nobody was hurt.', 'Ferry')));
      expect(vectors.sentences.dimensions).toBe(2);
      expect(vectors.model).toBe(`fake-bag-of-words-64+pca2-${projection.id}`);
      expect(embedding.cache?.file).toContain(`pca2-${projection.id}`);
      expect(await vectors.embedQuestion('who was hurt?')).toHaveLength(2);
    } finally {
      await embedding.close();
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
