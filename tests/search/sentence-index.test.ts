import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse-article.js';
import type { Article } from '../../src/corpus/types.js';
import { Analyzer } from '../../src/search/analyzer.js';
import { SentenceIndex } from '../../src/search/sentence-index.js';

function articles(count: number): Article[] {
  return Array.from({ length: count }, (_, index) => {
    const text = `The committee number ${index} met on Monday. It approved budget line ${index * 7}.\n\nMembers said the vote was close.`;
    const article = parseArticle(`a${index}.txt`, `a${index}`, 'txt', text).article;
    if (article === null) throw new Error('test article did not parse');
    return article;
  });
}

describe('SentenceIndex', () => {
  it('builds the same index in slices as in one go', async () => {
    const corpus = articles(50);
    const analyzer = new Analyzer();
    const whole = SentenceIndex.build(corpus, analyzer);
    const sliced = await SentenceIndex.buildInSlices(corpus, analyzer);
    expect(sliced.serialize()).toEqual(whole.serialize());
    const terms = new Map([[analyzer.analyze('budget')[0]?.term ?? '', 1]]);
    expect(sliced.search(terms, { contextBoost: 0.3, limit: 5 })).toEqual(whole.search(terms, { contextBoost: 0.3, limit: 5 }));
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
    expect(SentenceIndex.restore(corpus, analyzer, saved).size).toBe(15);
    expect(() => SentenceIndex.restore(articles(4), analyzer, saved)).toThrow(/holds 15 sentences, the articles 12/u);
  });
});
