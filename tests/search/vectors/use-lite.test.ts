import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SentenceEmbedding } from '../../../src/search/vectors/sentence-embedding.js';
import { USE_LITE_DIMENSIONS, USE_LITE_MODEL } from '../../../src/search/vectors/use-lite.js';
import { articleOf, indexed } from '../support/corpus.js';

// The real model, in a real worker thread: one load (about a second and 200 MB), so one test.
describe('USE-lite through the embedding pool', () => {
  let cacheDir = '';
  afterAll(async () => {
    if (cacheDir !== '') await rm(cacheDir, { recursive: true, force: true });
  });

  it('finds the sentence a question means when they share no word, from vectors it cached', async () => {
    cacheDir = await mkdtemp(join(tmpdir(), 'use-lite-'));
    const embedding = await SentenceEmbedding.open({ cacheDir, workers: 1 });
    try {
      const corpus = indexed(
        articleOf(
          'ferry',
          'A ferry sank off the coast on Sunday morning. Two people were taken to hospital with minor injuries. ' +
            'The company said the vessel had passed its inspection in May. Shares in the operator fell sharply.',
          'Ferry sinks off the coast',
        ),
      );
      const vectors = await embedding.vectorsFor(corpus);
      expect(vectors.model).toBe(USE_LITE_MODEL);
      expect(vectors.sentences.dimensions).toBe(USE_LITE_DIMENSIONS);
      const question = await vectors.embedQuestion('was anyone hurt?');
      expect(Math.hypot(...question)).toBeCloseTo(1, 5);
      const [nearest] = vectors.sentences.nearest(question, 1);
      expect(corpus.index.sentences[nearest?.row ?? -1]?.text).toBe('Two people were taken to hospital with minor injuries.');

      const plans: unknown[] = [];
      await embedding.vectorsFor(corpus, { onPlan: (plan) => plans.push(plan) });
      expect(plans).toEqual([{ texts: 5, cached: 5, toEmbed: 0 }]);
    } finally {
      await embedding.close();
    }
  });
});
