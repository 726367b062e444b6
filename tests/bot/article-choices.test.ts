import { describe, expect, it } from 'vitest';
import { foldForMatching, rankArticleChoices, resolveArticle } from '../../src/bot/article-choices.js';
import type { ArticleSummary } from '../../src/search/types.js';

function summary(id: string, title: string, date: string | null = '2025-07-03'): ArticleSummary {
  return { id, title, date, url: null, source: null, added: null, feed: null, paragraphs: 1, sentences: 1 };
}

const corpus = [
  summary('a-ukraine-aid', 'European aid for Ukraine grows', '2025-07-01'),
  summary('b-ukraine', 'Ukraine', '2025-06-01'),
  summary('c-zelensky', 'Zelenskyy meets leaders in Kyiv', '2025-07-05'),
  summary('d-ukraine-talks', 'Ukraine talks stall', '2025-05-01'),
  summary('e-undated', 'An undated piece about Ukraine', null),
];

describe('rankArticleChoices', () => {
  it('puts the exact title match first, then prefixes, then titles containing the query', () => {
    expect(rankArticleChoices('ukraine', corpus).map((choice) => choice.value)).toEqual([
      'b-ukraine',
      'd-ukraine-talks',
      'a-ukraine-aid',
      'e-undated',
    ]);
  });

  it('matches regardless of case and accents', () => {
    expect(rankArticleChoices('ZELÉNSKYY', corpus).map((choice) => choice.value)).toEqual(['c-zelensky']);
    expect(foldForMatching('  Ünïcödé   Text ')).toBe('unicode text');
  });

  it('matches article ids too', () => {
    expect(rankArticleChoices('c-zel', corpus).map((choice) => choice.value)).toEqual(['c-zelensky']);
  });

  it('lists the newest articles when nothing is typed', () => {
    expect(rankArticleChoices('', corpus).map((choice) => choice.value)).toEqual([
      'c-zelensky',
      'a-ukraine-aid',
      'b-ukraine',
      'd-ukraine-talks',
      'e-undated',
    ]);
  });

  it('offers at most 25 choices, with names and values of at most 100 characters', () => {
    const many = Array.from({ length: 60 }, (_, index) =>
      summary(`article-${index}`, `Ukraine ${'very long title words '.repeat(20)}${index}`),
    );
    const choices = rankArticleChoices('ukraine', many);
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('shows the date after the title', () => {
    expect(rankArticleChoices('talks', corpus)[0]?.name).toBe('Ukraine talks stall (2025-05-01)');
  });

  it('leaves out articles whose id is too long to send back as a choice value', () => {
    expect(rankArticleChoices('', [summary('x'.repeat(101), 'Too long an id')])).toEqual([]);
  });

  it('returns nothing for a query that matches nothing', () => {
    expect(rankArticleChoices('basketball', corpus)).toEqual([]);
  });

  it('ranks a thousand articles in well under Discord’s 3 seconds', () => {
    const many = Array.from({ length: 1000 }, (_, index) => summary(`id-${index}`, `Title number ${index} about things`));
    const started = performance.now();
    rankArticleChoices('number 99', many);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('resolveArticle', () => {
  it('finds an article by the id autocomplete sent', () => {
    expect(resolveArticle('b-ukraine', corpus)?.id).toBe('b-ukraine');
  });

  it('finds an article by a typed title, ignoring case and accents', () => {
    expect(resolveArticle('zelenskyy MEETS leaders in kyiv', corpus)?.id).toBe('c-zelensky');
  });

  it('returns null for anything else', () => {
    expect(resolveArticle('ukr', corpus)).toBeNull();
    expect(resolveArticle('   ', corpus)).toBeNull();
  });
});
