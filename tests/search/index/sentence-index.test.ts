import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/corpus/parse-article.js';
import type { Article } from '../../../src/corpus/types.js';
import { Analyzer } from '../../../src/search/analyzer.js';
import { SentenceIndex, type IndexQuery } from '../../../src/search/index/sentence-index.js';
import { DEFAULT_OPTIONS } from '../../../src/search/options.js';

const SEARCH = { bm25: DEFAULT_OPTIONS.bm25, rescoredHits: DEFAULT_OPTIONS.rescoredHits };

function articles(count: number): Article[] {
  return Array.from({ length: count }, (_, index) => {
    const text = `The committee number ${index} met on Monday. It approved budget line ${index * 7}.\n\nMembers said the vote was close.`;
    const article = parseArticle(`a${index}.txt`, `a${index}`, 'txt', text).article;
    if (article === null) throw new Error('test article did not parse');
    return article;
  });
}

function queryOf(analyzer: Analyzer, text: string): IndexQuery {
  const terms = new Map(analyzer.analyze(text).map((term) => [term.term, 1]));
  return { terms, retrieveBy: new Set(terms.keys()) };
}

describe('SentenceIndex', () => {
  it('builds the same index in slices as in one go', async () => {
    const corpus = articles(50);
    const analyzer = new Analyzer();
    const whole = SentenceIndex.build(corpus, analyzer);
    const sliced = await SentenceIndex.buildInSlices(corpus, analyzer);
    expect(sliced.serialize()).toEqual(whole.serialize());
    const query = queryOf(analyzer, 'budget');
    expect(sliced.search(query, { ...SEARCH, contextBoost: 0.3, limit: 5 })).toEqual(
      whole.search(query, { ...SEARCH, contextBoost: 0.3, limit: 5 }),
    );
  });

  it('lets the event loop run while it indexes in slices', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    try {
      await SentenceIndex.buildInSlices(articles(3000), new Analyzer());
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(1);
  });

  it('restores what it serialised, and refuses an index of other articles', () => {
    const corpus = articles(5);
    const analyzer = new Analyzer();
    const saved = SentenceIndex.build(corpus, analyzer).serialize();
    expect(SentenceIndex.restore(corpus, saved).size).toBe(15);
    expect(() => SentenceIndex.restore(articles(4), saved)).toThrow(/holds 15 sentences, the articles 12/u);
  });

  it('answers a restored index exactly as the one it saved', () => {
    const corpus = articles(30);
    const analyzer = new Analyzer();
    const built = SentenceIndex.build(corpus, analyzer);
    const restored = SentenceIndex.restore(corpus, built.serialize());
    for (const question of ['budget', 'committee vote close', 'members approved line 14', 'monday']) {
      const query = queryOf(analyzer, question);
      expect(restored.search(query, { ...SEARCH, contextBoost: 0.3, limit: 20 })).toEqual(
        built.search(query, { ...SEARCH, contextBoost: 0.3, limit: 20 }),
      );
    }
  });

  it('scores every query term, but looks sentences up only by the retrieval terms (and their neighbours)', () => {
    const analyzer = new Analyzer();
    const article = parseArticle('a.txt', 'a', 'txt', 'Alpha met. Beta spoke. Gamma left. Delta came. Alpha returned.').article;
    if (article === null) throw new Error('test article did not parse');
    const index = SentenceIndex.build([article], analyzer);
    const [alpha = '', gamma = ''] = ['alpha', 'gamma'].map((word) => analyzer.analyze(word)[0]?.term ?? '');
    const terms = new Map([
      [alpha, 1],
      [gamma, 1],
    ]);
    const numbers = (retrieveBy: string[]) =>
      index
        .search({ terms, retrieveBy: new Set(retrieveBy) }, { ...SEARCH, contextBoost: 0, limit: 10 })
        .map((hit) => index.sentences[hit.id]?.sentence);
    expect(numbers([gamma])).toEqual([3]);
    expect(numbers([alpha]).sort()).toEqual([1, 5]);
    expect(numbers([])).toEqual([]);
  });

  it('lets a sentence be found through its neighbours, weighted by contextBoost', () => {
    const analyzer = new Analyzer();
    const index = SentenceIndex.build(articles(1), analyzer);
    const query = queryOf(analyzer, 'budget');
    expect(index.search(query, { ...SEARCH, contextBoost: 0, limit: 10 }).map((hit) => hit.id)).toEqual([1]);
    const withContext = index.search(query, { ...SEARCH, contextBoost: 0.3, limit: 10 });
    // The sentences before and after "It approved budget line 0." follow, each scoring 0.3 of it.
    expect(withContext.map((hit) => hit.id)).toEqual([1, 0, 2]);
    expect(withContext[1]?.score).toBeCloseTo((withContext[0]?.score ?? 0) * 0.3, 6);
  });
});
