import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse-article.js';
import { articleFileName } from '../../src/ingest/article-file-name.js';
import { renderCorpusFile, type NewArticle } from '../../src/ingest/corpus-file.js';

const base: NewArticle = {
  title: 'T',
  date: '2025-07-03',
  url: 'https://news.example/a?x=1#y',
  source: 'News: Example',
  paragraphs: ['One sentence here.', 'Another paragraph.'],
  added: '2026-11-30T12:00:00Z',
  feed: 'https://news.example/feed.xml',
};

describe('renderCorpusFile', () => {
  it.each([
    'Plain title',
    'Backslash \\ and tab-like \\t stay as written',
    'Ukraine: talks resume in Geneva',
    "Trump's call with Putin",
    '"No progress," Trump says',
    'He said "it\'s over"',
    '"It\'s over," he said',
    '2 dead after storm #Update',
    'true',
    '[Live] updates',
  ])('writes the title %j so that the corpus loader reads back the same front matter', (title) => {
    const { article, problems } = parseArticle('a.md', 'a', 'md', renderCorpusFile({ ...base, title }));
    expect(problems).toEqual([]);
    expect(article?.title).toBe(title);
    expect(article).toMatchObject({ date: '2025-07-03', url: base.url, source: 'News: Example', added: base.added, feed: base.feed });
    expect(article?.paragraphs).toEqual(base.paragraphs);
  });

  it('leaves out the fields an article does not have', () => {
    expect(renderCorpusFile({ ...base, date: null, url: null, source: null, feed: null })).toBe(
      "---\ntitle: T\nadded: '2026-11-30T12:00:00Z'\n---\n\nOne sentence here.\n\nAnother paragraph.\n",
    );
  });
});

describe('articleFileName', () => {
  it('is the date and the title’s words, accents dropped, any script kept', () => {
    expect(articleFileName('Building in Barcelona damaged by explosion', '2005-07-12')).toBe(
      '2005-07-12-building-in-barcelona-damaged-by-explosion',
    );
    expect(articleFileName('Zelenskyy & Erdoğan meet in Kyiv', null)).toBe('zelenskyy-erdogan-meet-in-kyiv');
    expect(articleFileName('Путин и Трамп', null)).toBe('путин-и-трамп');
  });

  it('cannot make a path, a hidden file or an empty name', () => {
    expect(articleFileName('../../etc/passwd', null)).toBe('etc-passwd');
    expect(articleFileName('.htaccess', null)).toBe('htaccess');
    expect(articleFileName('_aliases', null)).toBe('aliases');
    expect(articleFileName('?!…', '2025-01-01')).toBe('2025-01-01-article');
  });

  it('cuts a long title between words', () => {
    const name = articleFileName('The new ten-year pact requires the U.S. and Russia to cut their inventory of nuclear warheads', null);
    expect(name).toBe('the-new-ten-year-pact-requires-the-u-s-and-russia-to-cut');
    expect(name.length).toBeLessThanOrEqual(60);
  });
});
