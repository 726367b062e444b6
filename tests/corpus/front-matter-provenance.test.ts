import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse-article.js';

const withProvenance = (added: string, feed: string) =>
  `---\ntitle: A fed article\ndate: 2025-07-03\nurl: https://example.com/a\nadded: ${added}\nfeed: ${feed}\n---\n\nIt came from a feed.\n`;

describe('front matter provenance fields', () => {
  it('reads `added` (when the article was added) and `feed` (the feed it came from)', () => {
    const { article, problems } = parseArticle('a.md', 'a', 'md', withProvenance('2025-07-04T09:30:00Z', 'https://example.com/feed.xml'));
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ added: '2025-07-04T09:30:00Z', feed: 'https://example.com/feed.xml' });
  });

  it('accepts a plain date and a time with an offset for `added`', () => {
    for (const added of ['2025-07-04', '2025-07-04T09:30+02:00', '2025-07-04T09:30:15.250Z']) {
      expect(parseArticle('a.md', 'a', 'md', withProvenance(added, 'https://example.com/f')).article?.added).toBe(added);
    }
  });

  it('leaves both null for an article that does not say', () => {
    const { article } = parseArticle('a.md', 'a', 'md', '---\ntitle: Old\n---\n\nText.\n');
    expect(article).toMatchObject({ added: null, feed: null });
  });

  it('refuses an `added` that is not a time and a `feed` that is not an http(s) address, naming the line', () => {
    const { article, problems } = parseArticle('a.md', 'a', 'md', withProvenance('last Tuesday', 'ftp://example.com/feed'));
    expect(article).toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', line: 5, message: expect.stringContaining('`added` is not a date') }),
      expect.objectContaining({ severity: 'error', line: 6, message: expect.stringContaining('`feed` is not an http(s) address') }),
    ]);
  });
});
