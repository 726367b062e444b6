import type { Answer, AnswerSet, ArticleSummary, AskOptions, Engine } from '../../src/search/types.js';

export interface FakeArticle {
  readonly summary: ArticleSummary;
  readonly paragraphs: readonly string[];
}

export function article(id: string, overrides: Partial<ArticleSummary> = {}, paragraphs: readonly string[] = []): FakeArticle {
  return {
    summary: {
      id,
      title: `Title of ${id}`,
      date: '2025-07-03',
      url: `https://example.com/${id}`,
      source: 'Example News',
      added: null,
      feed: null,
      paragraphs: paragraphs.length,
      sentences: paragraphs.length * 2,
      ...overrides,
    },
    paragraphs,
  };
}

/**
 * An engine that answers from fixed passages: every passage whose text contains a word of the
 * question (case-insensitive) matches, in the order given. Enough to drive the bot without the
 * real index.
 */
export function fakeEngine(articles: readonly FakeArticle[]): Engine {
  const passages = articles.flatMap((entry) =>
    entry.paragraphs.map((text, index) => ({ article: entry.summary, text, paragraph: index + 1 })),
  );
  return {
    articles: articles.map((entry) => entry.summary),
    async ask(question: string, options: AskOptions = {}): Promise<AnswerSet> {
      const words: string[] = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const matches = passages
        .filter((passage) => options.article === undefined || passage.article.id === options.article)
        .map((passage) => ({
          passage,
          terms: (passage.text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => words.includes(word.toLowerCase())),
        }))
        .filter((match) => match.terms.length > 0);
      const offset = options.offset ?? 0;
      const answers = matches.slice(offset, offset + (options.limit ?? 3)).map(({ passage, terms }, index) => ({
        text: passage.text,
        passage: passage.text,
        score: 100 - offset - index,
        terms,
        source: {
          article: passage.article.id,
          title: passage.article.title,
          date: passage.article.date,
          url: passage.article.url,
          paragraph: passage.paragraph,
          sentence: passage.paragraph * 2 - 1,
        },
      }));
      return matches.length === 0 ? { answers, confidence: 'none', probability: 0 } : { answers, confidence: 'high', probability: 1 };
    },
    paragraph(articleId: string, paragraph: number): string | undefined {
      return articles.find((entry) => entry.summary.id === articleId)?.paragraphs[paragraph - 1];
    },
  };
}

export function answer(overrides: Partial<Answer> = {}, source: Partial<Answer['source']> = {}): Answer {
  return {
    text: 'Putin said Russia will pursue its goals.',
    passage: 'Putin said Russia will pursue its goals.',
    score: 1,
    terms: ['Putin', 'goals'],
    source: {
      article: 'trump-putin-call',
      title: 'Trump says no progress with Putin',
      date: '2025-07-03',
      url: 'https://kyivindependent.com/trump-putin-call',
      paragraph: 5,
      sentence: 9,
      ...source,
    },
    ...overrides,
  };
}
