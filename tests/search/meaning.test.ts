import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineOver } from '../../src/search/engine.js';
import type { IndexedCorpus } from '../../src/search/indexed-corpus.js';
import { SentenceEmbedding } from '../../src/search/vectors/sentence-embedding.js';
import type { Engine } from '../../src/search/types.js';
import { articleOf, indexed } from './support/corpus.js';

// Our own articles, not from an evaluation set; the real model in one worker thread (loaded once).
const corpus: IndexedCorpus = indexed(
  articleOf(
    'plant',
    [
      'Acme Corp will close its Leeds plant at the end of March, the company said on Monday.',
      'The chief executive told staff that 300 jobs would go. Production moves to a site near Lyon.',
      'Union leaders called the decision a betrayal and promised to fight it.',
    ].join('\n\n'),
    'Acme to close Leeds plant',
  ),
  articleOf(
    'storm',
    [
      'Storm Dora swept across the west coast overnight, bringing winds of up to 90 mph.',
      'Two people were taken to hospital after a tree fell on their car near Aberystwyth.',
      'Power was cut to about 4,000 homes, and several rail lines stayed closed on Tuesday.',
    ].join('\n\n'),
    'Storm Dora hits the west coast',
  ),
  articleOf(
    'festival',
    [
      'The city festival opens on Friday with a parade through the old town.',
      'Organisers expect 40,000 visitors over the three days, up from 25,000 last year.',
      'Tickets for the closing concert sold out within an hour.',
    ].join('\n\n'),
    'City festival opens on Friday',
  ),
);

describe('answering by meaning as well as words', () => {
  let embedding: SentenceEmbedding;
  let words: Engine;
  let meaning: Engine;
  beforeAll(async () => {
    embedding = await SentenceEmbedding.open({ cacheDir: null, workers: 1 });
    words = engineOver(corpus, { thesaurus: null });
    meaning = engineOver(corpus, { thesaurus: null }, await embedding.vectorsFor(corpus));
  }, 120_000);
  afterAll(async () => {
    await embedding.close();
  });

  it.each([
    ['were people hurt in the storm', 'Two people were taken to hospital after a tree fell on their car near Aberystwyth.'],
    ['how many jobs are being cut', 'The chief executive told staff that 300 jobs would go.'],
  ])('is sure of the sentence "%s" means in other words, where words alone only hedge', async (question, target) => {
    const byWords = await words.ask(question);
    expect(byWords.answers[0]?.text).toBe(target);
    expect(byWords.confidence).not.toBe('high');
    const byMeaning = await meaning.ask(question);
    expect(byMeaning.answers[0]?.text).toBe(target);
    expect(byMeaning.confidence).toBe('high');
  });

  it('still finds what the words find', async () => {
    const { answers } = await meaning.ask('how many visitors do the festival organisers expect?');
    expect(answers[0]?.text).toBe('Organisers expect 40,000 visitors over the three days, up from 25,000 last year.');
  });

  it('answers a question about nothing in the articles with nothing', async () => {
    expect(await meaning.ask('what is the capital of australia?')).toMatchObject({ answers: [], confidence: 'none' });
  });
});
