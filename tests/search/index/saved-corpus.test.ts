import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load-corpus.js';
import { parseArticle } from '../../../src/corpus/parse-article.js';
import { restoreCorpus, saveCorpus, savedCorpus } from '../../../src/search/index/saved-corpus.js';

describe('the corpus as a snapshot saves it', () => {
  it('gives back exactly the corpus it saved, without saving sentence texts', async () => {
    const corpus = await loadCorpus('corpus');
    const saved = saveCorpus(corpus);
    expect(JSON.stringify(saved)).not.toContain(JSON.stringify(corpus.articles[0]?.sentences[1]?.text));
    expect(restoreCorpus(JSON.parse(JSON.stringify(saved)) as typeof saved)).toEqual(corpus);
  });

  it('restores quotations, abbreviations and odd spacing exactly as the splitter cut them', () => {
    const { article } = parseArticle(
      'a.md',
      'a',
      'md',
      'Mr. Smith said "No." Then   he left...  The U.S. agreed.\n\nSecond\tparagraph here. And more!\n',
    );
    if (article === null) throw new Error('test article did not parse');
    const corpus = { articles: [article], aliasGroups: [], problems: [] };
    expect(restoreCorpus(saveCorpus(corpus))).toEqual(corpus);
  });

  it("keeps each article's metadata, the licence included", () => {
    const { article } = parseArticle('w.md', 'w', 'md', '---\nsource: Wikinews\nlicence: CC BY 2.5\n---\n\nText.\n');
    if (article === null) throw new Error('test article did not parse');
    const corpus = { articles: [article], aliasGroups: [], problems: [] };
    // Through JSON and the schema a snapshot is read with.
    const saved = savedCorpus.parse(JSON.parse(JSON.stringify(saveCorpus(corpus))));
    expect(restoreCorpus(saved).articles[0]).toMatchObject({ source: 'Wikinews', licence: 'CC BY 2.5' });
  });

  it('refuses sentence lengths that do not add up to their paragraph', () => {
    const { article } = parseArticle('a.txt', 'a', 'txt', 'One. Two.');
    if (article === null) throw new Error('test article did not parse');
    const saved = saveCorpus({ articles: [article], aliasGroups: [], problems: [] });
    const broken = { ...saved, articles: saved.articles.map((savedArticle) => ({ ...savedArticle, sentenceLengths: [[4, 5]] })) };
    expect(() => restoreCorpus(broken)).toThrow(/do not add up/u);
  });
});
